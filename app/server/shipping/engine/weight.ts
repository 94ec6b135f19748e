/** Chargeable weight: max(actual, volumetric) under the card's throw rule, then minimum and rounding step. */
import type { VolumetricRule, WeightRounding } from "./card-types";

export interface ParcelMeasure {
  readonly actualGrams: number;
  readonly volumeCm3: number;
  readonly longestSideCm: number;
}

export interface ChargeableWeight {
  readonly actualGrams: number;
  readonly volumetricGrams: number; // 0 when the card does not apply volumetric weight to this parcel
  readonly billableGrams: number;
}

export function volumetricGrams(volumeCm3: number, divisor: number): number {
  return divisor > 0 ? Math.ceil((volumeCm3 * 1000) / divisor) : 0;
}

export function roundUpWeight(grams: number, r: WeightRounding): number {
  const w = Math.max(grams, r.minGrams);
  const heavy = r.heavyFromGrams > 0 && w >= r.heavyFromGrams;
  const step = heavy ? r.heavyStepGrams : r.stepGrams;
  return step > 1 ? Math.ceil(w / step) * step : Math.ceil(w);
}

export function chargeableWeight(p: ParcelMeasure, v: VolumetricRule, r: WeightRounding): ChargeableWeight {
  const applies = v.mode !== "none" && p.longestSideCm > v.minSideCm;
  let volumetric = applies ? volumetricGrams(p.volumeCm3, v.divisor) : 0;
  if (volumetric > 0 && v.minRatio > 0 && volumetric < v.minRatio * p.actualGrams) volumetric = 0;
  let chargeable = p.actualGrams;
  if (volumetric > p.actualGrams) {
    chargeable = v.mode === "half" ? Math.ceil((volumetric + p.actualGrams) / 2) : volumetric;
  }
  return { actualGrams: p.actualGrams, volumetricGrams: volumetric, billableGrams: roundUpWeight(chargeable, r) };
}
