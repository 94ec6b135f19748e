import { parseDecimal, toDecimalString, money } from "../money";
import { fxTableForShop, setFxOverride } from "../fx/fx-rates.server";
import { appliedRate } from "./pricing/pricing-context.server";
import { PRICE_ENDINGS, parsePricingRules, type PriceEnding, type PricingRules, type PricingTier } from "./pricing/pricing-rules";
import type { AppliedRate } from "./pricing/price-calculator";

/** The pricing form as strings, the way the merchant typed them (amounts in the shop currency). */
export interface PricingForm {
  multiplier: string;
  fixedAdd: string;
  tiers: string; // one band per line: "up to, multiplier, fixed add" ("*" for the open band)
  ending: PriceEnding;
  compareAtMultiplier: string;
  includeShipping: boolean;
  includeDuties: boolean;
}

export function pricingFormFrom(rules: PricingRules): PricingForm {
  const amount = (minor: number) => toDecimalString(money(minor, rules.currency));
  return {
    multiplier: String(rules.multiplier),
    fixedAdd: amount(rules.fixedAdd),
    tiers: rules.tiers.map((t) => `${t.upTo === null ? "*" : amount(t.upTo)}, ${t.multiplier}, ${amount(t.fixedAdd)}`).join("\n"),
    ending: rules.ending,
    compareAtMultiplier: rules.compareAt.kind === "multiplier" ? String(rules.compareAt.multiplier) : "",
    includeShipping: rules.includeShipping,
    includeDuties: rules.includeDuties,
  };
}

export type PricingFormResult = { ok: true; rules: PricingRules } | { ok: false; errors: Record<string, string> };

/** Validates the submitted form field by field, so the page can say exactly what to fix. */
export function pricingRulesFromForm(form: Record<string, string>, currency: string): PricingFormResult {
  const errors: Record<string, string> = {};
  const factor = (key: string, label: string, min: number) => {
    const n = Number(form[key]);
    if (!form[key]?.trim() || !Number.isFinite(n) || n < min || n > 100) errors[key] = `${label} must be a number from ${min} to 100`;
    return n;
  };
  const amount = (text: string | undefined, key: string) => {
    try { return parseDecimal((text ?? "").trim() || "0", currency).amount; } catch { errors[key] = "Enter an amount such as 1.50"; return 0; }
  };
  const multiplier = factor("multiplier", "Multiplier", 0.01);
  const fixedAdd = amount(form.fixedAdd, "fixedAdd");
  const tiers: PricingTier[] = (form.tiers ?? "").split("\n").map((l) => l.trim()).filter(Boolean).map((line, i) => {
    const [upTo, m, add] = line.split(",").map((p) => p.trim());
    const mult = Number(m);
    if (!upTo || !Number.isFinite(mult) || mult <= 0) errors.tiers = `Line ${i + 1}: write "up to, multiplier, fixed add", e.g. "10.00, 3, 0.50"`;
    return { upTo: upTo === "*" ? null : amount(upTo, "tiers"), multiplier: mult > 0 ? mult : 1, fixedAdd: amount(add, "tiers") };
  });
  const ending = (PRICE_ENDINGS as readonly string[]).includes(form.ending ?? "") ? (form.ending as PriceEnding) : "none";
  const compareAt = form.compareAtMultiplier?.trim() ? factor("compareAtMultiplier", "Compare-at multiplier", 1) : null;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    rules: parsePricingRules({
      currency, multiplier, fixedAdd, tiers, ending, includeShipping: form.includeShipping === "on" || form.includeShipping === "true",
      includeDuties: form.includeDuties === "on" || form.includeDuties === "true",
      compareAt: compareAt ? { kind: "multiplier", multiplier: compareAt } : { kind: "none" },
    }),
  };
}

/** Supplier currencies → shop currency, with the rate's source and date (or the merchant's override). */
export async function fxRatesView(shop: string, rules: PricingRules): Promise<AppliedRate[]> {
  const fx = await fxTableForShop(shop);
  return ["CNY", "USD"].filter((c) => c !== rules.currency).map((from) => appliedRate({ rules, fx, destination: null }, from));
}

export async function saveFxOverride(shop: string, from: string, to: string, rateText: string): Promise<string | null> {
  if (!rateText.trim()) { await setFxOverride(shop, from, to, null); return null; }
  const rate = Number(rateText);
  if (!(rate > 0) || !Number.isFinite(rate)) return "Enter a positive exchange rate, e.g. 0.1385";
  await setFxOverride(shop, from, to, rate);
  return null;
}
