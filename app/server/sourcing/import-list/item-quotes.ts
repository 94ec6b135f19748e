import { money } from "../../money";
import { quotePrice, type PriceQuote } from "../pricing/price-calculator";
import { appliedRate, estimateShipping, type PricingContext, type ShippingEstimate } from "../pricing/pricing-context.server";
import type { ImportItemView, ImportVariant } from "./import-item-model";

export interface VariantQuote extends PriceQuote {
  supplierVariantId: string;
  shippingEstimate: ShippingEstimate | null;
}

/** Prices one supplier variant under the shop's rules, with a shipping estimate when weights are known. */
export function quoteVariant(ctx: PricingContext, variant: Pick<ImportVariant, "supplierVariantId" | "cost" | "weightGrams" | "priceOverride">, flags?: Record<string, boolean>): VariantQuote {
  const rate = appliedRate(ctx, variant.cost.currency).rate;
  const cost = money(variant.cost.amount, variant.cost.currency);
  const first = quotePrice({ cost, rate, rules: ctx.rules });
  const shippingEstimate = estimateShipping(ctx, { grams: variant.weightGrams, priceMinor: first.price.amount, flags });
  const override = variant.priceOverride === null ? null : money(variant.priceOverride, ctx.rules.currency);
  const quote = quotePrice({ cost, rate, rules: ctx.rules, shipping: shippingEstimate?.amount ?? null, override });
  return { ...quote, supplierVariantId: variant.supplierVariantId, shippingEstimate };
}

export function quoteItem(ctx: PricingContext, item: ImportItemView): VariantQuote[] {
  const { battery, liquid, magnet, powder } = item.snapshot.hazards;
  return item.variants.map((v) => quoteVariant(ctx, v, { battery, liquid, magnet, powder }));
}
