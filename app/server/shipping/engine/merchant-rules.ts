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
  /**
   * The shop's plan includes duties-included rates. When it doesn't, DDP services are still quoted, as DDU
   * (duties estimated and shown, not charged): a plan change never takes rates away from a checkout.
   */
  readonly ddpAllowed: boolean;
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
  ddpAllowed: true,
};

/** The incoterm a card is quoted with under these rules. */
export function effectiveIncoterm(incoterm: "DDP" | "DDU", rules: Pick<MerchantRules, "ddpAllowed">): "DDP" | "DDU" {
  return incoterm === "DDP" && rules.ddpAllowed ? "DDP" : "DDU";
}

export function buildMerchantRules(overrides: Partial<MerchantRules> = {}): MerchantRules {
  return { ...DEFAULT_MERCHANT_RULES, ...overrides };
}
