import db from "../../db.server";
import { decrypt, encrypt, parseKeyRing, type KeyRing } from "./encryption";

let cachedRing: { spec: string; ring: KeyRing } | undefined;

function keyRing(): KeyRing {
  const spec = process.env.SILKROUTE_ENCRYPTION_KEYS ?? "";
  if (cachedRing?.spec !== spec) cachedRing = { spec, ring: parseKeyRing(spec) };
  return cachedRing.ring;
}

const aad = (shop: string, purpose: string) => `${shop}|${purpose}`;

/** Stores a JSON-serialisable secret (e.g. supplier credentials) encrypted for one shop and purpose. */
export async function putSecret(shop: string, purpose: string, value: unknown): Promise<void> {
  const { keyId, ciphertext } = encrypt(JSON.stringify(value), keyRing(), aad(shop, purpose));
  await db.encryptedSecret.upsert({
    where: { shop_purpose: { shop, purpose } },
    create: { shop, purpose, keyId, ciphertext },
    update: { keyId, ciphertext },
  });
}

export async function getSecret<T = unknown>(shop: string, purpose: string): Promise<T | null> {
  const row = await db.encryptedSecret.findUnique({ where: { shop_purpose: { shop, purpose } } });
  return row ? (JSON.parse(decrypt(row.ciphertext, keyRing(), aad(shop, purpose))) as T) : null;
}

export async function deleteSecret(shop: string, purpose: string): Promise<void> {
  await db.encryptedSecret.deleteMany({ where: { shop, purpose } });
}

/** Re-encrypts every secret not under the active key; run after putting a new key first. */
export async function reencryptSecrets(): Promise<number> {
  const ring = keyRing();
  const stale = await db.encryptedSecret.findMany({ where: { keyId: { not: ring.activeKeyId } } });
  for (const row of stale) {
    const plaintext = decrypt(row.ciphertext, ring, aad(row.shop, row.purpose));
    const { keyId, ciphertext } = encrypt(plaintext, ring, aad(row.shop, row.purpose));
    await db.encryptedSecret.update({ where: { id: row.id }, data: { keyId, ciphertext } });
  }
  return stale.length;
}
