import { describe, expect, it } from "vitest";
import { parseRateText } from "./csv/decimal-text";
import { roundMinor } from "./fx";
import { bands, firstAdditional } from "./defaults/card-helpers";
import { basePrice, compilePriceModel } from "./price-model";

describe("base price", () => {
  // Wish EPC, Argentina 80–250 g: item fee 6.39 RMB + 71.514 RMB/kg; 100 g costs 13.54 RMB.
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

  it("lets a heavier band's cheaper start price cap the lighter band", () => {
    const model = compilePriceModel(bands([0, 1000, 10_00, 50_00], [1001, 2000, 5_00, 40_00]));
    const heavierStart = 5_00 + 40_00 * 1.001;
    expect(basePrice(model, 100)).toBe(10_00 + 5_00);
    expect(basePrice(model, 900)).toBeCloseTo(heavierStart, 6);
    expect(basePrice(model, 1000)).toBeCloseTo(heavierStart, 6);
  });

  it("returns null beyond the last band", () => {
    expect(basePrice(compilePriceModel(bands([0, 2000, 1_00, 1_00])), 2001)).toBeNull();
  });
});
