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

export interface RotationReport {
  /** Secrets stored. */
  total: number;
  /** Re-encrypted under the first (active) key by this run. */
  reencrypted: number;
  /** Already under the active key. */
  current: number;
  /** Could not be decrypted with any listed key (a key rotated out too early) or changed while we worked: left as is. */
  failed: number;
  activeKeyId: string;
}

/**
 * `npm run secrets:rotate`: re-encrypts every secret that is not under the first key of SILKROUTE_ENCRYPTION_KEYS,
 * after the operator put a new key first. Each row is swapped only if nobody rewrote it meanwhile, so a concurrent
 * putSecret is never overwritten with older plaintext. Rows are read in pages, never all at once.
 */
export async function rotateSecrets(options: { pageSize?: number; shop?: string } = {}): Promise<RotationReport> {
  const pageSize = options.pageSize ?? 200;
  const scope = options.shop ? { shop: options.shop } : {}; // tests rotate their own shop's rows only
  const ring = keyRing();
  const report: RotationReport = { total: 0, reencrypted: 0, current: 0, failed: 0, activeKeyId: ring.activeKeyId };
  for (let after: string | undefined; ; ) {
    const rows = await db.encryptedSecret.findMany({ where: after ? { ...scope, id: { gt: after } } : scope, orderBy: { id: "asc" }, take: pageSize });
    for (const row of rows) {
      report.total++;
      if (row.keyId === ring.activeKeyId) {
        report.current++;
        continue;
      }
      try {
        const plaintext = decrypt(row.ciphertext, ring, aad(row.shop, row.purpose));
        const { keyId, ciphertext } = encrypt(plaintext, ring, aad(row.shop, row.purpose));
        const { count } = await db.encryptedSecret.updateMany({ where: { id: row.id, ciphertext: row.ciphertext }, data: { keyId, ciphertext } });
        if (count === 1) report.reencrypted++;
        else report.failed++;
      } catch {
        report.failed++; // the row's id only in logs, never its contents
        console.error(`[secrets] secret ${row.id} (key ${row.keyId}) could not be re-encrypted`);
      }
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.id;
  }
  return report;
}

/** Re-encrypts every secret not under the active key; returns how many it re-encrypted. */
export async function reencryptSecrets(): Promise<number> {
  return (await rotateSecrets()).reencrypted;
}
