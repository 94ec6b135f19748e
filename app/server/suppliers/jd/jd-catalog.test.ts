import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POOL_SKU, SHENZHEN_FUTIAN, SHUNDE_JUNAN, startJdWorld, type JdWorld } from "./emulator/jd-emulator.fixture";

let world: JdWorld;
afterEach(() => world.close());

describe("JD catalog browsing", () => {
  beforeEach(async () => { world = await startJdWorld({ emulator: { skuIdsPerPage: 25 } }); });

  it("pages through a whole product pool, across JD's own pages, with its total", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await world.adapter.searchCatalog({ categoryId: "31950", page, pageSize: 20 });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.total).toBe(60);
      seen.push(...r.value.items.map((i) => i.supplierProductId));
    }
    const priced = world.emulator.catalog.skusOfPool("31950").filter((s) => world.emulator.catalog.sku(s)!.priceFen > 0).map(String);
    expect(seen).toEqual(priced); // every sellable SKU once, in pool order, including those on JD pages 2 and 3
    expect(world.emulator.calls.filter((p) => p === "/api/product/getSkuByPage").length).toBeLessThanOrEqual(3);
  });

  it("browses the account's first product pool when none is chosen (the connection test)", async () => {
    const r = await world.adapter.searchCatalog({ pageSize: 1 });
    expect(r.ok && r.value.items[0]!.supplierProductId).toBe(POOL_SKU(0));
  });

  it("keeps the Chinese title and leaves the English one for the merchant to write", async () => {
    const r = await world.adapter.getProduct(POOL_SKU(0));
    expect(r.ok && r.value.title).toEqual({ en: "", zh: "罗马仕 充电宝 20000毫安 22.5W快充 移动电源" });
    expect(r.ok && r.value.variants[0]!.cost.currency).toBe("CNY");
  });
});

describe("JD price -1", () => {
  beforeEach(async () => { world = await startJdWorld(); });

  it("reports an item JD prices at -1 as not available, never as a negative cost", async () => {
    const product = await world.adapter.getProduct(POOL_SKU(16));
    expect(!product.ok && product.error).toMatchObject({ kind: "rejected", message: expect.stringContaining("not available") });
    const page = await world.adapter.searchCatalog({ categoryId: "31950", pageSize: 20 });
    expect(page.ok && page.value.items.map((i) => i.supplierProductId)).not.toContain(POOL_SKU(16));
    expect(page.ok && page.value.items.every((i) => i.costFrom.amount > 0)).toBe(true);
    const stock = await world.adapter.getAvailability({ supplierVariantIds: [POOL_SKU(16)], location: { kind: "area", areaId: SHUNDE_JUNAN } });
    expect(stock.ok && stock.value[0]).toMatchObject({ cost: null, state: "out_of_stock", quantity: 0 });
  });
});

describe("JD area stock", () => {
  beforeEach(async () => { world = await startJdWorld(); });

  it("asks stock for a 4-level and a 3-level area with underscores, priced in CNY", async () => {
    for (const area of [SHUNDE_JUNAN, SHENZHEN_FUTIAN, "19_1607_3639"]) {
      const r = await world.adapter.getAvailability({ supplierVariantIds: [POOL_SKU(1), POOL_SKU(2)], location: { kind: "area", areaId: area } });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toHaveLength(2);
      expect(r.value[0]).toMatchObject({ supplierVariantId: POOL_SKU(1), location: { kind: "area", areaId: area }, cost: { currency: "CNY" } });
    }
  });

  it("refuses a warehouse location and a malformed area before calling JD", async () => {
    const byWarehouse = await world.adapter.getAvailability({ supplierVariantIds: [POOL_SKU(1)], location: { kind: "warehouse", code: "CN-GZ" } });
    expect(!byWarehouse.ok && byWarehouse.error.kind).toBe("unsupported");
    const commas = await world.adapter.getAvailability({ supplierVariantIds: [POOL_SKU(1)], location: { kind: "area", areaId: "19,1666,1669" } });
    expect(!commas.ok && commas.error.kind).toBe("invalid_request");
    expect(world.emulator.calls).not.toContain("/api/stock/getNewStockById");
  });
});
