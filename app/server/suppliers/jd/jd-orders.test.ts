import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { money } from "../../money";
import { buildJdAdapter, buildJdOrderRequest, serveJd, useMswServer } from "./jd.fixture";

useMswServer({ beforeAll, afterEach, afterAll });

describe("JD submit order", () => {
  it("looks our key up first, then submits keyed by thirdOrder with a price snapshot", async () => {
    const jd = serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-not-found", "/api/order/submitOrder": "submit-order" });
    const { adapter } = buildJdAdapter();
    await adapter.createOrder(buildJdOrderRequest({ lines: [{ supplierVariantId: "100012043978", quantity: 2, expectedUnitCost: money(7990, "CNY") }] }));
    expect(jd.paths()).toEqual(["/oauth2/accessToken", "/api/order/selectJdOrderIdByThirdOrder", "/api/order/submitOrder"]);
    expect(jd.last("/api/order/submitOrder").params).toMatchObject({
      thirdOrder: "so_jd_0001", province: "19", city: "1601", county: "3633", town: "0", submitState: "1",
      sku: '[{"skuId":"100012043978","num":2,"bNeedAnnex":true,"bNeedGift":false}]',
      doOrderPriceMode: "1", orderPriceSnap: '[{"skuId":"100012043978","price":"79.90"}]', token: "jd-access-1",
    });
  });

  it("parses the submitted order with its CNY total", async () => {
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-not-found", "/api/order/submitOrder": "submit-order" });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(r.ok && r.value).toMatchObject({ idempotencyKey: "so_jd_0001", supplierOrderId: "281234567890", status: "accepted", total: { amount: 15980, currency: "CNY" } });
  });

  it("returns the existing order instead of submitting again when our key is already known", async () => {
    const jd = serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/selectJdOrder": "select-order-shipped" });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(jd.paths()).not.toContain("/api/order/submitOrder");
    expect(r.ok && r.value.status).toBe("shipped");
  });

  it("recovers from a duplicate-thirdOrder refusal by returning the first order", async () => {
    serveJd({
      "/api/order/selectJdOrderIdByThirdOrder": ["third-order-not-found", "third-order-found"],
      "/api/order/submitOrder": "submit-duplicate", "/api/order/selectJdOrder": "select-order-shipped",
    });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(r.ok && r.value.supplierOrderId).toBe("281234567890");
  });

  it.each([
    ["submit-out-of-stock", "out_of_stock", "no stock"],
    ["submit-price-changed", "price_changed", "price changed"],
  ])("turns %s into a clear %s message", async (fixture, kind, words) => {
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-not-found", "/api/order/submitOrder": fixture });
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest());
    expect(!r.ok && r.error).toMatchObject({ kind, retryable: false, message: expect.stringContaining(words) });
  });

  it("asks for JD area ids instead of sending an address JD cannot route", async () => {
    const r = await buildJdAdapter().adapter.createOrder(buildJdOrderRequest({ shipTo: { ...buildJdOrderRequest().shipTo, supplierAreaId: undefined } }));
    expect(!r.ok && r.error.kind).toBe("invalid_request");
  });
});

describe("JD two-phase orders", () => {
  it("reserves with submitState 0 and confirms by jdOrderId", async () => {
    const jd = serveJd({
      "/api/order/selectJdOrderIdByThirdOrder": ["third-order-not-found", "third-order-found"],
      "/api/order/submitOrder": "submit-order", "/api/order/confirmOrder": "confirm-order", "/api/order/selectJdOrder": "select-order-shipped",
    });
    const { adapter } = buildJdAdapter();
    const reserved = await adapter.twoPhase!.reserveOrder(buildJdOrderRequest());
    expect(jd.last("/api/order/submitOrder").params.submitState).toBe("0");
    expect(reserved.ok && reserved.value.status).toBe("reserved");
    await adapter.twoPhase!.confirmOrder("so_jd_0001");
    expect(jd.last("/api/order/confirmOrder").params).toMatchObject({ jdOrderId: "281234567890" });
  });
});

describe("JD cancel", () => {
  it("cancels a reserved order", async () => {
    const jd = serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/selectJdOrder": "select-order-reserved", "/api/order/cancel": "cancel-ok" });
    expect(await buildJdAdapter().adapter.cancelOrder("so_jd_0001")).toEqual({ ok: true, value: { outcome: "cancelled" } });
    expect(jd.last("/api/order/cancel").params.jdOrderId).toBe("281234567890");
  });

  it("reports 'already shipped' as an outcome, from the order state or from JD's refusal", async () => {
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/selectJdOrder": "select-order-shipped" });
    const byState = await buildJdAdapter().adapter.cancelOrder("so_jd_0001");
    expect(byState.ok && byState.value.outcome).toBe("refused_already_shipped");
    serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/selectJdOrder": "select-order-reserved", "/api/order/cancel": "cancel-shipped" });
    const byRefusal = await buildJdAdapter().adapter.cancelOrder("so_jd_0001");
    expect(byRefusal.ok && byRefusal.value).toMatchObject({ outcome: "refused_already_shipped", message: expect.stringContaining("return") });
  });
});

describe("JD tracking", () => {
  it("normalises JD's free-text track into our statuses with the JD waybill number", async () => {
    const jd = serveJd({ "/api/order/selectJdOrderIdByThirdOrder": "third-order-found", "/api/order/orderTrack": "order-track" });
    const r = await buildJdAdapter().adapter.getTracking("so_jd_0001");
    expect(jd.last("/api/order/orderTrack").params.jdOrderId).toBe("281234567890");
    if (!r.ok) throw new Error(r.error.message);
    const parcel = r.value.parcels[0]!;
    expect(parcel).toMatchObject({ trackingNumber: "JDV012345678901", carrier: { name: "京东快递" }, status: "delivered" });
    expect(parcel.events.map((e) => e.status)).toEqual(["info_received", "in_transit", "in_transit", "out_for_delivery", "delivered"]);
    expect(parcel.events[0]!.at).toBe("2026-11-01T02:02:11.000Z");
  });
});
