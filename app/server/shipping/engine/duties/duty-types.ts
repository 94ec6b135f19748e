/**
 * Duty and tax rules are versioned rows (effective from/to) so quotes and refunds can be
 * re-evaluated as of any date when the law changes.
 */
import type { CurrencyCode } from "../../../money";

export type CollectedAt = "checkout" | "border" | "none" | "mixed";

export type DutyCalc =
  | { readonly kind: "none" }
  // EU 2026: a flat amount per distinct 6-digit HS subheading in the parcel.
  | { readonly kind: "flat-per-subheading"; readonly amountMinor: number }
  // Percent of goods value; longest HS prefix wins; origin adds (e.g. US Section 301 on CN goods).
  | {
      readonly kind: "ad-valorem";
      readonly percent: number;
      readonly byHsPrefix: Readonly<Record<string, number>>;
      readonly extraByOrigin: Readonly<Record<string, number>>;
    };

export interface DutyTreatment {
  readonly collectedAt: "checkout" | "border" | "none";
  readonly taxPercent: number;
  readonly taxPercentByCountry: Readonly<Record<string, number>>; // EU member VAT
  readonly taxPercentByProvince: Readonly<Record<string, number>>; // CA HST
  readonly duty: DutyCalc;
}

export interface DutyRule {
  readonly id: string;
  readonly label: string; // shown in the simulator and, shortened, in descriptions
  readonly countries: readonly string[]; // "*" = default
  readonly effectiveFrom: string; // ISO date or instant, inclusive
  readonly effectiveTo: string | null; // exclusive
  readonly currency: CurrencyCode; // of the threshold and flat amounts
  readonly lowValueLimitMinor: number | null; // inclusive; null = every value is "low"
  readonly basis: "consignment" | "per-item";
  readonly valueFactor: number; // JP taxes 60% of the retail price
  readonly lowValueExcludedOrigins: readonly string[]; // US: no de minimis for CN/HK from 2025-05-02
  readonly low: DutyTreatment;
  readonly high: DutyTreatment;
}

export interface CompiledDutyRule extends DutyRule {
  readonly fromMs: number;
  readonly toMs: number; // Infinity when open
}

export const NO_DUTY: DutyCalc = { kind: "none" };

export function treatment(
  collectedAt: DutyTreatment["collectedAt"],
  taxPercent: number,
  duty: DutyCalc = NO_DUTY,
  extra: Partial<Pick<DutyTreatment, "taxPercentByCountry" | "taxPercentByProvince">> = {},
): DutyTreatment {
  return {
    collectedAt,
    taxPercent,
    duty,
    taxPercentByCountry: extra.taxPercentByCountry ?? {},
    taxPercentByProvince: extra.taxPercentByProvince ?? {},
  };
}

export function adValorem(percent: number, extraByOrigin: Record<string, number> = {}, byHsPrefix: Record<string, number> = {}): DutyCalc {
  return { kind: "ad-valorem", percent, extraByOrigin, byHsPrefix };
}
