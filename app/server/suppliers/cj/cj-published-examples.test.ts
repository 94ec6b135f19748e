import { describe, expect, it } from "vitest";
import { cjPublishedExample } from "./cj.fixture";
import * as map from "./mappers";

// __fixtures__ holds CJ's own published examples from cj-contract.json, verbatim: the mappers must read what CJ prints.
const data = (name: string) => (cjPublishedExample(name) as { data: unknown }).data;

describe("CJ mappers read CJ's published examples", () => {
  it("reads listV2's nested productList with its string USD price", () => {
    const page = map.parseList(data("product-list-v2"));
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 1000 });
    expect(page.items[0]).toMatchObject({ supplierProductId: "04A22450-67F0-4617-A132-E7AE7F8963B0", costFrom: { amount: 1185, currency: "USD" }, inStock: true });
  });

  it("reads stock/queryByVid per warehouse country", () => {
    expect(map.parseStock(data("stock-query-by-vid"), "7874B45D-E971-4DC8-8F59-40530B0F6B77", "CN")).toMatchObject({ quantity: 10877, state: "in_stock", location: { code: "CN" } });
    expect(map.parseStock(data("stock-query-by-vid"), "7874B45D-E971-4DC8-8F59-40530B0F6B77", "US").quantity).toBe(0);
  });

  it("reads freightCalculate's USD price and aging range", () => {
    expect(map.parseFreight(data("freight-calculate"))).toEqual([{ serviceName: "USPS+", price: { amount: 471, currency: "USD" }, minDays: 2, maxDays: 5 }]);
  });

  it("reads getOrderDetail's status and USD total", () => {
    expect(map.parseOrder(data("get-order-detail"), "api_52f268d40b8d460e82c0683955e63cc9")).toMatchObject({
      supplierOrderId: "210823100016290555", status: "accepted", supplierStatus: "CREATED", total: { amount: 425, currency: "USD" }, trackingNumbers: [] });
  });

  it("reads trackInfo's free-text status when no LOGISTIC scans are stored", () => {
    const t = map.parseTracking(data("track-info"), "k", new Map());
    expect(t.parcels[0]).toMatchObject({ trackingNumber: "CJPKL7160102171YQ", carrier: { name: "CJPacket Sensitive" }, status: "in_transit", events: [] });
  });

  it("reads the LOGISTIC webhook's trackingStatus code and its JSON-string event list", () => {
    const m = map.parseLogisticMessage(cjPublishedExample("webhook-logistic"));
    expect(m).toMatchObject({ trackingNumber: "number12345678", carrier: "CJPacket Ordinary", status: "delivered" });
    expect(m.events).toEqual([{ at: "2024-01-18T07:59:22.000Z", status: "delivered", description: "Delivered, PO Box", location: "NENANA,AK 99760" }]);
  });

  it("reads the ORDER and STOCK webhooks", () => {
    expect(map.parseOrderMessage(cjPublishedExample("webhook-order"))).toMatchObject({ orderNumber: "api_52f268d40b8d460e82c0683955e63cc9", supplierStatus: "CREATED" });
    expect(map.parseStockMessage(cjPublishedExample("webhook-stock")).rows).toContainEqual({ vid: "1424608152007086080", countryCode: "US", quantity: 12 });
  });
});
