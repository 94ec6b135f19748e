import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseValidRateRequest } from "../engine/request-fast-path";
import { MappingTable } from "../mapping-store/mapping-table";
import { enrichedRequest, enrichItems, supplierDataFrom } from "./enrich";
import { defaultBox, storedMapping } from "./test-arbitraries";

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

// Mostly valid values, with every kind of value the engine refuses now and then.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 20 }, { arbitrary: invalid, weight: 1 });
const int = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.constantFrom(min - 1, max + 1, 1.5, Number.NaN, 2 ** 60));
const text = mostly(fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })), fc.constant("x".repeat(201)));
const address = fc.record({ country: mostly(fc.constantFrom("US", "de", " gb "), fc.constantFrom("USA", "")), province: text, postal_code: text, city: text });
const line = fc.record({
  sku: text, variantId: mostly(fc.oneof(fc.constant(null), fc.nat(), fc.constant("123")), fc.constant(Infinity)),
  quantity: int(1, 10_000), grams: int(0, 1_000_000), priceMinor: int(0, 1_000_000_000),
});
const cart = fc.record({
  input: fc.record({ origin: fc.option(address, { nil: null }), destination: address, currency: mostly(fc.constantFrom("USD", "EUR"), fc.constant("usd")), items: fc.array(line, { minLength: 1, maxLength: 4 }) }),
  mappings: fc.array(fc.option(storedMapping, { nil: null }), { minLength: 4, maxLength: 4 }),
  box: defaultBox,
});

describe("the callback's checked engine request", () => {
  it("is what enriching the lines and then validating them returns, for any cart, mappings and default box", () => {
    let built = 0;
    fc.assert(fc.property(cart, ({ input, mappings, box }) => {
      const direct = enrichedRequest(input, mappings, box);
      expect(direct).toEqual(parseValidRateRequest(enrichItems(input, mappings, box)));
      built += direct === null ? 0 : 1;
    }), { numRuns: 3000 });
    expect(built).toBeGreaterThan(500); // the generator reaches the building branch, not only refusals
  });

  it("gives unmapped lines and mappings without a size the shop's default box", () => {
    const input = { origin: null, destination: { country: "de", province: null, postal_code: "10115", city: null }, currency: "EUR", items: [1, 2].map((n) => ({ sku: `S${n}`, variantId: n, quantity: 1, grams: 100, priceMinor: 500 })) };
    const request = enrichedRequest(input, [null, mapping({ lengthMm: null })], { length: 30, width: 20, height: 10 })!;
    expect(request.destination.country).toBe("DE");
    expect(request.items.map((i) => [i.variantId, i.supplier?.dimensionsCm])).toEqual([["1", { length: 30, width: 20, height: 10 }], ["2", { length: 30, width: 20, height: 10 }]]);
    expect(request.items[1]!.supplier?.weightGrams).toBe(250);
  });
});
