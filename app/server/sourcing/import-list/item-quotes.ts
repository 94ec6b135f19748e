import { money } from "../../money";
import { quotePrice, type PriceQuote } from "../pricing/price-calculator";
import { appliedRate, estimateShipping, type PricingContext, type ShippingEstimate } from "../pricing/pricing-context.server";
import type { ImportItemView, ImportVariant } from "./import-item-model";

export interface VariantQuote extends PriceQuote {
  supplierVariantId: string;
  shippingEstimate: ShippingEstimate | null;
}

export interface CustomsData { hsCode: string | null; originCountry: string | null }

/**
 * Prices one supplier variant under the shop's rules, with a shipping estimate when weights are known. With landed-cost
 * pricing (`includeDuties`) the duty is estimated on the price it helps set: a first pass prices without duties, the
 * duty on that price is added, and the price is set once more (ad-valorem duty on the final price differs by the
 * duty rate × the duty itself, well under a rounding step of a charm ending for typical rates).
 */
export function quoteVariant(ctx: PricingContext, variant: Pick<ImportVariant, "supplierVariantId" | "cost" | "weightGrams" | "priceOverride">, flags?: Record<string, boolean>, customs?: CustomsData): VariantQuote {
  const rate = appliedRate(ctx, variant.cost.currency).rate;
  const cost = money(variant.cost.amount, variant.cost.currency);
  const first = quotePrice({ cost, rate, rules: ctx.rules });
  const override = variant.priceOverride === null ? null : money(variant.priceOverride, ctx.rules.currency);
  const estimateAt = (priceMinor: number) => estimateShipping(ctx, { grams: variant.weightGrams, priceMinor, flags, ...customs });
  let shippingEstimate = estimateAt(first.price.amount);
  if (!ctx.rules.includeDuties) {
    const quote = quotePrice({ cost, rate, rules: ctx.rules, shipping: shippingEstimate?.amount ?? null, override });
    return { ...quote, supplierVariantId: variant.supplierVariantId, shippingEstimate };
  }
  // Landed cost: the carrier part of shipping (duties are counted once, below) plus duty and import fees.
  const landedInput = (e: typeof shippingEstimate) => ({ cost, rate, rules: ctx.rules, shipping: e?.shipping ?? null, duties: e?.duties ?? null });
  const draft = quotePrice(landedInput(shippingEstimate));
  shippingEstimate = estimateAt(override?.amount ?? draft.price.amount);
  const quote = quotePrice({ ...landedInput(shippingEstimate), override });
  return { ...quote, supplierVariantId: variant.supplierVariantId, shippingEstimate };
}

export function quoteItem(ctx: PricingContext, item: ImportItemView): VariantQuote[] {
  const { battery, liquid, magnet, powder } = item.snapshot.hazards;
  const customs = { hsCode: item.snapshot.hsCode, originCountry: item.snapshot.originCountry };
  return item.variants.map((v) => quoteVariant(ctx, v, { battery, liquid, magnet, powder }, customs));
}
