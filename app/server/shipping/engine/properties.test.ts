import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEM_FLAGS, type PriceModel, type RateCard, type WeightBand } from "./card-types";
import { firstAdditional, zone } from "./defaults/card-helpers";
import { roundMinor } from "./fx";
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

  // Tables as carriers write them: shared bounds ("0–30, 30–80") or from = previous to + 1, step rows (per kg 0),
  // "then base + each step" rows, and fees to three decimals (fractional minor units).
  const fee = fc.oneof(fc.nat(5_000), fc.nat(50_000).map((n) => n / 10));
  const tableRow = fc.record({
    width: fc.integer({ min: 1, max: 5000 }),
    shared: fc.boolean(),
    fee,
    perKg: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50_000, noNaN: true })),
    increment: fc.option(fc.record({ grams: fc.integer({ min: 1, max: 1000 }), minor: fee }), { nil: undefined }),
  });
  const table: fc.Arbitrary<PriceModel> = fc.array(tableRow, { minLength: 1, maxLength: 6 }).map((rows) => {
    let from = 0;
    return {
      kind: "weight-bands" as const,
      bands: rows.map((r, i) => {
        if (i > 0 && !r.shared) from += 1;
        const band: WeightBand = r.increment
          ? { fromGrams: from, toGrams: from + r.width, itemFeeMinor: r.fee, perKgMinor: 0, increment: r.increment }
          : { fromGrams: from, toGrams: from + r.width, itemFeeMinor: r.fee, perKgMinor: r.perKg };
        from += r.width;
        return band;
      }),
    };
  });
  const priceModel: fc.Arbitrary<PriceModel> = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fee, fc.integer({ min: 1, max: 2000 }), fee)
      .map(([fg, fm, ag, am]) => firstAdditional(fg, fm, ag, am)),
    table,
  );
  const cardOf = (price: fc.Arbitrary<PriceModel>, smoothing: fc.Arbitrary<boolean>): fc.Arbitrary<RateCard> => fc.record({
    price,
    divisor: fc.constantFrom(5000, 6000, 8000, 9000),
    mode: fc.constantFrom("full" as const, "half" as const, "none" as const),
    step: fc.constantFrom(1, 10, 100, 500, 1000),
    min: fc.nat(1000),
    heavy: fc.constantFrom(0, 21_000),
    fuel: fc.nat(40),
    boundary: fc.constantFrom("upper" as const, "lower" as const),
    smoothing,
  }).map((c) => buildCard({
    zones: [zone("US", ["US"], [5, 8], c.price)],
    volumetric: { divisor: c.divisor, mode: c.mode, minSideCm: 0, minRatio: 0 },
    rounding: { stepGrams: c.step, minGrams: c.min, heavyFromGrams: c.heavy, heavyStepGrams: c.heavy ? Math.max(1000, c.step) : 0 },
    fuelPercent: c.fuel,
    maxGrams: 100_000,
    bandBoundary: c.boundary,
    smoothing: c.smoothing,
  }));
  const quoteAt = (c: RateCard, grams: number, side: number) => {
    const context = buildContext({ engine: buildEngine({ cards: [c] }) });
    const supplier = { weightGrams: grams, dimensionsCm: { length: side, width: side, height: side } };
    return quoteRates(buildRateRequest({ items: [buildItem({ supplier })] }), context);
  };

  it("never lowers the price when the weight increases, for any card that opts into smoothing", () => {
    let compared = 0;
    fc.assert(
      fc.property(cardOf(priceModel, fc.constant(true)), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 60 }), (c, grams, extra, side) => {
        const lighter = quoteAt(c, grams, side).quotes[0]?.total.amount;
        const heavier = quoteAt(c, grams + extra, side).quotes[0]?.total.amount;
        if (heavier === undefined) return;
        compared += 1;
        expect(lighter).toBeLessThanOrEqual(heavier);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100); // the property must not hold vacuously
  });

  /** The published row for a weight, read straight off the table (no compiled ranges): the test's own oracle. */
  function publishedPrice(c: RateCard, grams: number): number | null {
    const price = c.zones[0]!.price;
    if (price.kind === "first-additional") return price.firstMinor + Math.ceil(Math.max(0, grams - price.firstGrams) / price.additionalGrams) * price.additionalMinor;
    const rows = price.bands;
    if (grams > rows.at(-1)!.toGrams) return null;
    const w = Math.max(grams, rows[0]!.fromGrams);
    // (a, b]: the first row whose `to` reaches the weight; [a, b): the last row that starts at or below it.
    const row = c.bandBoundary === "upper" ? rows.find((r) => w <= r.toGrams)! : rows.findLast((r) => r.fromGrams <= w)!;
    const steps = row.increment ? Math.ceil(Math.max(0, w - row.fromGrams) / row.increment.grams) * row.increment.minor : 0;
    return row.itemFeeMinor + (row.perKgMinor * w) / 1000 + steps;
  }

  it("never undercharges the published table unless the card opts into smoothing", () => {
    let compared = 0;
    fc.assert(
      fc.property(cardOf(priceModel, fc.constant(false)), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 1, max: 60 }), (c, grams, side) => {
        const parcel = quoteAt(c, grams, side).quotes[0]?.parcels[0];
        if (!parcel) return;
        const published = publishedPrice(c, parcel.billableGrams);
        expect(published).not.toBeNull();
        compared += 1;
        expect(parcel.base.amount).toBeGreaterThanOrEqual(roundMinor(published!, "USD").amount);
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("answers any card (bounds, steps, increments, fractional fees, smoothing) and any cart without an internal error", () => {
    fc.assert(
      fc.property(cardOf(priceModel, fc.boolean()), request, (c, input) => {
        const context = buildContext({ engine: buildEngine({ cards: [c] }) });
        const result = quoteRates(input, context);
        expect(result.exclusions.filter((e) => e.reason === "internal-error")).toEqual([]);
        for (const q of result.quotes) expect(Number.isSafeInteger(q.total.amount)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("money bounds", () => {
  it("quotes the largest accepted cart without leaving safe integers", () => {
    const items = Array.from({ length: 500 }, (_, i) => buildItem({ sku: `S${i}`, quantity: 10_000, grams: 0, priceMinor: 1_000_000_000 }));
    const result = quoteRates(buildRateRequest({ items }), ctx);
    expect(result.exclusions.filter((e) => e.reason === "internal-error")).toEqual([]);
  });
});
