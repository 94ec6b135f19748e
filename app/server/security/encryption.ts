import crypto from "node:crypto";

/**
 * AES-256-GCM encryption for secrets at rest. Keys come from SILKROUTE_ENCRYPTION_KEYS as
 * "id:base64key[,id:base64key…]"; the first key encrypts, every listed key can decrypt, so a key is
 * rotated by putting the new one first and re-encrypting (see reencrypt).
 */
export interface KeyRing {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export class EncryptionError extends Error {
  override name = "EncryptionError";
}

const FORMAT = "v1";
/** GCM's full 16-byte tag, fixed on both sides: without it, decipher accepts a truncated tag (as short as 4 bytes),
 *  which makes forging a ciphertext far cheaper (NIST SP 800-38D §5.2.1.2; Node's DEP0182). */
const GCM = { authTagLength: 16 } as const;

export function parseKeyRing(spec: string | undefined): KeyRing {
  if (!spec) throw new EncryptionError("SILKROUTE_ENCRYPTION_KEYS is not set; secrets cannot be stored");
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [id, encoded] = entry.split(":");
    if (!id || !encoded || !/^[A-Za-z0-9_-]+$/.test(id)) throw new EncryptionError(`Key entry "${id ?? ""}" must look like id:base64key`);
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new EncryptionError(`Key "${id}" must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
    keys.set(id, key);
  }
  const activeKeyId = [...keys.keys()][0];
  if (!activeKeyId) throw new EncryptionError("SILKROUTE_ENCRYPTION_KEYS lists no keys");
  return { activeKeyId, keys };
}

export function encrypt(plaintext: string, ring: KeyRing, associatedData = ""): { keyId: string; ciphertext: string } {
  const key = ring.keys.get(ring.activeKeyId)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, GCM);
  // Binding the owner (shop + purpose) stops a ciphertext from being replayed under another record.
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  const ciphertext = [FORMAT, ring.activeKeyId, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(":");
  return { keyId: ring.activeKeyId, ciphertext };
}

export function decrypt(ciphertext: string, ring: KeyRing, associatedData = ""): string {
  const [format, keyId, iv, tag, body] = ciphertext.split(":");
  if (format !== FORMAT || !keyId || !iv || !tag || body === undefined) throw new EncryptionError("Unrecognised ciphertext format");
  const key = ring.keys.get(keyId);
  if (!key) throw new EncryptionError(`Key "${keyId}" is not in SILKROUTE_ENCRYPTION_KEYS; it was rotated out too early`);
  const authTag = Buffer.from(tag, "base64");
  if (authTag.length !== GCM.authTagLength) throw new EncryptionError("Secret could not be decrypted: wrong key or tampered data");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"), GCM);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(authTag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new EncryptionError("Secret could not be decrypted: wrong key or tampered data");
  }
}

export function generateKeySpec(id = "k1"): string {
  return `${id}:${crypto.randomBytes(32).toString("base64")}`;
}
