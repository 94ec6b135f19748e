import { describe, expect, it } from "vitest";
import { MappingTable, type MappingRecord } from "./mapping-table";

const record = (variant: number, overrides: Partial<MappingRecord> = {}): MappingRecord => ({
  variantGid: `gid://shopify/ProductVariant/${variant}`, shopifySku: `SKU-${variant}`, weightGrams: 100 + variant, lengthMm: 200, widthMm: 100, heightMm: null,
  hsCode: "610910", originCountry: "CN", flags: "battery", stock: { "CN-SZ": variant }, ...overrides,
});

describe("mapping table", () => {
  it("gives back the fields it was given, by variant GID and by SKU", () => {
    const table = new MappingTable();
    for (let v = 1; v <= 3000; v++) table.upsert(record(v));
    const { variantGid: _v, shopifySku: _s, ...fields } = record(2500);
    expect(table.byVariantGid(record(2500).variantGid)).toEqual(fields);
    expect(table.bySkuValue("SKU-2500")).toEqual(fields);
    expect(table.size).toBe(3000);
  });

  it("answers null for a variant or SKU it does not hold", () => {
    const table = new MappingTable();
    table.upsert(record(1));
    expect(table.byVariantGid("gid://shopify/ProductVariant/2")).toBeNull();
    expect(table.bySkuValue("SKU-2")).toBeNull();
  });

  it("reads integers outside the Int32 range back as null, which enrichment drops like the original value", () => {
    const table = new MappingTable();
    table.upsert(record(1, { weightGrams: 5_000_000_000, lengthMm: -3 }));
    expect(table.byVariantGid(record(1).variantGid)).toMatchObject({ weightGrams: null, lengthMm: -3 });
  });

  it("moves the SKU index when a mapping's SKU changes, and falls back to another mapping with the old SKU", () => {
    const table = new MappingTable();
    table.upsert(record(1, { shopifySku: "SHARED" }));
    table.upsert(record(2, { shopifySku: "SHARED" }));
    expect(table.bySkuValue("SHARED")?.weightGrams).toBe(102);
    table.upsert(record(2, { shopifySku: "OWN" }));
    expect(table.bySkuValue("SHARED")?.weightGrams).toBe(101);
    expect(table.bySkuValue("OWN")?.weightGrams).toBe(102);
  });

  it("forgets deleted mappings by variant and SKU and reuses their rows", () => {
    const table = new MappingTable();
    for (let v = 1; v <= 4; v++) table.upsert(record(v));
    expect(table.retainOnly(new Set([record(1).variantGid, record(3).variantGid]))).toBe(2);
    expect(table.size).toBe(2);
    expect(table.byVariantGid(record(2).variantGid)).toBeNull();
    expect(table.bySkuValue("SKU-4")).toBeNull();
    expect(table.bySkuValue("SKU-3")?.weightGrams).toBe(103);
    table.upsert(record(5));
    expect(table.bySkuValue("SKU-5")?.weightGrams).toBe(105);
    expect(table.byVariantGid(record(1).variantGid)?.weightGrams).toBe(101);
  });
});
