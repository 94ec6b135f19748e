import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCatalog, generateProduct } from "./catalog-generator";
import { CATEGORY_TEMPLATES } from "./catalog-templates";

const catalog = generateCatalog(7, 2_400);
const CJK = /[\u3400-\u9fff]/;

describe("sandbox catalog generator", () => {
  it("produces the same catalog for the same seed and a different one for another seed", () => {
    expect(generateCatalog(7, 50)).toEqual(catalog.slice(0, 50));
    expect(generateProduct(8, 3).title_en).not.toEqual(generateProduct(7, 3).title_en);
  });

  it("spreads products over all six categories", () => {
    const counts = new Map<string, number>();
    for (const p of catalog) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(CATEGORY_TEMPLATES.map((c) => c.id).sort());
    for (const n of counts.values()) expect(n).toBe(400);
  });

  it("gives every product English and Chinese titles and descriptions", () => {
    for (const p of catalog.slice(0, 300)) {
      expect(p.title_en).toMatch(/^[\x20-\x7e°]+$/);
      expect(p.title_zh).toMatch(CJK);
      expect(p.desc_zh).toMatch(CJK);
    }
  });

  it("flags power banks as battery, perfume as liquid, setting powder as powder and car mounts as magnet", () => {
    const byType = (key: string) => catalog.filter((p) => p.product_type === key);
    for (const p of byType("power-bank")) expect(p.hazards.battery).toBe(true);
    for (const p of byType("perfume")) expect(p.hazards.liquid).toBe(true);
    for (const p of byType("setting-powder")) expect(p.hazards.powder).toBe(true);
    for (const p of byType("car-mount")) expect(p.hazards.magnet).toBe(true);
    for (const p of byType("t-shirt")) expect(Object.values(p.hazards).some(Boolean)).toBe(false);
  });

  it("creates one variant per option combination with distinct ids", () => {
    for (const p of catalog.slice(0, 300)) {
      const expected = p.options.reduce((n, o) => n * o.values.length, 1);
      expect(p.variants).toHaveLength(expected);
      expect(new Set(p.variants.map((v) => v.vid)).size).toBe(expected);
    }
  });

  it("keeps stock in China warehouses and sometimes overseas", () => {
    const all = new Set(catalog.flatMap((p) => p.warehouses));
    expect([...all].sort()).toEqual(["CN-GZ", "CN-SZ", "CN-YW", "DE", "UK", "US"]);
    for (const p of catalog) expect(p.warehouses.some((w) => w.startsWith("CN-"))).toBe(true);
  });

  it("generates valid customs and shipping data for any product index", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 31 }), (index, seed) => {
      const p = generateProduct(seed, index);
      expect(p.hs_code).toMatch(/^\d{6}$/);
      expect(p.origin).toBe("CN");
      for (const v of p.variants) {
        expect(Number.isInteger(v.cost_fen) && v.cost_fen > 0).toBe(true);
        expect(v.weight_g).toBeGreaterThan(0);
        expect(v.dims_mm.every((d) => d > 0)).toBe(true);
        expect(v.image).toMatch(/^\/sandbox\/images\/[a-z-]+-[a-z]+\.svg$/);
      }
    }), { numRuns: 200 });
  });
});
