import { fxTableForShop } from "../../fx/fx-rates.server";
import { rateBetween, type FxTable } from "../../fx/fx-table";
import { money, type Money } from "../../money";
import { buildDefaultRateContext, quoteRates } from "../../shipping/engine";
import { getSourcingSettings } from "../settings.server";
import type { AppliedRate } from "./price-calculator";
import type { PricingRules } from "./pricing-rules";

/** Everything needed to price a shop's imports, loaded once per request or job. */
export interface PricingContext {
  rules: PricingRules;
  fx: FxTable;
  /** Two-letter country the shipping estimate goes to; null skips it. */
  destination: string | null;
}

export async function loadPricingContext(shop: string, destination: string | null = null): Promise<PricingContext> {
  const [{ pricingRules }, fx] = await Promise.all([getSourcingSettings(shop), fxTableForShop(shop)]);
  return { rules: pricingRules, fx, destination };
}

export function appliedRate(ctx: PricingContext, from: string): AppliedRate {
  const to = ctx.rules.currency;
  return {
    from, to, rate: rateBetween(ctx.fx, from, to), source: ctx.fx.source, effectiveDate: ctx.fx.effectiveDate,
    overridden: from !== to && ctx.fx.overrides?.[`${from}>${to}`] !== undefined,
  };
}

export interface ShippingEstimate {
  /** What checkout charges for this line (for DDP services it already includes duty, fees and, by setting, VAT). */
  amount: Money;
  /** The carrier part alone: base, surcharges, handling and markup, without duty, fees or tax. */
  shipping: Money;
  /** Estimated duty + import fees (not VAT) for the destination, whatever the service's incoterm. */
  duties: Money;
  /** True when any duty figure is an estimate rather than a published rate. */
  dutiesEstimated: boolean;
  service: string;
  /** Transit business days; pages word the window in the merchant's language. */
  minDays: number;
  maxDays: number;
}

/**
 * Cheapest line from the rate engine's sample cards for one unit to the shop's country, as a labelled
 * estimate (the merchant's own cards may differ). Null when no line serves the item.
 */
export function estimateShipping(ctx: PricingContext, item: { grams: number | null; priceMinor: number; flags?: Record<string, boolean>; hsCode?: string | null; originCountry?: string | null }): ShippingEstimate | null {
  if (!ctx.destination || !item.grams) return null;
  const hs = item.hsCode?.replace(/\D/g, "") ?? "";
  const customs = {
    ...(/^\d{4,10}$/.test(hs) ? { hsCode: hs } : {}),
    ...(item.originCountry && /^[A-Z]{2}$/.test(item.originCountry) ? { originCountry: item.originCountry } : {}),
  };
  const result = quoteRates({
    origin: { country: "CN", province: "GD", city: "Shenzhen", postal_code: "518000" },
    destination: { country: ctx.destination },
    currency: ctx.rules.currency,
    items: [{ quantity: 1, grams: item.grams, priceMinor: Math.max(0, item.priceMinor), supplier: { weightGrams: item.grams, flags: item.flags, ...customs } }],
  }, buildDefaultRateContext({ fx: { base: "EUR", rates: ctx.fx.rates, asOf: ctx.fx.effectiveDate } }));
  const cheapest = [...result.quotes].sort((a, b) => a.total.amount - b.total.amount)[0];
  if (!cheapest) return null;
  const currency = cheapest.total.currency;
  const parts = cheapest.parcels.reduce((acc, p) => ({
    shipping: acc.shipping + p.base.amount + p.fuel.amount + p.remote.amount + p.sensitive.amount + p.handlingFee.amount + p.markup.amount + p.freeShipping.amount,
    duties: acc.duties + p.duties.duty.amount + p.duties.fees.amount,
    estimated: acc.estimated || p.duties.estimate,
  }), { shipping: 0, duties: 0, estimated: false });
  return {
    amount: money(cheapest.total.amount, currency), shipping: money(parts.shipping, currency), duties: money(parts.duties, currency),
    dutiesEstimated: parts.estimated, service: cheapest.serviceName,
    minDays: cheapest.minTransitBusinessDays, maxDays: cheapest.maxTransitBusinessDays,
  };
}
