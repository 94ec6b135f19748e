/**
 * Duty, tax and fee rules are versioned rows (effective from/to) for a trade lane: destination, where the parcel
 * ships from (a China or an overseas warehouse), the transport mode (postal vs courier) and the seller's
 * registrations, so quotes and refunds can be re-evaluated as of any date when the law changes. Every row names its
 * source; `estimate` marks anything not taken from a published schedule or rule.
 */
import type { CurrencyCode } from "../../../money";
import type { TransportMode } from "../card-types";

export type CollectedAt = "checkout" | "border" | "none" | "mixed";

/** Seller registrations that move low-value import VAT/GST to checkout. */
export type Registration = "ioss" | "ukVat" | "auGst";
export type Registrations = Readonly<Record<Registration, boolean>>;
export const ALL_REGISTERED: Registrations = { ioss: true, ukVat: true, auGst: true };

export type DutyCalc =
  | { readonly kind: "none" }
  // EU 2026: a flat amount per distinct 6-digit HS subheading in the parcel.
  | { readonly kind: "flat-per-subheading"; readonly amountMinor: number }
  // US postal 2025-08-29 → 2026-02-24: a specific duty per postal item (parcel), tiered by the origin's IEEPA rate.
  | { readonly kind: "per-parcel-by-origin"; readonly byOrigin: Readonly<Record<string, number>>; readonly otherMinor: number }
  | {
      readonly kind: "ad-valorem";
      /** Fallback percent when no schedule entry matches: always an ESTIMATE. */
      readonly percent: number;
      /** Published rates by HS prefix (longest wins): schedule, not estimate. */
      readonly byHsPrefix: Readonly<Record<string, number>>;
      /** Origin add-on when the schedule has none for the line (e.g. Section 301 on CN goods): ESTIMATE. */
      readonly extraByOrigin: Readonly<Record<string, number>>;
      /** Published origin add-ons by HS prefix (e.g. 6109.10 from CN: Section 301 list 4A, 7.5 %). */
      readonly extraByOriginHs: Readonly<Record<string, Readonly<Record<string, number>>>>;
      /** A published surcharge on every line (Section 122: 10 %). */
      readonly surchargePercent: number;
    };

export interface DutyTreatment {
  readonly collectedAt: "checkout" | "border" | "none";
  readonly taxPercent: number;
  readonly taxPercentByCountry: Readonly<Record<string, number>>; // EU member VAT
  readonly taxPercentByProvince: Readonly<Record<string, number>>; // CA HST
  readonly duty: DutyCalc;
  readonly estimate: boolean; // this treatment itself is not from a published rule
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
  /** CA CUSMA courier: values above the low limit up to this one get `middle` (duty-free, taxes at the border). */
  readonly middle?: { readonly limitMinor: number; readonly treatment: DutyTreatment } | null;
  /** Lane: the rule covers parcels shipped from these countries only (null/absent = any). */
  readonly shipFrom?: readonly string[] | null;
  /** Lane: transport modes covered (null/absent = any). */
  readonly transport?: readonly TransportMode[] | null;
  /** When set and the seller lacks the registration, `lowUnregistered` replaces `low`. */
  readonly registration?: Registration | null;
  readonly lowUnregistered?: DutyTreatment | null;
  readonly source: string; // URL(s) or reference section
  readonly estimate: boolean;
}

export interface CompiledDutyRule extends DutyRule {
  readonly fromMs: number;
  readonly toMs: number; // Infinity when open
  readonly specificity: number; // lane conditions: more specific rules win among equally recent ones
}

/**
 * A fee charged per parcel or per distinct HS6 line on low-value imports (national handling fees, the expected EU
 * handling fee), on top of duty and tax. Paid by the declarant at import: charged in DDP, due on delivery in DDU.
 */
export interface FeeRule {
  readonly id: string;
  readonly label: string;
  readonly countries: readonly string[];
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly currency: CurrencyCode;
  readonly per: "hs6-line" | "parcel";
  readonly amountMinor: number;
  /** Only consignments at or below this value (EU low-value regime: €150), in `maxConsignmentCurrency`; null = all. */
  readonly maxConsignmentMinor: number | null;
  readonly maxConsignmentCurrency: CurrencyCode;
  readonly transport?: readonly TransportMode[] | null;
  readonly source: string;
  readonly estimate: boolean;
}

export interface CompiledFeeRule extends FeeRule {
  readonly fromMs: number;
  readonly toMs: number;
}

/** A merchant's duty percent for a product (by SKU) or a family (by HS prefix); beats every default and schedule. */
export interface DutyOverride {
  readonly sku?: string | null;
  readonly hsPrefix?: string | null;
  readonly percent: number;
}

export const NO_DUTY: DutyCalc = { kind: "none" };

export function treatment(
  collectedAt: DutyTreatment["collectedAt"],
  taxPercent: number,
  duty: DutyCalc = NO_DUTY,
  extra: Partial<Pick<DutyTreatment, "taxPercentByCountry" | "taxPercentByProvince" | "estimate">> = {},
): DutyTreatment {
  return {
    collectedAt,
    taxPercent,
    duty,
    taxPercentByCountry: extra.taxPercentByCountry ?? {},
    taxPercentByProvince: extra.taxPercentByProvince ?? {},
    estimate: extra.estimate ?? false,
  };
}

export function adValorem(
  percent: number,
  extraByOrigin: Record<string, number> = {},
  byHsPrefix: Record<string, number> = {},
  more: { extraByOriginHs?: Record<string, Record<string, number>>; surchargePercent?: number } = {},
): DutyCalc {
  return { kind: "ad-valorem", percent, extraByOrigin, byHsPrefix, extraByOriginHs: more.extraByOriginHs ?? {}, surchargePercent: more.surchargePercent ?? 0 };
}
