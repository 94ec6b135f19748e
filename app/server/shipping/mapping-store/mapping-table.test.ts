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

  it("finds a variant by its number as by its canonical GID, and an unsafe number only by the GID it spells", () => {
    const table = new MappingTable();
    for (let v = 1; v <= 100; v++) table.upsert(record(v));
    table.upsert(record(0, { variantGid: "gid://shopify/ProductVariant/123456789012345678901" }));
    expect(table.byVariantNumber(42)).toEqual(table.byVariantGid(record(42).variantGid));
    expect(table.byVariantNumber(42)?.weightGrams).toBe(142);
    expect(table.byVariantNumber(101)).toBeNull();
    expect(table.byVariantNumber(0)).toBeNull();
    expect(table.byVariantNumber(123456789012345678901)).toBeNull(); // the number cannot spell those digits
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

  it("keeps stock per warehouse code as given, and drops quantities the engine would ignore", () => {
    const table = new MappingTable();
    table.upsert(record(1, { stock: { "CN-SZ": 4, "US-LA": 0, "wh/7 ünï": 12, broken: -1, half: 1.5, text: "9" } }));
    expect(table.byVariantGid(record(1).variantGid)?.stock).toEqual({ "CN-SZ": 4, "US-LA": 0, "wh/7 ünï": 12 });
    table.upsert(record(1, { stock: { "US-LA": 3 } }));
    expect(table.byVariantGid(record(1).variantGid)?.stock).toEqual({ "US-LA": 3 });
    table.upsert(record(1, { stock: null }));
    expect(table.byVariantGid(record(1).variantGid)?.stock).toBeNull();
  });

  it("finds variants by GIDs in forms other than gid.ts writes, and SKUs in any script", () => {
    const table = new MappingTable();
    table.upsert(record(1, { variantGid: "gid://shopify/ProductVariant/0042", shopifySku: "Größe-42 🚚" }));
    table.upsert(record(2, { variantGid: "gid://shopify/ProductVariant/42" }));
    expect(table.byVariantGid("gid://shopify/ProductVariant/0042")?.weightGrams).toBe(101);
    expect(table.byVariantGid("gid://shopify/ProductVariant/42")?.weightGrams).toBe(102);
    expect(table.bySkuValue("Größe-42 🚚")?.weightGrams).toBe(101);
    expect(table.bySkuValue("Größe-42")).toBeNull();
    expect(table.retainOnly(new Set(["gid://shopify/ProductVariant/42"]))).toBe(1);
    expect(table.byVariantGid("gid://shopify/ProductVariant/0042")).toBeNull();
  });

  it("holds 20,000 mappings in typed arrays at under 120 bytes each, and stays that size when stock is rewritten", () => {
    const table = new MappingTable(20_000);
    for (let v = 1; v <= 20_000; v++) table.upsert(record(v));
    const loaded = table.bytes;
    expect(loaded / 20_000).toBeLessThan(120);
    for (let v = 1; v <= 20_000; v++) table.upsert(record(v, { stock: { "CN-SZ": v + 1 } }));
    expect(table.bytes).toBe(loaded);
    expect(table.bySkuValue("SKU-19999")?.stock).toEqual({ "CN-SZ": 20_000 });
  });

  it("gives a shop-sized table's pages back to the system when released, even with newer tables above it in memory", () => {
    // 10,000 rows: columns of 10-120 KB, the sizes malloc keeps in its heap (and keeps resident once freed below a
    // live allocation) rather than mapping on their own.
    const build = (first: number) => {
      const table = new MappingTable(10_000);
      for (let v = first; v < first + 10_000; v++) table.upsert(record(v));
      return table;
    };
    const released = Array.from({ length: 8 }, (_, i) => build(i * 10_000));
    const kept = build(100_000);
    const columns = released.reduce((sum, t) => sum + t.bytes, 0);
    const before = process.memoryUsage.rss();
    for (const table of released) table.release();
    expect(before - process.memoryUsage.rss()).toBeGreaterThan(columns * 0.8);
    expect(kept.byVariantNumber(100_007)?.weightGrams).toBe(100_107);
  });

  it("gives its memory back to the system at once when released, not at the next garbage collection, and is then an empty table", () => {
    const table = new MappingTable(50_000);
    for (let v = 1; v <= 50_000; v++) table.upsert(record(v));
    const columns = table.bytes;
    // Large columns are paged (resident, outside arrayBuffers), small ones on malloc's heap (in arrayBuffers): a
    // freed heap chunk may stay resident, a freed page may not.
    const held = () => process.memoryUsage.rss() + process.memoryUsage().arrayBuffers;
    const before = held();
    table.release();
    expect(before - held()).toBeGreaterThan(columns * 0.8);
    expect(table.size).toBe(0);
    expect(table.bytes).toBeLessThan(4_096);
    expect(table.bySkuValue("SKU-7")).toBeNull();
    expect(table.byVariantNumber(7)).toBeNull();
    table.upsert(record(7)); // a refresh still holding it writes into an empty table, harmlessly
    expect(table.byVariantNumber(7)?.weightGrams).toBe(107);
  });
});
