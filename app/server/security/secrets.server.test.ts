import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { getSecret, putSecret, reencryptSecrets } from "./secrets.server";
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
});
