/**
 * Base price for a billable weight, as exact card-currency minor units (rounded later, once).
 * A weight table is compiled to inclusive whole-gram ranges under the card's boundary convention, so a weight
 * is priced by exactly the row a carrier's table puts it in. Smoothing (opt-in per card) charges the cheapest
 * price at or above the weight instead — never decreasing with weight, but possibly below the published row.
 */
import type { BandBoundary, PriceModel, WeightBand } from "./card-types";

export interface PriceOptions {
  readonly boundary: BandBoundary;
  readonly smoothing: boolean;
}

export const TABLE_AS_PUBLISHED: PriceOptions = { boundary: "upper", smoothing: false };

export interface CompiledPriceModel {
  readonly model: PriceModel;
  readonly maxGrams: number; // heaviest weight the model prices
  /** Inclusive whole-gram range each band prices under the card's boundary convention. */
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** With smoothing: cheapest price at the first weight of any band after band i; otherwise Infinity. */
  readonly suffixMinStart: readonly number[];
}

/** The published row's price at `grams` (which must lie in the band's range). */
export function bandPrice(band: WeightBand, grams: number): number {
  const inc = band.increment;
  const steps = inc ? Math.ceil(Math.max(0, grams - band.fromGrams) / inc.grams) : 0;
  return band.itemFeeMinor + (band.perKgMinor * grams) / 1000 + (inc ? steps * inc.minor : 0);
}

/** Resolves shared bounds: (a, b] moves a shared `from` up one gram, [a, b) moves a shared `to` down one gram. */
export function bandRanges(bands: readonly WeightBand[], boundary: BandBoundary): { lo: number[]; hi: number[] } {
  const lo: number[] = [];
  const hi: number[] = [];
  bands.forEach((band, i) => {
    const prev = bands[i - 1];
    const next = bands[i + 1];
    lo.push(boundary === "upper" && prev && band.fromGrams === prev.toGrams ? band.fromGrams + 1 : band.fromGrams);
    hi.push(boundary === "lower" && next && next.fromGrams === band.toGrams ? band.toGrams - 1 : band.toGrams);
  });
  return { lo, hi };
}

export function compilePriceModel(model: PriceModel, options: PriceOptions = TABLE_AS_PUBLISHED): CompiledPriceModel {
  if (model.kind === "first-additional") return { model, maxGrams: Infinity, lo: [], hi: [], suffixMinStart: [] };
  const bands = model.bands;
  const { lo, hi } = bandRanges(bands, options.boundary);
  const suffix = new Array<number>(bands.length).fill(Infinity);
  if (options.smoothing) {
    for (let i = bands.length - 2; i >= 0; i--) suffix[i] = Math.min(bandPrice(bands[i + 1]!, lo[i + 1]!), suffix[i + 1]!);
  }
  return { model, maxGrams: hi.at(-1) ?? 0, lo, hi, suffixMinStart: suffix };
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
    if (grams <= c.hi[i]!) {
      const g = Math.max(grams, c.lo[i]!); // below the first band's start: billed at its start
      return Math.min(bandPrice(bands[i]!, g), c.suffixMinStart[i]!);
    }
  }
  return null;
}
