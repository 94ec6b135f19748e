import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildJdAdapter, buildJdOrderRequest, serveJd, useMswServer } from "./jd.fixture";

// Recorded JD answers the emulator does not produce (published verbatim shapes, codes from JD's table).
useMswServer({ beforeAll, afterEach, afterAll });

describe("JD VOP token request", () => {
  it("builds and signs the token request exactly as VOP expects", async () => {
    const jd = serveJd({ "/api/product/getPageNum": "pools" });
    await buildJdAdapter().adapter.jd.listPools();
    expect(jd.last("/oauth2/accessToken").params).toEqual({
      grant_type: "access_token", client_id: "client-abc", client_secret: "secret-xyz", username: "silkroute",
      password: "195f19b835efe9f0b7b4e276ef1a8515", // md5("p@ss"), never the plain password
      timestamp: "2026-11-01 08:00:00", scope: "",
      sign: "A146D1C9B2AD6B0272A38148194BBAC2", // computed independently with Python hashlib
    });
  });

  it("explains rejected credentials to the merchant and does not retry", async () => {
    const jd = serveJd({ "/oauth2/accessToken": "token-bad-password" });
    const r = await buildJdAdapter().adapter.jd.listPools();
    expect(!r.ok && r.error).toMatchObject({ kind: "auth", retryable: false, message: expect.stringContaining("Settings") });
    expect(jd.calls).toHaveLength(1);
  });
});

describe("JD code table", () => {
  it("treats 1003 on a business call as a parameter error, not an expired token", async () => {
    const jd = serveJd({ "/api/product/getDetail": "param-value", "/api/price/getSellPrice": "sell-price" });
    const r = await buildJdAdapter().adapter.getProduct("100012043978");
    expect(!r.ok && r.error).toMatchObject({ kind: "invalid_request", supplierCode: "1003" });
    expect(jd.paths().filter((p) => p === "/oauth2/accessToken")).toHaveLength(1);
  });
});

describe("JD order wire edge cases (recorded shapes)", () => {
  it("recovers from JD's 0008 duplicate-submit refusal by returning the first order", async () => {
    serveJd({
      "/api/order/selectJdOrderIdByThirdOrder": ["third-order-not-found", "third-order-found"],
      "/api/order/submitOrder": "submit-duplicate", "/api/order/selectJdOrder": "select-order-shipped",
    });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(r.ok && r.value).toMatchObject({ supplierOrderId: "281234567890", status: "shipped" });
  });

  it("reads JD's published split-order answer (pOrder object, cOrder children, no top-level jdOrderId)", async () => {
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/selectJdOrder": "select-order-split-parent" });
    const r = await buildJdAdapter().adapter.jd.orderDetail("so_jd_0001");
    expect(r.ok && r.value).toMatchObject({ order: { supplierOrderId: "82439393004", status: "delivered", total: { amount: 9976, currency: "CNY" } }, childIds: ["82439212677", "82437660963"] });
  });

  it.each([
    ["submit-out-of-stock", "out_of_stock", "3008"],
    ["submit-price-changed", "price_changed", "1003"],
  ])("classifies %s as %s by JD's code table", async (fixture, kind, code) => {
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-not-found", "/api/order/submitOrder": fixture });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(!r.ok && r.error).toMatchObject({ kind, supplierCode: code, retryable: false });
  });
});
