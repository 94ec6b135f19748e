import { describe, expect, it } from "vitest";
import type { VolumetricRule, WeightRounding } from "./card-types";
import { chargeableWeight, roundUpWeight } from "./weight";

const rule = (o: Partial<VolumetricRule> = {}): VolumetricRule => ({ divisor: 6000, mode: "full", minSideCm: 0, minRatio: 0, ...o });
const rounding = (o: Partial<WeightRounding> = {}): WeightRounding => ({ stepGrams: 1, minGrams: 0, heavyFromGrams: 0, heavyStepGrams: 0, ...o });
const cube = (side: number) => ({ volumeCm3: side ** 3, longestSideCm: side });

describe("chargeable weight", () => {
  // Worked example (cbr-express): 5 kg, 40×40×40 cm, /6000 → full 11 kg, half 8 kg, free 5 kg (whole-kg step).
  it.each([
    ["full throw", "full", 11_000],
    ["half throw", "half", 8_000],
    ["free throw", "none", 5_000],
  ] as const)("bills the published %s example", (_label, mode, billable) => {
    const w = chargeableWeight({ actualGrams: 5000, ...cube(40) }, rule({ mode }), rounding({ stepGrams: 1000 }));
    expect(w.billableGrams).toBe(billable);
  });

  it.each([
    ["5000 for express", 5000, 12_800],
    ["6000 for IATA", 6000, 10_667],
    ["8000 for EMS / YunExpress US", 8000, 8_000],
    ["9000 for YunExpress JP", 9000, 7_112],
  ])("applies the volumetric divisor %s", (_label, divisor, volumetric) => {
    const w = chargeableWeight({ actualGrams: 1000, ...cube(40) }, rule({ divisor }), rounding());
    expect(w.volumetricGrams).toBe(volumetric);
    expect(w.billableGrams).toBe(volumetric);
  });

  it.each([
    ["rounds 123 g up to the 10 g step", 123, rounding({ stepGrams: 10 }), 130],
    ["lifts 20 g to the 50 g line minimum (YunExpress US)", 20, rounding({ minGrams: 50 }), 50],
    ["lifts 100 g to the 500 g JP minimum", 100, rounding({ minGrams: 500 }), 500],
    ["bills 5.01 kg as 6 kg on a whole-kg step", 5010, rounding({ stepGrams: 1000 }), 6000],
    ["bills 20.6 kg as 21 kg on the 0.5 kg step", 20_600, rounding({ stepGrams: 500, heavyFromGrams: 21_000, heavyStepGrams: 1000 }), 21_000],
    ["bills 21.1 kg as 22 kg on the heavy whole-kg step", 21_100, rounding({ stepGrams: 500, heavyFromGrams: 21_000, heavyStepGrams: 1000 }), 22_000],
    ["keeps an exact step", 1500, rounding({ stepGrams: 500 }), 1500],
  ])("%s", (_label, grams, r, expected) => {
    expect(roundUpWeight(grams, r)).toBe(expected);
  });

  it("ignores volume for EMS unless a side exceeds 60 cm", () => {
    const ems = rule({ divisor: 8000, minSideCm: 60 });
    expect(chargeableWeight({ actualGrams: 1000, volumeCm3: 60 * 60 * 60, longestSideCm: 60 }, ems, rounding()).billableGrams).toBe(1000);
    expect(chargeableWeight({ actualGrams: 1000, volumeCm3: 61 * 60 * 60, longestSideCm: 61 }, ems, rounding()).billableGrams).toBe(27_450);
  });

  it("uses volumetric weight to Canada only when it is at least twice the actual weight", () => {
    const ca = rule({ divisor: 6000, minRatio: 2 });
    expect(chargeableWeight({ actualGrams: 1000, volumeCm3: 9_000, longestSideCm: 30 }, ca, rounding()).billableGrams).toBe(1000);
    expect(chargeableWeight({ actualGrams: 1000, volumeCm3: 15_000, longestSideCm: 30 }, ca, rounding()).billableGrams).toBe(2500);
  });
});
