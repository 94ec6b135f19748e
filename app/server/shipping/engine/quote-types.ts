/** The engine's output: quotes for Shopify plus everything the admin simulator explains. */
import type { Money } from "../../money";
import type { DutyResult } from "./duties/estimate-duties";
import type { Message } from "../../../i18n/message";

export interface DutiesEstimate extends DutyResult {
  readonly included: boolean; // DDP services add the duty to the price
  readonly taxIncluded: boolean; // …and the tax, unless the store's own tax setup collects it
  readonly inProductPrices: boolean; // DDP, but duty and fees are already in the product prices (landed-cost pricing)
}

export interface ParcelBreakdown {
  readonly warehouseCode: string;
  readonly serviceCode: string; // may differ from the quote's when a companion service carries this parcel
  readonly zoneCode: string;
  readonly lines: readonly { readonly sku: string | null; readonly quantity: number }[];
  readonly actualGrams: number;
  readonly volumetricGrams: number;
  readonly billableGrams: number;
  readonly remoteArea: boolean;
  readonly base: Money;
  readonly fuel: Money;
  readonly remote: Money;
  readonly sensitive: Money; // per-item restriction surcharges (batteries, cosmetics…)
  readonly handlingFee: Money;
  readonly markup: Money;
  readonly freeShipping: Money; // ≤ 0
  readonly duties: DutiesEstimate;
  readonly total: Money;
  readonly dispatchDate: string; // YYYY-MM-DD in the warehouse time zone
}

export interface Quote {
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly description: string;
  readonly incoterm: "DDP" | "DDU";
  readonly total: Money; // cart currency
  readonly minDeliveryDate: Date;
  readonly maxDeliveryDate: Date;
  readonly minDeliveryDateText: string; // Shopify: "YYYY-MM-DD HH:mm:ss ±hhmm"
  readonly maxDeliveryDateText: string;
  readonly minTransitBusinessDays: number;
  readonly maxTransitBusinessDays: number;
  readonly parcels: readonly ParcelBreakdown[];
}

export type ExclusionReason =
  | "invalid-request"
  | "restricted-item"
  | "overweight"
  | "oversize"
  | "no-zone"
  | "not-from-origin"
  | "no-fx-rate"
  | "hidden-by-merchant"
  | "internal-error";

export interface Exclusion {
  readonly serviceCode: string | null; // null = the whole request
  readonly reason: ExclusionReason;
  readonly detail: string; // English, for logs
  /** The detail as a catalog message for the simulator; absent where the detail is an error's own text. */
  readonly text?: Message;
  readonly sku?: string | null;
}

export interface Shipment {
  readonly warehouseCode: string;
  readonly lineIndexes: readonly number[];
}

export interface QuoteResult {
  readonly quotes: readonly Quote[];
  readonly exclusions: readonly Exclusion[];
  readonly shipments: readonly Shipment[];
}
