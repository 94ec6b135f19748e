import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { getSecret, putSecret, reencryptSecrets, rotateSecrets } from "./secrets.server";
import { generateKeySpec } from "./encryption";

const shop = `secrets-${process.pid}.myshopify.com`;

describe("secrets stored in the database", () => {
  afterAll(async () => {
    await db.encryptedSecret.deleteMany({ where: { shop } });
  });

  it("stores supplier credentials encrypted, not as plaintext", async () => {
    await putSecret(shop, "supplier:cj", { apiKey: "CJ-API-KEY-123456", email: "ops@example.com" });
    const row = await db.encryptedSecret.findUniqueOrThrow({ where: { shop_purpose: { shop, purpose: "supplier:cj" } } });
    expect(row.ciphertext).not.toContain("CJ-API-KEY-123456");
    expect(row.ciphertext).not.toContain("ops@example.com");
    expect(row.keyId).toBe("k1");
    expect(await getSecret(shop, "supplier:cj")).toEqual({ apiKey: "CJ-API-KEY-123456", email: "ops@example.com" });
  });

  it("re-encrypts stored secrets under a newly rotated key", async () => {
    await putSecret(shop, "supplier:jd", { appSecret: "s3cret" });
    const previous = process.env.SILKROUTE_ENCRYPTION_KEYS!;
    process.env.SILKROUTE_ENCRYPTION_KEYS = `${generateKeySpec("k9")},${previous}`;
    try {
      expect(await reencryptSecrets()).toBeGreaterThanOrEqual(1);
      const row = await db.encryptedSecret.findUniqueOrThrow({ where: { shop_purpose: { shop, purpose: "supplier:jd" } } });
      expect(row.keyId).toBe("k9");
      expect(await getSecret(shop, "supplier:jd")).toEqual({ appSecret: "s3cret" });
    } finally {
      process.env.SILKROUTE_ENCRYPTION_KEYS = previous;
    }
  });

  it("rotates every secret of a shop to the first key and reports how many it re-encrypted, kept and could not read", async () => {
    const rotating = `rotate-${process.pid}.myshopify.com`;
    const k7 = generateKeySpec("k7");
    const previous = process.env.SILKROUTE_ENCRYPTION_KEYS!;
    try {
      await putSecret(rotating, "supplier:jd", { appSecret: "a" });
      await putSecret(rotating, "supplier:cj", { apiKey: "b" });
      process.env.SILKROUTE_ENCRYPTION_KEYS = `${k7},${previous}`;
      await putSecret(rotating, "supplier:new", { apiKey: "c" }); // already under k7
      await db.encryptedSecret.create({ data: { shop: rotating, purpose: "supplier:lost", keyId: "k0", ciphertext: "v1:k0:AAAA:AAAA:AAAA" } });
      expect(await rotateSecrets({ shop: rotating, pageSize: 2 })).toEqual({ total: 4, reencrypted: 2, current: 1, failed: 1, activeKeyId: "k7" });
      const rows = await db.encryptedSecret.findMany({ where: { shop: rotating }, orderBy: { purpose: "asc" } });
      expect(rows.map((r) => r.keyId)).toEqual(["k7", "k7", "k0", "k7"]); // cj, jd, lost, new
      process.env.SILKROUTE_ENCRYPTION_KEYS = k7;
      expect(await getSecret(rotating, "supplier:jd")).toEqual({ appSecret: "a" }); // readable with the new key alone
    } finally {
      process.env.SILKROUTE_ENCRYPTION_KEYS = previous;
      await db.encryptedSecret.deleteMany({ where: { shop: rotating } });
    }
  });
});
