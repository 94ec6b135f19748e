import { describe, expect, it } from "vitest";
import { money } from "../../money";
import { quoteVariant } from "../import-list/item-quotes";
import { quotePrice } from "./price-calculator";
import type { PricingContext } from "./pricing-context.server";
import { defaultPricingRules, parsePricingRules, type PricingRules } from "./pricing-rules";

const rules = (o: Partial<PricingRules> = {}): PricingRules => ({ ...defaultPricingRules("EUR"), ending: "none", multiplier: 2, ...o });
// Rates shaped like the ECB feed (1 EUR = x); the same sample figures the rate engine's tests use.
const fx = { base: "EUR" as const, source: "sample", effectiveDate: "2026-11-20", rates: { USD: 1.08, CNY: 7.8, GBP: 0.85, RON: 4.97 } };
const ctx = (o: Partial<PricingRules> = {}, destination = "FR"): PricingContext => ({ rules: rules(o), fx, destination });
const tee = { supplierVariantId: "V1", cost: money(39_00, "CNY"), weightGrams: 200, priceOverride: null };
const customs = { hsCode: "610910", originCountry: "CN" };

describe("pricing from landed cost", () => {
  it("adds the duty estimate to the marked-up cost and counts it against the margin", () => {
    const quote = quotePrice({ cost: money(5_00, "EUR"), rate: 1, rules: rules({ includeDuties: true }), duties: money(5_00, "EUR") });
    expect([quote.price.amount, quote.margin.amount, quote.duties?.amount]).toEqual([20_00, 10_00, 5_00]);
  });

  it("ignores the duty estimate unless the merchant opts in", () => {
    const quote = quotePrice({ cost: money(5_00, "EUR"), rate: 1, rules: rules(), duties: money(5_00, "EUR") });
    expect([quote.price.amount, quote.margin.amount]).toEqual([10_00, 5_00]);
  });

  it("reads rules stored before the option existed as not including duties", () => {
    const stored = { ...defaultPricingRules("EUR") } as Partial<PricingRules>;
    delete stored.includeDuties;
    expect(parsePricingRules(stored).includeDuties).toBe(false);
  });

  it("prices a T-shirt for France from cost + carrier shipping + €3 HS-line duty + per-line fees", () => {
    // France today: €3 per HS6 line (EU, from 2026-07-01) + €2 FR per line + €2 expected EU per line = €7 (B.3, §2.3).
    const plain = quoteVariant(ctx({ includeShipping: true }), tee, {}, customs);
    const landed = quoteVariant(ctx({ includeShipping: true, includeDuties: true }), tee, {}, customs);
    const e = landed.shippingEstimate!;
    expect(e.duties).toEqual(money(7_00, "EUR"));
    expect(e.shipping.amount).toBeGreaterThan(0);
    // cost €5.00 (39 CNY / 7.8) + carrier shipping + €7 duties and fees, ×2
    expect(landed.price.amount).toBe(2 * (5_00 + e.shipping.amount + 7_00));
    expect(landed.margin.amount).toBe(landed.price.amount - (5_00 + e.shipping.amount + 7_00));
    expect(plain.duties).toBeNull();
  });
});
