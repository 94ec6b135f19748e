/** fast-check generators shared by the callback's property tests. Not imported by production code. */
import fc from "fast-check";

/** Mostly valid values (`weight` to 1), so generated inputs reach the accepting branches, with invalid ones now and then. */
export const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>, weight = 25) => fc.oneof({ arbitrary: valid, weight }, { arbitrary: invalid, weight: 1 });

const text = mostly(fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })), fc.oneof(fc.constant("x".repeat(201)), fc.nat()));
const int = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.oneof(fc.integer({ min: min - 3, max: max + 3 }), fc.constantFrom(1.5, "1", 2 ** 60, null)));
const id = mostly(fc.oneof(fc.nat(), fc.constant(0), fc.constant(null), fc.stringMatching(/^\d{1,20}$/)), fc.constantFrom(-1, "12a", "1".repeat(21), 1.5));
const address = fc.record({ country: mostly(fc.constantFrom("US", "de", "Gb"), fc.constantFrom("USA", "", " gb", "1A", 12)), postal_code: text, province: text, city: text, name: fc.constant("Jane Buyer") }, { requiredKeys: ["country"] });
const item = fc.record({
  sku: text, quantity: int(1, 10_000), grams: int(0, 1_000_000),
  // Up to ten digits: Shopify's acceptance allows them, the engine refuses a price over 1,000,000,000 minor units.
  price: mostly(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.stringMatching(/^\d{1,10}$/)), fc.constantFrom(-1, "12.5", "12345678901")),
  variant_id: id, product_id: id, requires_shipping: mostly(fc.oneof(fc.constant(true), fc.constant(null), fc.boolean()), fc.constant("yes")), vendor: fc.constant("Hangzhou Silk Co"),
}, { requiredKeys: ["quantity", "grams", "price"] });

/** Shopify's rate request body as JSON values (before serialising), mostly valid. */
export const rateRequestPayload = fc.record({
  rate: fc.record({
    origin: mostly(fc.option(address, { nil: null }), fc.constant("CN")), destination: address,
    items: mostly(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom([], {})),
    currency: mostly(fc.constantFrom("USD", "EUR"), fc.constantFrom("usd", "EURO")), locale: text,
  }, { requiredKeys: ["destination", "items", "currency"] }),
});

const millimetres = mostly(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10_000 })), fc.constantFrom(0, -5, 10_001, 2.5), 20);
/** A VariantMapping's supplier fields as stored, with values the engine refuses now and then. */
export const storedMapping = fc.record({
  weightGrams: mostly(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000 })), fc.constantFrom(-1, 1.5, 2_000_000), 20),
  lengthMm: millimetres, widthMm: millimetres, heightMm: millimetres,
  hsCode: fc.constantFrom(null, "6109.10", "8507600000", "12"), originCountry: fc.constantFrom(null, " cn ", "VN", "CHN"),
  flags: fc.constantFrom("", "battery", "Battery, magnet,unknown"),
  stock: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom("CN-SZ", "US-LA"), mostly(fc.nat(500), fc.constantFrom(-1, 1.5, 2 ** 60), 20))),
});

/** A shop's default box, now and then one the engine refuses. */
export const defaultBox = fc.record({ length: mostly(fc.constantFrom(30, 12.5), fc.constantFrom(0, 1001), 20), width: fc.constant(20), height: fc.constant(10) });
