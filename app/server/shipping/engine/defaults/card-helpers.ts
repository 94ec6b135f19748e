/** Terse builders for the sample cards; every field a card needs is still explicit data. */
import type { ItemFlag, PriceModel, RateCard, Restriction, RestrictionAction, TransitLeg, Zone } from "../card-types";

export const ALL_FLAGS_ALLOWED: readonly Restriction[] = [];

export function restrict(flag: ItemFlag, action: RestrictionAction, perItemMinor = 0, countries: readonly string[] = ["*"]): Restriction {
  return { flag, action, perItemMinor, countries };
}

export function bands(...rows: readonly [from: number, to: number, itemFeeMinor: number, perKgMinor: number][]): PriceModel {
  return { kind: "weight-bands", bands: rows.map(([fromGrams, toGrams, itemFeeMinor, perKgMinor]) => ({ fromGrams, toGrams, itemFeeMinor, perKgMinor })) };
}

export function firstAdditional(firstGrams: number, firstMinor: number, additionalGrams: number, additionalMinor: number): PriceModel {
  return { kind: "first-additional", firstGrams, firstMinor, additionalGrams, additionalMinor };
}

export function zone(code: string, countries: readonly string[], transit: readonly TransitLeg[] | readonly [number, number], price: PriceModel): Zone {
  const legs = typeof transit[0] === "number" ? [{ label: "transit", minDays: transit[0] as number, maxDays: transit[1] as number }] : (transit as readonly TransitLeg[]);
  return { code, countries, transit: legs, price };
}

export function defineCard(card: Pick<RateCard, "code" | "name" | "currency" | "incoterm" | "origins" | "zones"> & Partial<RateCard>): RateCard {
  return {
    sample: true,
    transport: "courier",
    bandBoundary: "upper",
    smoothing: false,
    effectiveFrom: null,
    effectiveUntil: null,
    volumetric: { divisor: 6000, mode: "full", minSideCm: 0, minRatio: 0 },
    rounding: { stepGrams: 1, minGrams: 0, heavyFromGrams: 0, heavyStepGrams: 0 },
    maxGrams: 30_000,
    maxLongestSideCm: 0,
    maxSumOfSidesCm: 0,
    handlingDays: 1,
    cutoffLocalTime: "15:00",
    fuelPercent: 0,
    remoteSurcharge: null,
    remoteAreas: [],
    restrictions: ALL_FLAGS_ALLOWED,
    ...card,
  };
}
