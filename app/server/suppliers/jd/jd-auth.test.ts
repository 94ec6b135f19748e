import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildJdAdapter, serveJd, useMswServer } from "./jd.fixture";
import { formatJdTimestamp, signJosRequest } from "./signing";

useMswServer({ beforeAll, afterEach, afterAll });

describe("JD VOP token", () => {
  it("builds and signs the token request exactly as VOP expects", async () => {
    const jd = serveJd({ "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    const { adapter } = buildJdAdapter();
    await adapter.getProduct("100012043978");
    expect(jd.last("/oauth2/accessToken").params).toEqual({
      grant_type: "access_token", client_id: "client-abc", client_secret: "secret-xyz", username: "silkroute",
      password: "195f19b835efe9f0b7b4e276ef1a8515", // md5("p@ss"), never the plain password
      timestamp: "2026-11-01 08:00:00", scope: "",
      sign: "A146D1C9B2AD6B0272A38148194BBAC2", // computed independently with Python hashlib
    });
  });

  it("gets one token and reuses it on every business call", async () => {
    const jd = serveJd({ "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    const { adapter } = buildJdAdapter();
    await adapter.getProduct("100012043978");
    await adapter.getProduct("100012043978");
    expect(jd.paths().filter((p) => p === "/oauth2/accessToken")).toHaveLength(1);
    expect(jd.last("/api/product/getDetail").params.token).toBe("jd-access-1");
  });

  it("refreshes with the refresh token shortly before the 24 h expiry", async () => {
    const jd = serveJd({ "/oauth2/refreshToken": "token-success", "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    const { adapter, clock } = buildJdAdapter();
    await adapter.getProduct("100012043978");
    clock.advance(23.9 * 3_600_000);
    await adapter.getProduct("100012043978");
    expect(jd.last("/oauth2/refreshToken").params).toEqual({ refresh_token: "jd-refresh-1", client_id: "client-abc", client_secret: "secret-xyz" });
  });

  it("logs in again once when JD says the token expired early", async () => {
    const jd = serveJd({ "/api/product/getDetail": ["token-expired", "product-detail"], "/api/price/getSellPrice": "sell-price" });
    const { adapter } = buildJdAdapter();
    const r = await adapter.getProduct("100012043978");
    expect(r.ok).toBe(true);
    expect(jd.paths().filter((p) => p === "/oauth2/accessToken")).toHaveLength(2);
  });

  it("explains rejected credentials to the merchant and does not retry", async () => {
    const jd = serveJd({ "/oauth2/accessToken": "token-bad-password" });
    const { adapter } = buildJdAdapter();
    const r = await adapter.getProduct("100012043978");
    expect(!r.ok && r.error).toMatchObject({ kind: "auth", retryable: false, message: expect.stringContaining("Settings") });
    expect(jd.calls).toHaveLength(1);
  });
});

describe("JD signing helpers", () => {
  it("formats timestamps in Beijing time", () => {
    expect(formatJdTimestamp(Date.UTC(2026, 11, 31, 20, 5, 9))).toBe("2027-01-01 04:05:09");
  });

  it("signs JOS router calls over sorted name+value pairs wrapped in the secret", () => {
    const params = { method: "biz.product.sku.query", app_key: "appk", timestamp: "2026-11-01 08:00:00", v: "2.0",
      "360buy_param_json": '{"pageNum":"1"}', access_token: "tok" };
    expect(signJosRequest(params, "sec")).toBe("B020E49D254240E3BB46A604D884AAEB");
    expect(signJosRequest({ ...params, sign: "ignored" }, "sec")).toBe("B020E49D254240E3BB46A604D884AAEB");
  });
});
