import { z } from "zod";

/**
 * A merchant's pricing rules, stored as JSON on SourcingSettings. Amounts are integer minor units of
 * `currency` (the shop's currency when the rules were saved); multipliers are plain factors.
 */
export const PRICE_ENDINGS = ["none", "99", "95", "whole"] as const;
export type PriceEnding = (typeof PRICE_ENDINGS)[number];

const Tier = z.object({
  /** Inclusive upper bound of the cost band in minor units; null for "and above". */
  upTo: z.number().int().nonnegative().nullable(),
  multiplier: z.number().positive().max(100),
  fixedAdd: z.number().int().min(0),
});

export const PricingRulesSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  multiplier: z.number().positive().max(100),
  fixedAdd: z.number().int().min(0),
  /** Cost bands; when present they replace `multiplier`/`fixedAdd`. Sorted by `upTo` on save. */
  tiers: z.array(Tier).max(10),
  ending: z.enum(PRICE_ENDINGS),
  compareAt: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("multiplier"), multiplier: z.number().min(1).max(10) }),
  ]),
  /** Adds the estimated shipping to the cost the multiplier applies to. */
  includeShipping: z.boolean(),
  /**
   * Prices from landed cost: adds the estimated duty and import fees for the shop's main market (and, with
   * includeShipping, the carrier's shipping without duties) to the cost. Absent in rules stored before it existed.
   */
  includeDuties: z.boolean().default(false),
});

export type PricingRules = z.infer<typeof PricingRulesSchema>;
export type PricingTier = z.infer<typeof Tier>;

export function defaultPricingRules(currency: string): PricingRules {
  return { currency, multiplier: 2.5, fixedAdd: 0, tiers: [], ending: "99", compareAt: { kind: "none" }, includeShipping: false, includeDuties: false };
}

/** Parses stored or submitted rules; tiers come back sorted with the open band last. */
export function parsePricingRules(value: unknown): PricingRules {
  const rules = PricingRulesSchema.parse(value);
  const tiers = [...rules.tiers].sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));
  return { ...rules, tiers };
}

/** The multiplier and fixed add that apply to a cost (minor units of the rules' currency, unrounded). */
export function ruleForCost(rules: PricingRules, cost: number): { multiplier: number; fixedAdd: number } {
  if (rules.tiers.length === 0) return { multiplier: rules.multiplier, fixedAdd: rules.fixedAdd };
  const tier = rules.tiers.find((t) => t.upTo === null || cost <= t.upTo) ?? rules.tiers.at(-1)!;
  return { multiplier: tier.multiplier, fixedAdd: tier.fixedAdd };
}
