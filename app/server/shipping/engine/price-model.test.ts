import { describe, expect, it } from "vitest";
import type { PriceModel } from "./card-types";
import { parseRateText } from "./csv/decimal-text";
import { roundMinor } from "./fx";
import { bands, firstAdditional } from "./defaults/card-helpers";
import { basePrice, compilePriceModel } from "./price-model";

/**
 * Hongkong Post air mail, Large Letter, Zone 2 (Japan, Oceania, Western Europe, North America), HKD:
 * not over 30 g $8.2, not over 50 g $13.6, each additional 10 g or part thereof $2.1, maximum 500 g.
 * Source: https://www.hongkongpost.hk/en/sending_mail/international/air/ordinary/index.html
 * (docs/reference supply-and-logistics.md B.1, model 2). A step table, then base + per increment: one mixed zone.
 */
const HK_POST_LARGE_LETTER_ZONE_2: PriceModel = {
  kind: "weight-bands",
  bands: [
    { fromGrams: 0, toGrams: 30, itemFeeMinor: 8_20, perKgMinor: 0 },
    { fromGrams: 30, toGrams: 50, itemFeeMinor: 13_60, perKgMinor: 0 },
    { fromGrams: 50, toGrams: 500, itemFeeMinor: 13_60, perKgMinor: 0, increment: { grams: 10, minor: 2_10 } },
  ],
};

describe("base price", () => {
  // Wish EPC, Argentina 80–250 g: item fee 6.39 RMB + 71.514 RMB/kg; 100 g costs 13.54 RMB.
  // Source: https://merchantfaq.wish.com/hc/en-us/articles/360042112953 (supply-and-logistics.md B.1, model 1).
  it("prices the published Wish EPC Argentina band to the fen", () => {
    const model = compilePriceModel(bands([81, 250, 6_39, parseRateText("71.514", 2)!]));
    expect(roundMinor(basePrice(model, 100)!, "CNY").amount).toBe(13_54);
  });

  // Hongkong Post style: a first weight, then "each additional 10 g or part thereof".
  it.each([
    [50, 100],
    [51, 120],
    [60, 120],
    [61, 140],
    [500, 1000],
  ])("charges %i g on a 50 g + each 10 g card as %i", (grams, expected) => {
    expect(basePrice(compilePriceModel(firstAdditional(50, 100, 10, 20)), grams)).toBe(expected);
  });

  describe("Hongkong Post large letter, zone 2, as published (mixed zone, (a, b] bounds)", () => {
    const model = compilePriceModel(HK_POST_LARGE_LETTER_ZONE_2, { boundary: "upper", smoothing: false });
    it.each([
      [1, 8_20],
      [30, 8_20], // "not over 30 g": the shared bound belongs to the lighter row
      [31, 13_60],
      [50, 13_60],
      [51, 15_70], // 50 g + one additional 10 g (part thereof)
      [60, 15_70],
      [61, 17_80],
      [500, 13_60 + 45 * 2_10],
    ])("charges %i g as %i cents (HKD)", (grams, expected) => {
      expect(basePrice(model, grams)).toBe(expected);
    });

    it("prices nothing above the published 500 g maximum", () => {
      expect(basePrice(model, 501)).toBeNull();
    });
  });

  it("puts a shared bound in the heavier band on a [a, b) card", () => {
    const model = compilePriceModel(HK_POST_LARGE_LETTER_ZONE_2, { boundary: "lower", smoothing: false });
    expect([basePrice(model, 29), basePrice(model, 30), basePrice(model, 49), basePrice(model, 50), basePrice(model, 500)])
      .toEqual([8_20, 13_60, 13_60, 13_60, 13_60 + 45 * 2_10]);
  });

  it("keeps a three-decimal item fee exact until the single rounding", () => {
    // 6.395 CNY item fee + 71.514 CNY/kg at 100 g = 13.5464 CNY → 13.55 (639.5 + 715.14 fen, rounded once).
    const model = compilePriceModel(bands([0, 250, 639.5, parseRateText("71.514", 2)!]));
    expect(basePrice(model, 100)).toBeCloseTo(1354.64, 9);
    expect(roundMinor(basePrice(model, 100)!, "CNY").amount).toBe(13_55);
  });

  const heavierCheaper = bands([0, 1000, 10_00, 50_00], [1000, 2000, 5_00, 40_00]);

  it("charges the published row when the card does not opt into smoothing", () => {
    const model = compilePriceModel(heavierCheaper, { boundary: "upper", smoothing: false });
    expect(basePrice(model, 900)).toBeCloseTo(10_00 + 50_00 * 0.9, 6);
    expect(basePrice(model, 1000)).toBeCloseTo(10_00 + 50_00, 6);
    expect(basePrice(model, 1001)).toBeCloseTo(5_00 + 40_00 * 1.001, 6);
  });

  it("lets a heavier band's cheaper start cap the lighter band on a smoothing card, at a weight that band really prices", () => {
    const model = compilePriceModel(heavierCheaper, { boundary: "upper", smoothing: true });
    const heavierStart = 5_00 + 40_00 * 1.001; // 1,001 g: 1,000 g belongs to the first band under (a, b]
    expect(basePrice(model, 100)).toBe(10_00 + 5_00);
    expect(basePrice(model, 900)).toBeCloseTo(heavierStart, 6);
    expect(basePrice(model, 1000)).toBeCloseTo(heavierStart, 6);
  });

  it("returns null beyond the last band", () => {
    expect(basePrice(compilePriceModel(bands([0, 2000, 1_00, 1_00])), 2001)).toBeNull();
  });
});

describe("the single rounding of fractional fees", () => {
  it.each([
    [639.1 + 0.4, 640], // 639.5 held as 639.4999… in binary: still rounds half up
    [0.1 + 0.2 + 0.2, 1], // 0.5
    [1354.64, 1355],
    [-2.5, -3],
    [0.4999, 0],
  ])("rounds %d fen to %d", (exact, expected) => {
    expect(roundMinor(exact, "CNY").amount).toBe(expected);
  });
});
