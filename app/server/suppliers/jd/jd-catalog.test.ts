import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildJdAdapter, serveJd, useMswServer } from "./jd.fixture";

useMswServer({ beforeAll, afterEach, afterAll });

describe("JD product detail", () => {
  it("asks for the sku's detail and its customer price", async () => {
    const jd = serveJd({ "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    await buildJdAdapter().adapter.getProduct("100012043978");
    expect(jd.last("/api/product/getDetail").params).toMatchObject({ sku: "100012043978", isShow: "false" });
    expect(jd.last("/api/price/getSellPrice").params).toMatchObject({ sku: "100012043978" });
  });

  it("maps detail into one CNY variant with grams, origin and inferred battery flag", async () => {
    serveJd({ "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    const r = await buildJdAdapter().adapter.getProduct("100012043978");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.variants[0]).toMatchObject({ cost: { amount: 7990, currency: "CNY" }, weightGrams: 420 });
    expect(r.value).toMatchObject({ originCountry: "CN", hsCode: null, hazards: { battery: true, source: "inferred" } });
    expect(r.value.images[0]).toMatch(/^https:\/\/img13\.360buyimg\.com\/n0\/jfs\//);
  });

  it("explains a sku outside the product pool", async () => {
    serveJd({ "/api/product/getDetail": "product-not-in-pool" });
    const r = await buildJdAdapter().adapter.getProduct("1");
    expect(!r.ok && r.error).toMatchObject({ kind: "rejected", supplierCode: "2004", retryable: false, message: expect.stringContaining("product pool") });
  });
});

describe("JD catalog browsing", () => {
  it("pages a product pool and refuses keyword search it cannot do", async () => {
    const jd = serveJd({ "/api/product/getSkuByPage": "sku-by-page", "/api/product/getDetail": "product-detail", "/api/price/getSellPrice": "sell-price" });
    const { adapter } = buildJdAdapter();
    const page = await adapter.searchCatalog({ categoryId: "88", page: 2 });
    expect(jd.last("/api/product/getSkuByPage").params).toMatchObject({ pageNum: "88", pageNo: "2" });
    expect(page.ok && page.value.items[0]).toMatchObject({ supplierProductId: "100012043978", costFrom: { amount: 7990 } });
    const keyword = await adapter.searchCatalog({ keyword: "充电宝" });
    expect(!keyword.ok && keyword.error.kind).toBe("unsupported");
  });
});

describe("JD area stock", () => {
  it("sends skuNums and the area, and maps stock states with hidden counts as null", async () => {
    const jd = serveJd({ "/api/stock/getNewStockById": "stock-by-area", "/api/price/getSellPrice": "sell-price-two" });
    const r = await buildJdAdapter().adapter.getAvailability({
      supplierVariantIds: ["100012043978", "100009177424"], location: { kind: "area", areaId: "19_1601_3633_0" } });
    expect(jd.last("/api/stock/getNewStockById").params).toMatchObject({
      area: "19,1601,3633,0", skuNums: '[{"skuId":"100012043978","num":1},{"skuId":"100009177424","num":1}]' });
    expect(r.ok && r.value).toEqual([
      { supplierVariantId: "100012043978", location: { kind: "area", areaId: "19_1601_3633_0" }, cost: { amount: 7990, currency: "CNY" },
        listPrice: { amount: 9900, currency: "CNY" }, state: "in_stock", quantity: null },
      { supplierVariantId: "100009177424", location: { kind: "area", areaId: "19_1601_3633_0" }, cost: { amount: 1550, currency: "CNY" },
        listPrice: { amount: 1990, currency: "CNY" }, state: "out_of_stock", quantity: 0 },
    ]);
  });

  it("refuses a warehouse location because JD stock is per area", async () => {
    const r = await buildJdAdapter().adapter.getAvailability({ supplierVariantIds: ["1"], location: { kind: "warehouse", code: "CN-GZ" } });
    expect(!r.ok && r.error.kind).toBe("unsupported");
  });
});
