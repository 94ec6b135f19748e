/**
 * Rate cards are data: a service is fully described by one RateCard, so merchants can upload
 * contracted rates as CSV and the engine never hard-codes a carrier.
 */
import type { CurrencyCode } from "../../money";

export const ITEM_FLAGS = ["battery", "liquid", "powder", "magnet", "cosmetic"] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

/** Minor units of the card currency per kg; may be fractional because it is a rate, not an amount. */
export type MinorPerKg = number;

/**
 * Card amounts are minor units that may be fractional: carriers publish fees to three decimals (CNY 6.395 =
 * 639.5 fen). They stay exact through pricing and FX and are rounded once per shown amount (fx.ts roundMinor).
 */
export type CardMinor = number;

/**
 * One row of a weight table. `from`/`to` are as published; which side a shared boundary belongs to is the card's
 * `bandBoundary`. Price = item fee + per kg × weight, plus, when `increment` is set, each `grams` or part
 * thereof above `fromGrams` (Hongkong Post: "each additional 10 g or part thereof").
 */
export interface WeightBand {
  readonly fromGrams: number;
  readonly toGrams: number;
  readonly itemFeeMinor: CardMinor;
  readonly perKgMinor: MinorPerKg;
  readonly increment?: { readonly grams: number; readonly minor: CardMinor };
}

export type PriceModel =
  | {
      // 首重/续重: express and post.
      readonly kind: "first-additional";
      readonly firstGrams: number;
      readonly firstMinor: CardMinor;
      readonly additionalGrams: number;
      readonly additionalMinor: CardMinor;
    }
  // Item fee + per kg per band, step tables (per kg 0), and "then base + per increment" bands, mixed in one zone.
  | { readonly kind: "weight-bands"; readonly bands: readonly WeightBand[] };

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
  readonly perItemMinor: CardMinor; // only meaningful for "surcharge"
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

/**
 * `upper` = (a, b]: "0–30, 30–80" puts 30 g in the first band (how carriers write shared bounds).
 * `lower` = [a, b): 30 g belongs to the second band; the last band still includes its upper bound.
 * Either way a band written `from = previous to + 1` (0–2000, 2001–…) starts at its own `from`.
 */
export type BandBoundary = "upper" | "lower";

export type TransportMode = "postal" | "courier";

export interface RateCard {
  readonly code: string; // Shopify service_code
  readonly name: string; // buyer-visible
  readonly sample: boolean; // true for built-in defaults: replace with contracted rates
  readonly currency: CurrencyCode;
  readonly incoterm: "DDP" | "DDU";
  readonly transport: TransportMode; // customs treats mail and courier differently (CA, US postal duty)
  readonly bandBoundary: BandBoundary;
  /** Opt-in: charge the cheapest price at or above the weight, so the price never drops (may undercharge the table). */
  readonly smoothing: boolean;
  /** This version is quoted for orders from (inclusive) / until (exclusive); ISO date (UTC midnight) or instant; null = open. */
  readonly effectiveFrom: string | null;
  readonly effectiveUntil: string | null;
  readonly origins: readonly string[]; // warehouse countries this service ships from
  readonly volumetric: VolumetricRule;
  readonly rounding: WeightRounding;
  readonly maxGrams: number;
  readonly maxLongestSideCm: number; // 0 = no limit
  readonly maxSumOfSidesCm: number; // 0 = no limit
  readonly handlingDays: number;
  readonly cutoffLocalTime: string; // "HH:mm" in the warehouse time zone
  readonly fuelPercent: number;
  readonly remoteSurcharge: { readonly perKgMinor: MinorPerKg; readonly minMinor: CardMinor } | null;
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
  readonly services?: readonly string[]; // the only card codes that ship from it (the warehouse registry); absent = every card from its country
}
