import { currencyExponent, money, type Money } from "../../money";
import { applyEnding } from "./price-endings";
import { ruleForCost, type PricingRules } from "./pricing-rules";

/** The exchange rate used for a conversion, with where it came from, so the UI can show its date. */
export interface AppliedRate {
  from: string;
  to: string;
  rate: number;
  source: string;
  effectiveDate: string;
  overridden: boolean;
}

export interface PriceQuote {
  /** Supplier cost converted to the shop currency, rounded once for display and Shopify's unit cost. */
  cost: Money;
  shipping: Money | null;
  /** Estimated duty + import fees for the main market (landed-cost pricing); null when not estimated. */
  duties: Money | null;
  price: Money;
  compareAt: Money | null;
  margin: Money;
  /** Margin over price in basis points (2500 = 25 %); null when the price is zero. */
  marginBps: number | null;
}

/** Minor units of `to` for `cost`, unrounded, so the price is rounded only once at the end. */
export function convertExactMinor(cost: Money, to: string, rate: number): number {
  return cost.amount * rate * 10 ** (currencyExponent(to) - currencyExponent(cost.currency));
}

const halfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);

/**
 * Price for one variant: convert the supplier cost (and optional shipping estimate) to the rules' currency,
 * apply the cost band's multiplier and fixed add, then round once with the merchant's ending. A price
 * override (already in the shop currency) wins over the rules but still gets a margin.
 */
export function quotePrice(input: { cost: Money; rate: number; rules: PricingRules; shipping?: Money | null; duties?: Money | null; override?: Money | null }): PriceQuote {
  const { rules } = input;
  const currency = rules.currency;
  const costExact = convertExactMinor(input.cost, currency, input.rate);
  const shipping = input.shipping ? money(input.shipping.amount, input.shipping.currency) : null;
  if (shipping && shipping.currency !== currency) throw new Error(`Shipping estimate must be in ${currency}`);
  const duties = input.duties ? money(input.duties.amount, input.duties.currency) : null;
  if (duties && duties.currency !== currency) throw new Error(`Duty estimate must be in ${currency}`);
  const base = costExact + (rules.includeShipping && shipping ? shipping.amount : 0) + (rules.includeDuties && duties ? duties.amount : 0);
  const { multiplier, fixedAdd } = ruleForCost(rules, base);
  const priceMinor = input.override ? input.override.amount : applyEnding(base * multiplier + fixedAdd, rules.ending, currency);
  const compareAtMinor = rules.compareAt.kind === "multiplier" && rules.compareAt.multiplier > 1
    ? applyEnding(priceMinor * rules.compareAt.multiplier, rules.ending, currency)
    : null;
  const cost = money(halfUp(costExact), currency);
  // Duties count against the margin only when the price is meant to cover them (landed-cost pricing).
  const landed = cost.amount + (shipping?.amount ?? 0) + (rules.includeDuties ? duties?.amount ?? 0 : 0);
  const margin = money(priceMinor - landed, currency);
  return {
    cost,
    shipping,
    duties,
    price: money(priceMinor, currency),
    compareAt: compareAtMinor !== null && compareAtMinor > priceMinor ? money(compareAtMinor, currency) : null,
    margin,
    marginBps: priceMinor > 0 ? Math.round((margin.amount / priceMinor) * 10_000) : null,
  };
}
