import { describe, expect, it } from "vitest";
import { decrypt, encrypt, EncryptionError, generateKeySpec, parseKeyRing } from "./encryption";

describe("encryption at rest", () => {
  const ring = parseKeyRing(generateKeySpec("k1"));

  it("round-trips a secret and never stores the plaintext", () => {
    const { ciphertext, keyId } = encrypt('{"appSecret":"jd-super-secret"}', ring, "shop|jd");
    expect(keyId).toBe("k1");
    expect(ciphertext).not.toContain("jd-super-secret");
    expect(decrypt(ciphertext, ring, "shop|jd")).toBe('{"appSecret":"jd-super-secret"}');
  });

  it("uses a fresh IV each time, so equal secrets do not look equal", () => {
    expect(encrypt("same", ring).ciphertext).not.toBe(encrypt("same", ring).ciphertext);
  });

  it("refuses a ciphertext moved to another record", () => {
    const { ciphertext } = encrypt("secret", ring, "a.myshopify.com|jd");
    expect(() => decrypt(ciphertext, ring, "b.myshopify.com|jd")).toThrow(EncryptionError);
  });

  it("detects tampering", () => {
    const { ciphertext } = encrypt("secret", ring);
    const parts = ciphertext.split(":");
    parts[4] = Buffer.from("forged").toString("base64");
    expect(() => decrypt(parts.join(":"), ring)).toThrow(/tampered/);
  });

  it("refuses a ciphertext whose GCM tag was truncated, which GCM alone would accept", () => {
    const { ciphertext } = encrypt("secret", ring);
    const parts = ciphertext.split(":");
    parts[3] = Buffer.from(parts[3]!, "base64").subarray(0, 4).toString("base64");
    expect(() => decrypt(parts.join(":"), ring)).toThrow(EncryptionError);
  });

  it("decrypts with an older key after rotation and encrypts with the new one", () => {
    const old = generateKeySpec("k1");
    const { ciphertext } = encrypt("secret", parseKeyRing(old));
    const rotated = parseKeyRing(`${generateKeySpec("k2")},${old}`);
    expect(decrypt(ciphertext, rotated)).toBe("secret");
    expect(encrypt("secret", rotated).keyId).toBe("k2");
  });

  it("explains a missing or malformed key", () => {
    expect(() => parseKeyRing(undefined)).toThrow(/SILKROUTE_ENCRYPTION_KEYS is not set/);
    expect(() => parseKeyRing("k1:c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
