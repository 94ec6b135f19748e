import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { money } from "../../money";
import { buildCjAdapter, serveCj, useMswServer } from "./cj.fixture";

useMswServer({ beforeAll, afterEach, afterAll });

describe("CJ product list", () => {
  it("sends keyword, price range, warehouse country, paging and sort as listV2 query params", async () => {
    const cj = serveCj({ "GET /product/listV2": "product-list-v2" });
    await buildCjAdapter().adapter.searchCatalog({ keyword: "power bank", priceMin: money(500, "USD"), priceMax: money(2000, "USD"),
      shipsFrom: "US", sort: "price_asc", page: 2, pageSize: 20 });
    expect(cj.last("/product/listV2").query).toEqual({ keyWord: "power bank", countryCode: "US", startSellPrice: "5.00", endSellPrice: "20.00",
      page: "2", size: "20", orderBy: "2", sort: "asc" });
  });

  it("parses a page with USD costs taken from the low end of a price range", async () => {
    serveCj({ "GET /product/listV2": "product-list-v2" });
    const r = await buildCjAdapter().adapter.searchCatalog({ keyword: "power bank" });
    expect(r.ok && r.value).toMatchObject({ total: 1342, items: [{ supplierProductId: "1459382839193800704", costFrom: { amount: 845, currency: "USD" } }] });
  });

  it("refuses a CNY price range rather than comparing different currencies", async () => {
    const r = await buildCjAdapter().adapter.searchCatalog({ priceMin: money(500, "CNY") });
    expect(!r.ok && r.error.kind).toBe("unsupported");
  });
});

describe("CJ product detail", () => {
  it("maps variants, options, dimensions, HS code and declared hazards", async () => {
    serveCj({ "GET /product/query": "product-query" });
    const r = await buildCjAdapter().adapter.getProduct("1459382839193800704");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      hsCode: "85076000", originCountry: "CN", hazards: { battery: true, magnet: true, liquid: false, source: "supplier" },
      options: [{ name: "Color", values: ["Black", "White"] }, { name: "Capacity", values: ["10000mAh"] }],
    });
    expect(r.value.variants[1]).toMatchObject({ supplierVariantId: "V-PB-WHT-10K", options: { Color: "White", Capacity: "10000mAh" },
      cost: { amount: 865, currency: "USD" }, weightGrams: 210, dimensions: { lengthMm: 105, widthMm: 68, heightMm: 16 } });
  });

  it("turns a parameter error into a merchant-readable message", async () => {
    serveCj({ "GET /product/query": "param-error" });
    const r = await buildCjAdapter().adapter.getProduct("bad");
    expect(!r.ok && r.error).toMatchObject({ kind: "invalid_request", supplierCode: "1600100", retryable: false });
  });
});

describe("CJ stock and freight", () => {
  it("queries stock by vid and keeps the requested warehouse country", async () => {
    const cj = serveCj({ "GET /product/stock/queryByVid": "stock-by-vid" });
    const r = await buildCjAdapter().adapter.getAvailability({ supplierVariantIds: ["V-PB-BLK-10K"], location: { kind: "warehouse", code: "US" } });
    expect(cj.last("/product/stock/queryByVid").query).toEqual({ vid: "V-PB-BLK-10K" });
    expect(r.ok && r.value).toEqual([{ supplierVariantId: "V-PB-BLK-10K", location: { kind: "warehouse", code: "US" }, cost: null, state: "out_of_stock", quantity: 0 }]);
  });

  it("quotes freight with USD prices and day ranges", async () => {
    const cj = serveCj({ "POST /logistic/freightCalculate": "freight-calculate" });
    const r = await buildCjAdapter().adapter.freight!.quoteFreight({
      lines: [{ supplierVariantId: "V-PB-BLK-10K", quantity: 2 }], from: { kind: "country", countryCode: "CN" }, toCountryCode: "US", toZip: "73301" });
    expect(cj.last("/logistic/freightCalculate").body).toEqual({ startCountryCode: "CN", endCountryCode: "US", zip: "73301", products: [{ quantity: 2, vid: "V-PB-BLK-10K" }] });
    expect(r.ok && r.value[0]).toEqual({ serviceName: "CJPacket Ordinary", price: { amount: 473, currency: "USD" }, minDays: 7, maxDays: 12 });
  });
});
