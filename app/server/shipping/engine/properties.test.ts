import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEM_FLAGS, type PriceModel, type RateCard } from "./card-types";
import { bands, firstAdditional, zone } from "./defaults/card-helpers";
import { quoteRates } from "./quote-rates";
import { buildCard, buildContext, buildEngine, buildItem, buildRateRequest } from "./test-builders";

const ctx = buildContext();
const COUNTRIES = ["US", "DE", "FR", "GB", "AU", "CA", "JP", "SG", "BR", "ZZ", "us", "", "XX1"];

const flags = fc.record(Object.fromEntries(ITEM_FLAGS.map((f) => [f, fc.boolean()])), { requiredKeys: [] });
const looseNumber = fc.oneof(fc.integer({ min: -10, max: 50_000 }), fc.double(), fc.constant(Number.NaN), fc.constant(1e20));
const item = fc.record({
  sku: fc.option(fc.string(), { nil: null }),
  quantity: fc.oneof(fc.integer({ min: 1, max: 20 }), looseNumber),
  grams: fc.oneof(fc.integer({ min: 0, max: 40_000 }), looseNumber),
  priceMinor: fc.oneof(fc.integer({ min: 0, max: 500_000 }), looseNumber),
  supplier: fc.option(
    fc.record({
      weightGrams: fc.integer({ min: 0, max: 40_000 }),
      dimensionsCm: fc.record({ length: fc.integer({ min: 1, max: 200 }), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 200 }) }),
      flags,
      hsCode: fc.constantFrom("610610", "8507600000", "3304", "x"),
      stock: fc.dictionary(fc.constantFrom("US-LA", "CN-GZ", "CN-YW", "DE-FRA", "UK-BHX", "NOPE"), fc.integer({ min: 0, max: 30 })),
    }, { requiredKeys: [] }),
    { nil: undefined },
  ),
}, { requiredKeys: ["quantity", "grams", "priceMinor"] });
const request = fc.record({
  destination: fc.record({ country: fc.constantFrom(...COUNTRIES), postal_code: fc.option(fc.string(), { nil: null }), province: fc.option(fc.constantFrom("ON", "CA", "BC"), { nil: null }) }),
  items: fc.array(item, { minLength: 0, maxLength: 6 }),
  currency: fc.constantFrom("USD", "EUR", "GBP", "JPY", "CNY", "KWD", "ZAR", "usd"),
});

function expectAnswered(input: unknown): void {
  const result = quoteRates(input, ctx);
  expect(result.quotes.length + result.exclusions.length).toBeGreaterThan(0);
  expect(result.exclusions.filter((e) => e.reason === "internal-error")).toEqual([]);
  for (const q of result.quotes) expect(Number.isSafeInteger(q.total.amount)).toBe(true);
}

describe("engine properties", () => {
  it("answers any JSON value with quotes or exclusion reasons, never a throw", () => {
    fc.assert(fc.property(fc.anything(), (input) => expectAnswered(input)), { numRuns: 300 });
  });

  it("answers any shaped rate request, valid or not, with quotes or exclusion reasons", () => {
    fc.assert(fc.property(request, (input) => expectAnswered(input)), { numRuns: 400 });
  });

  const priceModel: fc.Arbitrary<PriceModel> = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.nat(10_000), fc.integer({ min: 1, max: 2000 }), fc.nat(5_000))
      .map(([fg, fm, ag, am]) => firstAdditional(fg, fm, ag, am)),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.nat(5_000), fc.double({ min: 0, max: 50_000, noNaN: true })), { minLength: 1, maxLength: 6 })
      .map((rows) => {
        let from = 0;
        return bands(...rows.map(([width, fee, perKg]) => {
          const row = [from, from + width, fee, perKg] as [number, number, number, number];
          from += width + 1;
          return row;
        }));
      }),
  );
  const card: fc.Arbitrary<RateCard> = fc.record({
    price: priceModel,
    divisor: fc.constantFrom(5000, 6000, 8000, 9000),
    mode: fc.constantFrom("full" as const, "half" as const, "none" as const),
    step: fc.constantFrom(1, 10, 100, 500, 1000),
    min: fc.nat(1000),
    heavy: fc.constantFrom(0, 21_000),
    fuel: fc.nat(40),
  }).map((c) => buildCard({
    zones: [zone("US", ["US"], [5, 8], c.price)],
    volumetric: { divisor: c.divisor, mode: c.mode, minSideCm: 0, minRatio: 0 },
    rounding: { stepGrams: c.step, minGrams: c.min, heavyFromGrams: c.heavy, heavyStepGrams: c.heavy ? Math.max(1000, c.step) : 0 },
    fuelPercent: c.fuel,
    maxGrams: 100_000,
  }));

  it("never lowers the price when the weight increases, for any card", () => {
    let compared = 0;
    fc.assert(
      fc.property(card, fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 60 }), (c, grams, extra, side) => {
        const context = buildContext({ engine: buildEngine({ cards: [c] }) });
        const quoteFor = (g: number) => {
          const supplier = { weightGrams: g, dimensionsCm: { length: side, width: side, height: side } };
          return quoteRates(buildRateRequest({ items: [buildItem({ supplier })] }), context).quotes[0]?.total.amount;
        };
        const lighter = quoteFor(grams);
        const heavier = quoteFor(grams + extra);
        if (heavier === undefined) return;
        compared += 1;
        expect(lighter).toBeLessThanOrEqual(heavier);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100); // the property must not hold vacuously

  });
});

describe("money bounds", () => {
  it("quotes the largest accepted cart without leaving safe integers", () => {
    const items = Array.from({ length: 500 }, (_, i) => buildItem({ sku: `S${i}`, quantity: 10_000, grams: 0, priceMinor: 1_000_000_000 }));
    const result = quoteRates(buildRateRequest({ items }), ctx);
    expect(result.exclusions.filter((e) => e.reason === "internal-error")).toEqual([]);
  });
});
