import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isValidS10 } from "../tracking-number";
import { buildCjAdapter, buildCjOrderRequest, serveCj, useMswServer } from "./cj.fixture";

useMswServer({ beforeAll, afterEach, afterAll });

describe("CJ create order V2", () => {
  it("checks our orderNumber first and then creates with payType 2 and the quoted logistic name", async () => {
    const cj = serveCj({ "GET /shopping/order/getOrderDetail": "order-not-found", "POST /shopping/order/createOrderV2": "create-order-v2" });
    await buildCjAdapter().adapter.createOrder(buildCjOrderRequest());
    expect(cj.last("/shopping/order/getOrderDetail").query).toEqual({ orderId: "so_cj_0001" });
    expect(cj.last("/shopping/order/createOrderV2").body).toMatchObject({
      orderNumber: "so_cj_0001", shippingCountryCode: "US", shippingProvince: "TX", shippingZip: "73301", logisticName: "CJPacket Ordinary",
      fromCountryCode: "CN", payType: 2, products: [{ vid: "V-PB-BLK-10K", quantity: 2 }],
    });
  });

  it("parses the created order with its USD total", async () => {
    serveCj({ "GET /shopping/order/getOrderDetail": "order-not-found", "POST /shopping/order/createOrderV2": "create-order-v2" });
    const r = await buildCjAdapter().adapter.createOrder(buildCjOrderRequest());
    expect(r.ok && r.value).toMatchObject({ supplierOrderId: "2611010800123456789", status: "processing", total: { amount: 2163, currency: "USD" } });
  });

  it("returns the existing order when our orderNumber is already known, without creating", async () => {
    const cj = serveCj({ "GET /shopping/order/getOrderDetail": "order-detail-unshipped" });
    const r = await buildCjAdapter().adapter.createOrder(buildCjOrderRequest());
    expect(cj.paths()).not.toContain("POST /shopping/order/createOrderV2");
    expect(r.ok && r.value.supplierOrderId).toBe("2611010800123456789");
  });

  it("does not create twice when the first create's response was lost", async () => {
    const cj = serveCj({
      "GET /shopping/order/getOrderDetail": ["order-not-found", "order-not-found", "order-detail-unshipped"],
      "POST /shopping/order/createOrderV2": { status: 502 },
    });
    const r = await buildCjAdapter().adapter.createOrder(buildCjOrderRequest());
    expect(cj.paths().filter((p) => p.endsWith("createOrderV2"))).toHaveLength(1);
    expect(r.ok && r.value.supplierOrderId).toBe("2611010800123456789");
  });

  it("explains an empty CJ balance", async () => {
    serveCj({ "GET /shopping/order/getOrderDetail": "order-not-found", "POST /shopping/order/createOrderV2": "create-order-no-balance" });
    const r = await buildCjAdapter().adapter.createOrder(buildCjOrderRequest());
    expect(!r.ok && r.error).toMatchObject({ kind: "insufficient_balance", retryable: false, message: expect.stringContaining("Top it up") });
  });
});

describe("CJ order query, cancel and tracking", () => {
  it("finds nothing for an unknown orderNumber", async () => {
    serveCj({ "GET /shopping/order/getOrderDetail": "order-not-found" });
    expect(await buildCjAdapter().adapter.findOrder("so_cj_missing")).toEqual({ ok: true, value: null });
  });

  it("cancels an unshipped order by CJ order id and refuses a shipped one with a clear outcome", async () => {
    const cj = serveCj({ "GET /shopping/order/getOrderDetail": "order-detail-unshipped", "DELETE /shopping/order/deleteOrder": "delete-order" });
    expect(await buildCjAdapter().adapter.cancelOrder("so_cj_0001")).toEqual({ ok: true, value: { outcome: "cancelled" } });
    expect(cj.last("/shopping/order/deleteOrder").query).toEqual({ orderId: "2611010800123456789" });
    serveCj({ "GET /shopping/order/getOrderDetail": "order-detail-shipped" });
    const shipped = await buildCjAdapter().adapter.cancelOrder("so_cj_0001");
    expect(shipped.ok && shipped.value.outcome).toBe("refused_already_shipped");
  });

  it("tracks the order's number and normalises the routes, oldest first", async () => {
    const cj = serveCj({ "GET /shopping/order/getOrderDetail": "order-detail-shipped", "GET /logistic/trackInfo": "track-info" });
    const r = await buildCjAdapter().adapter.getTracking("so_cj_0001");
    expect(cj.last("/logistic/trackInfo").query).toEqual({ trackingNumber: "LX473124829CN" });
    if (!r.ok) throw new Error(r.error.message);
    const parcel = r.value.parcels[0]!;
    expect(isValidS10(parcel.trackingNumber)).toBe(true);
    expect(parcel.events.map((e) => e.status)).toEqual(["info_received", "in_transit", "customs_clearance", "out_for_delivery"]);
    expect(parcel.status).toBe("out_for_delivery");
  });
});
