/**
 * Rate cards are data: a service is fully described by one RateCard, so merchants can upload
 * contracted rates as CSV and the engine never hard-codes a carrier.
 */
import type { CurrencyCode } from "../../money";

export const ITEM_FLAGS = ["battery", "liquid", "powder", "magnet", "cosmetic"] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

/** Minor units of the card currency per kg; may be fractional because it is a rate, not an amount. */
export type MinorPerKg = number;

export interface WeightBand {
  readonly fromGrams: number; // inclusive
  readonly toGrams: number; // inclusive
  readonly itemFeeMinor: number;
  readonly perKgMinor: MinorPerKg;
}

export type PriceModel =
  | {
      // 首重/续重: express and post.
      readonly kind: "first-additional";
      readonly firstGrams: number;
      readonly firstMinor: number;
      readonly additionalGrams: number;
      readonly additionalMinor: number;
    }
  | { readonly kind: "weight-bands"; readonly bands: readonly WeightBand[] }; // item fee + per kg

export interface TransitLeg {
  readonly label: string;
  readonly minDays: number; // business days
  readonly maxDays: number;
}

export interface Zone {
  readonly code: string;
  readonly countries: readonly string[]; // ISO-2; "*" = every country not in another zone
  readonly transit: readonly TransitLeg[]; // summed; express is two legs
  readonly price: PriceModel;
}

/** Postal-code range compared on the code's first `from.length` characters after normalisation. */
export interface RemoteArea {
  readonly country: string;
  readonly from: string;
  readonly to: string;
}

export type RestrictionAction = "forbid" | "separate" | "surcharge";

export interface Restriction {
  readonly flag: ItemFlag;
  readonly countries: readonly string[]; // "*" = all destinations
  readonly action: RestrictionAction;
  readonly perItemMinor: number; // only meaningful for "surcharge"
}

export interface VolumetricRule {
  readonly divisor: number; // cm³ per kg: 5000 express, 6000 IATA, 8000 EMS/YunExpress
  readonly mode: "full" | "half" | "none"; // half-throw = (actual + volumetric) / 2
  readonly minSideCm: number; // EMS: volumetric only when a side exceeds this; 0 = always
  readonly minRatio: number; // YunExpress CA: only when volumetric ≥ ratio × actual; 0 = always
}

export interface WeightRounding {
  readonly stepGrams: number;
  readonly minGrams: number;
  readonly heavyFromGrams: number; // express bills whole kg from 21 kg; 0 = no heavy step
  readonly heavyStepGrams: number;
}

export interface RateCard {
  readonly code: string; // Shopify service_code
  readonly name: string; // buyer-visible
  readonly sample: boolean; // true for built-in defaults: replace with contracted rates
  readonly currency: CurrencyCode;
  readonly incoterm: "DDP" | "DDU";
  readonly origins: readonly string[]; // warehouse countries this service ships from
  readonly volumetric: VolumetricRule;
  readonly rounding: WeightRounding;
  readonly maxGrams: number;
  readonly maxLongestSideCm: number; // 0 = no limit
  readonly maxSumOfSidesCm: number; // 0 = no limit
  readonly handlingDays: number;
  readonly cutoffLocalTime: string; // "HH:mm" in the warehouse time zone
  readonly fuelPercent: number;
  readonly remoteSurcharge: { readonly perKgMinor: MinorPerKg; readonly minMinor: number } | null;
  readonly zones: readonly Zone[];
  readonly remoteAreas: readonly RemoteArea[];
  readonly restrictions: readonly Restriction[];
}

export interface Warehouse {
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly timeZone: string; // IANA
  readonly kind: "china" | "overseas";
  readonly serves: readonly string[]; // destination countries it delivers to domestically/regionally
}
