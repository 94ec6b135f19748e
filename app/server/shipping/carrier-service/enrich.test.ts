import { describe, expect, it } from "vitest";
import { MappingTable } from "../mapping-store/mapping-table";
import { supplierDataFrom } from "./enrich";

const mapping = (overrides: Record<string, unknown> = {}) => ({
  weightGrams: 250, lengthMm: 200, widthMm: 100, heightMm: 50, hsCode: "6109.10", originCountry: " cn ", flags: "Battery, magnet,unknown", stock: null, ...overrides,
});

describe("supplier data from a mapping", () => {
  it("turns a mapping into the engine's supplier data, dropping invalid stock entries", () => {
    expect(supplierDataFrom(mapping({ stock: { "CN-SZ": 4, "US-LA": -1, "DE-FRA": 1.5 } }))).toEqual({
      weightGrams: 250, dimensionsCm: { length: 20, width: 10, height: 5 }, flags: { battery: true, magnet: true }, hsCode: "610910", originCountry: "CN", stock: { "CN-SZ": 4 },
    });
  });

  it("shares one frozen flags and stock object per flag list and stored stock object across requests", () => {
    const stock = { "CN-SZ": 3 };
    const a = supplierDataFrom(mapping({ stock }));
    const b = supplierDataFrom(mapping({ stock }));
    expect(b.flags).toBe(a.flags);
    expect(b.stock).toBe(a.stock);
    expect(Object.isFrozen(a.flags) && Object.isFrozen(a.stock)).toBe(true);
    expect(supplierDataFrom(mapping({ stock: { "CN-SZ": -3 } })).stock).toBeUndefined();
  });

  it("uses the mapping table's stock as it comes (frozen, already reduced to whole quantities)", () => {
    const table = new MappingTable();
    table.upsert({ ...mapping({ stock: { "CN-SZ": 5, "US-LA": -2 } }), variantGid: "gid://shopify/ProductVariant/1", shopifySku: null });
    const fields = table.byVariantGid("gid://shopify/ProductVariant/1")!;
    const supplier = supplierDataFrom(fields);
    expect(supplier.stock).toBe(fields.stock);
    expect(supplier.stock).toEqual({ "CN-SZ": 5 });
  });
});
