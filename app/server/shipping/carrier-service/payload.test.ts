import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCarrierServicePayload } from "../engine";
import { parseRateRequestPayload, rateRequestPayloadSchema } from "./payload";
import { buildRateItem, buildRatePayload } from "./test-builders";

// Mostly valid values, so that payloads reach the hand-written acceptance, with every kind of invalid one now and then.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: invalid, weight: 1 });
const text = mostly(fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })), fc.oneof(fc.constant("x".repeat(201)), fc.nat()));
const int = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.oneof(fc.integer({ min: min - 3, max: max + 3 }), fc.constantFrom(1.5, "1", 2 ** 60, null)));
const id = mostly(fc.oneof(fc.nat(), fc.constant(null), fc.stringMatching(/^\d{1,20}$/)), fc.constantFrom(-1, "12a", "1".repeat(21), 1.5));
const address = fc.record({ country: mostly(fc.constantFrom("US", "de"), fc.constantFrom("USA", "", "1A", 12)), postal_code: text, province: text, city: text, name: fc.constant("Jane Buyer") }, { requiredKeys: ["country"] });
const item = fc.record({
  sku: text, quantity: int(1, 10_000), grams: int(0, 1_000_000),
  price: mostly(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.stringMatching(/^\d{1,10}$/)), fc.constantFrom(-1, "12.5", "12345678901")),
  variant_id: id, product_id: id, requires_shipping: mostly(fc.oneof(fc.boolean(), fc.constant(null)), fc.constant("yes")), vendor: fc.constant("Hangzhou Silk Co"),
}, { requiredKeys: ["quantity", "grams", "price"] });
const payload = fc.record({
  rate: fc.record({
    origin: mostly(fc.option(address, { nil: null }), fc.constant("CN")), destination: address,
    items: mostly(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constantFrom([], {})),
    currency: mostly(fc.constantFrom("USD", "EUR"), fc.constantFrom("usd", "EURO")), locale: text,
  }, { requiredKeys: ["destination", "items", "currency"] }),
});

describe("rate request payload", () => {
  it("accepts and rejects exactly what the schema does, and the engine sees the same request either way", () => {
    let accepted = 0;
    fc.assert(fc.property(payload, (value) => {
      const body = JSON.stringify(value);
      const parsed = parseRateRequestPayload(body);
      const schema = rateRequestPayloadSchema.safeParse(JSON.parse(body));
      expect(parsed.ok).toBe(schema.success);
      if (!parsed.ok || !schema.success) return;
      accepted++;
      expect(fromCarrierServicePayload(parsed.payload)).toEqual(fromCarrierServicePayload(schema.data));
    }), { numRuns: 2000 });
    expect(accepted).toBeGreaterThan(200);
  });

  it("names the first failing path of an invalid payload", () => {
    const parsed = parseRateRequestPayload(JSON.stringify(buildRatePayload({ items: [buildRateItem(), buildRateItem({ grams: -5 })] })));
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^rate\.items\.1\.grams: /) });
    expect(parseRateRequestPayload("{not json")).toEqual({ ok: false, message: "body is not valid JSON" });
  });
});
