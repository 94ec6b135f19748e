/**
 * Base price for a billable weight, as exact card-currency minor units (rounded later, once).
 * Band cards may publish a cheaper price at the start of a heavier band; shippers may always declare
 * a heavier weight, so the effective price is the cheapest at or above the weight — never decreasing.
 */
import type { PriceModel, WeightBand } from "./card-types";

export interface CompiledPriceModel {
  readonly model: PriceModel;
  readonly maxGrams: number; // heaviest weight the model prices
  /** suffixMinStart[i] = cheapest price at the start of any band after band i. */
  readonly suffixMinStart: readonly number[];
}

function bandPrice(band: WeightBand, grams: number): number {
  return band.itemFeeMinor + (band.perKgMinor * grams) / 1000;
}

export function compilePriceModel(model: PriceModel): CompiledPriceModel {
  if (model.kind === "first-additional") return { model, maxGrams: Infinity, suffixMinStart: [] };
  const bands = model.bands;
  const suffix = new Array<number>(bands.length).fill(Infinity);
  for (let i = bands.length - 2; i >= 0; i--) {
    const next = bands[i + 1]!;
    suffix[i] = Math.min(bandPrice(next, next.fromGrams), suffix[i + 1]!);
  }
  return { model, maxGrams: bands.at(-1)?.toGrams ?? 0, suffixMinStart: suffix };
}

/** Exact minor units, or null when the weight is beyond the model's last band. */
export function basePrice(c: CompiledPriceModel, grams: number): number | null {
  const m = c.model;
  if (m.kind === "first-additional") {
    const extra = Math.max(0, grams - m.firstGrams);
    return m.firstMinor + Math.ceil(extra / m.additionalGrams) * m.additionalMinor;
  }
  const bands = m.bands;
  // Bands are few (≤ ~20) so a linear scan beats a binary search's branch cost.
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (grams <= band.toGrams) {
      const g = Math.max(grams, band.fromGrams);
      return Math.min(bandPrice(band, g), c.suffixMinStart[i]!);
    }
  }
  return null;
}
