import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCarrierServicePayload } from "../engine";
import { callbackCart, lineKey, withSuppliers } from "./callback-request";
import { enrichedRequest } from "./enrich";
import { acceptRateRequestPayload } from "./payload";
import { buildRateItem, buildRatePayload } from "./test-builders";

// Mostly valid values, so that carts reach the one-pass path, with every kind of value some step refuses now and then.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 25 }, { arbitrary: invalid, weight: 1 });
const text = mostly(fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })), fc.oneof(fc.constant("x".repeat(201)), fc.nat()));
const int = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.constantFrom(min - 1, max + 1, 1.5, "1", 2 ** 60, null));
const id = mostly(fc.oneof(fc.nat(), fc.constant(0), fc.constant(null), fc.stringMatching(/^\d{1,20}$/)), fc.constantFrom(-1, "12a", "1".repeat(21), 1.5));
const address = fc.record({ country: mostly(fc.constantFrom("US", "de", "Gb"), fc.constantFrom("USA", "", " gb", 12)), postal_code: text, province: text, city: text, name: fc.constant("Jane Buyer") }, { requiredKeys: ["country"] });
const item = fc.record({
  sku: text, quantity: int(1, 10_000), grams: int(0, 1_000_000),
  // Digits up to ten: Shopify's acceptance allows them, the engine refuses a price over 1,000,000,000 minor units.
  price: mostly(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.stringMatching(/^\d{1,10}$/)), fc.constantFrom(-1, "12.5", "12345678901")),
  variant_id: id, product_id: id, requires_shipping: mostly(fc.oneof(fc.constant(true), fc.constant(null), fc.boolean()), fc.constant("yes")), vendor: fc.constant("Hangzhou Silk Co"),
}, { requiredKeys: ["quantity", "grams", "price"] });
const payload = fc.record({
  rate: fc.record({
    origin: mostly(fc.option(address, { nil: null }), fc.constant("CN")), destination: address,
    items: mostly(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom([], {})),
    currency: mostly(fc.constantFrom("USD", "EUR"), fc.constantFrom("usd", "EURO")), locale: text,
  }, { requiredKeys: ["destination", "items", "currency"] }),
});
const millimetres = mostly(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10_000 })), fc.constantFrom(0, -5, 10_001, 2.5));
const storedMapping = fc.record({
  weightGrams: mostly(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000 })), fc.constantFrom(-1, 1.5, 2_000_000)),
  lengthMm: millimetres, widthMm: millimetres, heightMm: millimetres,
  hsCode: fc.constantFrom(null, "6109.10", "8507600000", "12"), originCountry: fc.constantFrom(null, " cn ", "VN", "CHN"),
  flags: fc.constantFrom("", "battery", "Battery, magnet,unknown"),
  stock: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom("CN-SZ", "US-LA"), mostly(fc.nat(500), fc.constantFrom(-1, 1.5, 2 ** 60)))),
});
const box = fc.record({ length: mostly(fc.constantFrom(30, 12.5), fc.constantFrom(0, 1001)), width: fc.constant(20), height: fc.constant(10) });
const keyOf = (k: { variantGid: string | null; sku: string | null; variantNumber?: number }) => [k.variantGid, k.sku, k.variantNumber];

describe("the callback's request in one pass", () => {
  it("is what accepting the payload, mapping it and checking the enriched lines return, for any request and mappings", () => {
    let onePass = 0;
    fc.assert(fc.property(payload, fc.array(fc.option(storedMapping, { nil: null }), { minLength: 4, maxLength: 4 }), box, (value, mappings, defaultBox) => {
      const json: unknown = JSON.parse(JSON.stringify(value)); // as the body arrives
      const cart = callbackCart(json);
      const accepted = acceptRateRequestPayload(json);
      if (cart === null) return;
      // Whatever the one pass takes, the steps accept too, with the same lines to look up.
      expect(accepted.ok).toBe(true);
      if (!accepted.ok) return;
      const input = fromCarrierServicePayload(accepted.payload);
      expect(cart.keys.map(keyOf)).toEqual(input.items.map(lineKey).map(keyOf));
      const joined = mappings.slice(0, input.items.length);
      const request = withSuppliers(cart, joined, defaultBox);
      expect(request).toEqual(enrichedRequest(input, joined, defaultBox));
      onePass += request === null ? 0 : 1;
    }), { numRuns: 4000 });
    expect(onePass).toBeGreaterThan(800); // the generator reaches the building branch, not only refusals
  });

  it("takes a plainly valid cart, leaving a refused one, an empty one and an over-large price to the steps that explain", () => {
    const valid = buildRatePayload({ destination: { country: "de" }, items: [buildRateItem({ variant_id: 42, price: "1999" }), buildRateItem({ requires_shipping: false })] });
    const cart = callbackCart(JSON.parse(JSON.stringify(valid)))!;
    expect(cart.destination.country).toBe("DE");
    expect(cart.lines).toEqual([expect.objectContaining({ variantId: "42", priceMinor: 1999 })]); // the gift card line needs no shipping
    expect(cart.keys[0]!.variantGid).toBe("gid://shopify/ProductVariant/42");
    expect(callbackCart(buildRatePayload({ currency: "usd" }))).toBeNull();
    expect(callbackCart(buildRatePayload({ items: [buildRateItem({ requires_shipping: false })] }))).toBeNull();
    expect(callbackCart(buildRatePayload({ items: [buildRateItem({ price: "9999999999" })] }))).toBeNull();
  });
});
