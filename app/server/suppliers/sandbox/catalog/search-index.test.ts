import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCatalog } from "./catalog-generator";
import { buildSearchIndex, type SandboxSearchQuery } from "./search-index";
import { documentTokens, queryTokens } from "./tokenize";

const products = generateCatalog(11, 3_000);
const index = buildSearchIndex(products);
const q = (overrides: Partial<SandboxSearchQuery>): SandboxSearchQuery => ({ page: 1, pageSize: 20, ...overrides });
const all = (overrides: Partial<SandboxSearchQuery>) => index.search(q({ pageSize: 10_000, ...overrides })).indices.map((i) => products[i]!);

describe("sandbox search index", () => {
  it("finds English keywords regardless of case and plural", () => {
    const hits = all({ keyword: "Power BANKS" });
    expect(hits.length).toBeGreaterThan(10);
    for (const p of hits) expect(p.title_en.toLowerCase()).toContain("power bank");
    expect(hits.some((p) => p.product_type === "power-bank")).toBe(true);
  });

  it("finds Chinese keywords through character bigrams", () => {
    const hits = all({ keyword: "充电宝" });
    expect(hits.length).toBeGreaterThan(10);
    for (const p of hits) expect(p.title_zh).toContain("充电宝");
  });

  it("requires every keyword to match", () => {
    for (const p of all({ keyword: "black hoodie" })) {
      expect(p.title_en.toLowerCase()).toContain("hoodie");
      expect(p.options.find((o) => o.name === "Color")?.values).toContain("Black");
    }
  });

  it("filters by category, warehouse, stock and price range together", () => {
    const hits = all({ category: "toys", warehouse: "US", inStockOnly: true, minCostFen: 2_000, maxCostFen: 8_000 });
    expect(hits.length).toBeGreaterThan(0);
    for (const p of hits) {
      expect(p.category).toBe("toys");
      expect(p.variants.some((v) => (v.stock.US ?? 0) > 0)).toBe(true);
      const min = Math.min(...p.variants.map((v) => v.cost_fen));
      expect(min).toBeGreaterThanOrEqual(2_000);
      expect(min).toBeLessThanOrEqual(8_000);
    }
  });

  it("sorts by price and pages without overlap", () => {
    const first = index.search(q({ category: "beauty", sort: "price_asc" }));
    const second = index.search(q({ category: "beauty", sort: "price_asc", page: 2 }));
    const prices = [...first.indices, ...second.indices].map((i) => Math.min(...products[i]!.variants.map((v) => v.cost_fen)));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(new Set([...first.indices, ...second.indices]).size).toBe(40);
    expect(first.total).toBe(500);
  });

  it("returns nothing for an unknown category or word", () => {
    expect(index.search(q({ category: "weapons" })).total).toBe(0);
    expect(index.search(q({ keyword: "zzzxqv" })).total).toBe(0);
  });

  it("agrees with a brute-force scan for random keyword and filter combinations", () => {
    const words = ["case", "black", "tent", "led", "耳机", "保温杯", "玩具", "blue", "set", "mini"];
    fc.assert(fc.property(
      fc.option(fc.constantFrom(...words), { nil: undefined }),
      fc.option(fc.constantFrom("CN-GZ", "CN-YW", "US", "DE"), { nil: undefined }),
      fc.boolean(),
      fc.constantFrom("relevance", "price_asc", "newest") as fc.Arbitrary<SandboxSearchQuery["sort"]>,
      (keyword, warehouse, inStockOnly, sort) => {
        const got = new Set(index.search(q({ keyword, warehouse, inStockOnly, sort, pageSize: 10_000 })).indices);
        const expected = products.flatMap((p, i) => {
          const tokens = new Set(documentTokens(`${p.title_en} ${p.title_zh} ${p.options.find((o) => o.name === "Color")?.values.join(" ") ?? ""} ${p.brand}`));
          const keywordOk = !keyword || queryTokens(keyword).every((t) => tokens.has(t)) || false;
          const stocked = p.variants.some((v) => Object.entries(v.stock).some(([w, n]) => n > 0 && (!warehouse || w === warehouse)));
          const warehouseOk = !warehouse || stocked;
          const stockOk = !inStockOnly || p.variants.some((v) => Object.values(v.stock).some((n) => n > 0));
          return keywordOk && warehouseOk && stockOk ? [i] : [];
        });
        // Category names are indexed too, so the index may find a few more via "玩具"; never fewer.
        for (const i of expected) expect(got.has(i)).toBe(true);
      }), { numRuns: 60 });
  });
});
