/** Per-shop adjustments layered on carrier cost: markup, handling fee, free shipping, rename/hide. */
import type { CurrencyCode } from "../../money";
import { ALL_REGISTERED, type DutyOverride, type Registrations } from "./duties/duty-types";

export type Markup =
  | { readonly kind: "none" }
  | { readonly kind: "percent"; readonly percent: number } // of carrier cost (base + surcharges)
  | { readonly kind: "fixed"; readonly amountMinor: number; readonly currency: CurrencyCode }; // per order

export interface MerchantRules {
  readonly markup: Markup;
  readonly handlingFee: { readonly amountMinor: number; readonly currency: CurrencyCode; readonly per: "order" | "parcel" } | null;
  /** Shipping becomes free when the cart's goods value reaches the threshold; DDP duties are still charged. */
  readonly freeShipping: { readonly thresholdMinor: number; readonly currency: CurrencyCode; readonly serviceCodes: readonly string[] | null } | null;
  readonly services: Readonly<Record<string, { readonly hidden?: boolean; readonly name?: string }>>;
  /** False when Shopify Tax already collects VAT/GST at checkout, so DDP prices must not add it twice. */
  readonly ddpIncludesTaxes: boolean;
  /** IOSS / UK VAT / AU GST: who collects low-value import VAT/GST (checkout when registered). */
  readonly registrations: Registrations;
  /** The merchant's duty percent per product (SKU) or HS prefix; beats schedules and estimates. */
  readonly dutyOverrides: readonly DutyOverride[];
  /** The shop prices from landed cost (pricing rule option): DDP rates then prepay duty and fees without charging them again. */
  readonly dutiesInProductPrices: boolean;
}

export const DEFAULT_MERCHANT_RULES: MerchantRules = {
  markup: { kind: "none" },
  handlingFee: null,
  freeShipping: null,
  services: {},
  ddpIncludesTaxes: true,
  registrations: ALL_REGISTERED,
  dutyOverrides: [],
  dutiesInProductPrices: false,
};

export function buildMerchantRules(overrides: Partial<MerchantRules> = {}): MerchantRules {
  return { ...DEFAULT_MERCHANT_RULES, ...overrides };
}
