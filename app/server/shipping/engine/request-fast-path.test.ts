import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEM_FLAGS } from "./card-types";
import { parseValidRateRequest } from "./request-fast-path";
import { rateRequestSchema } from "./request-schema";

// Mostly valid values, so that requests reach the accepting branch, with every kind of invalid one now and then.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: invalid, weight: 1 });
const text = mostly(fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 5 })), fc.constant("x".repeat(201)));
const int = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.oneof(fc.integer({ min: min - 3, max: max + 3 }), fc.constantFrom(1.5, Number.NaN, Infinity, -0, 2 ** 60)));
const address = fc.record({
  country: mostly(fc.constantFrom("US", "de", " gb "), fc.constantFrom("USA", "", "1A")),
  province: text, postal_code: text, city: text, name: fc.constant("Jane Buyer"),
}, { requiredKeys: ["country"] });
const supplier = fc.record({
  weightGrams: int(0, 1_000_000),
  dimensionsCm: fc.record({ length: mostly(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.constantFrom(0, -1, 1001, Number.NaN)), width: fc.constant(10), height: fc.constant(5) }),
  flags: fc.record(Object.fromEntries([...ITEM_FLAGS, "unknown"].map((f) => [f, mostly(fc.boolean(), fc.constant("yes"))])), { requiredKeys: [] }),
  hsCode: mostly(fc.constantFrom("610910", "8507600000"), fc.constantFrom("12", "61.09")),
  originCountry: mostly(fc.constant("CN"), fc.constantFrom("cn", "CHN")),
  stock: fc.dictionary(mostly(fc.constantFrom("CN-SZ", "US-LA"), fc.constant("__proto__")), int(0, 500)),
}, { requiredKeys: [] });
const item = fc.record({
  sku: text,
  variantId: mostly(fc.oneof(fc.constant(null), fc.constant(undefined), fc.nat(), fc.string({ maxLength: 4 })), fc.constant(Infinity)),
  quantity: int(1, 10_000), grams: int(0, 1_000_000), priceMinor: int(0, 1_000_000_000),
  supplier: fc.option(supplier, { nil: undefined }),
}, { requiredKeys: ["quantity", "grams", "priceMinor"] });
const request = fc.record({
  origin: fc.option(address, { nil: null }), destination: address,
  items: fc.array(item, { minLength: 0, maxLength: 3 }),
  currency: mostly(fc.constantFrom("USD", "EUR"), fc.constantFrom("usd", "EURO")),
}, { requiredKeys: ["destination", "items", "currency"] });

function expectSameAsSchema(input: unknown): boolean {
  const fast = parseValidRateRequest(input);
  const schema = rateRequestSchema.safeParse(input);
  if (fast === null) return false;
  expect(schema.success).toBe(true);
  expect(fast).toEqual(schema.data);
  return true;
}

describe("engine request fast path", () => {
  it("returns exactly what the schema returns for any request it accepts", () => {
    let accepted = 0;
    fc.assert(fc.property(request, (input) => void (accepted += Number(expectSameAsSchema(input)))), { numRuns: 2000 });
    expect(accepted).toBeGreaterThan(200); // the generator reaches the accepting branch, not just the fallback
  });

  it("leaves any other value to the schema", () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => void expectSameAsSchema(input)), { numRuns: 500 });
  });

  it("accepts an enriched callback request and upper-cases and trims countries as the schema does", () => {
    const input = {
      origin: null, destination: { country: " us ", postal_code: "94103", province: "CA", city: "SF", name: "Jane" }, currency: "USD",
      items: [{ sku: "A", variantId: 7, quantity: 2, grams: 300, priceMinor: 1999, supplier: { weightGrams: 250, dimensionsCm: { length: 20, width: 10, height: 5 }, flags: { battery: true }, stock: { "CN-SZ": 3 } } }],
    };
    expect(parseValidRateRequest(input)).toEqual(rateRequestSchema.parse(input));
    expect(parseValidRateRequest(input)?.destination.country).toBe("US");
  });

  it("leaves a price above the engine's bound, which the edge lets through as a string, to the schema", () => {
    const input = { origin: null, destination: { country: "US" }, currency: "USD", items: [{ sku: null, variantId: null, quantity: 1, grams: 1, priceMinor: 9_999_999_999 }] };
    expect(parseValidRateRequest(input)).toBeNull();
    expect(rateRequestSchema.safeParse(input).success).toBe(false);
  });
});
