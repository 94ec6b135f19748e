import { describe, expect, it } from "vitest";
import { money } from "../../money";
import { applyEnding } from "./price-endings";
import { quotePrice } from "./price-calculator";
import { defaultPricingRules, parsePricingRules, type PricingRules } from "./pricing-rules";

const buildRules = (overrides: Partial<PricingRules> = {}): PricingRules => ({ ...defaultPricingRules("USD"), ending: "none", ...overrides });

describe("price endings", () => {
  it.each([
    // raw minor units, ending, currency, expected minor units
    [1234, "none", "USD", 1234],
    [1234.5, "none", "USD", 1235],
    [1234.4999, "none", "USD", 1234],
    [1234, "99", "USD", 1299],
    [1299, "99", "USD", 1299],
    [1299.4, "99", "USD", 1299],
    [1300, "99", "USD", 1399],
    [1234, "95", "USD", 1295],
    [1296, "95", "USD", 1395],
    [1200, "whole", "USD", 1200],
    [1201, "whole", "USD", 1300],
    [3, "99", "USD", 99],
    [0, "whole", "USD", 100],
    [1234, "none", "JPY", 1234],
    [1234, "99", "JPY", 1299],
    [1234, "95", "JPY", 1295],
    [1234, "whole", "JPY", 1300],
    [1234, "99", "KWD", 1990],
    [12_345, "whole", "KWD", 13_000],
  ] as const)("rounds %d with ending %s in %s to %d", (raw, ending, currency, expected) => {
    expect(applyEnding(raw, ending, currency)).toBe(expected);
  });
});

describe("pricing a supplier cost", () => {
  it.each([
    // cost, rate (1 cost unit = rate shop units), rules, expected price, expected compare-at
    { name: "CNY to USD with ×2.5 and .99", cost: money(10_00, "CNY"), rate: 0.14, rules: buildRules({ ending: "99" }), price: 399, compareAt: null },
    { name: "CNY to USD with a fixed add", cost: money(10_00, "CNY"), rate: 0.14, rules: buildRules({ multiplier: 2, fixedAdd: 150 }), price: 430, compareAt: null },
    { name: "CNY to JPY (no minor unit) with .99 as ¥x99", cost: money(10_00, "CNY"), rate: 21, rules: buildRules({ currency: "JPY", ending: "99" }), price: 599, compareAt: null },
    { name: "CNY to JPY without ending rounds half up to the yen", cost: money(10_01, "CNY"), rate: 21.0, rules: buildRules({ currency: "JPY", multiplier: 1 }), price: 210, compareAt: null },
    { name: "USD to KWD keeps three decimals", cost: money(10_00, "USD"), rate: 0.307, rules: buildRules({ currency: "KWD", multiplier: 2 }), price: 6140, compareAt: null },
    { name: "same currency needs no rate", cost: money(5_00, "USD"), rate: 1, rules: buildRules({ multiplier: 3 }), price: 1500, compareAt: null },
    { name: "compare-at is price × factor with the same ending", cost: money(10_00, "CNY"), rate: 0.14, rules: buildRules({ ending: "99", compareAt: { kind: "multiplier", multiplier: 1.5 } }), price: 399, compareAt: 599 },
    { name: "a float-hostile product rounds once, half up", cost: money(1_15, "USD"), rate: 1, rules: buildRules({ multiplier: 1.1 }), price: 127, compareAt: null },
  ])("$name", ({ cost, rate, rules, price, compareAt }) => {
    const quote = quotePrice({ cost, rate, rules });
    expect(quote.price).toEqual(money(price, rules.currency));
    expect(quote.compareAt?.amount ?? null).toBe(compareAt);
  });

  it.each([
    [money(3_00, "USD"), 300 * 3],
    [money(10_00, "USD"), 1000 * 3],
    [money(10_01, "USD"), 1001 * 2],
    [money(100_00, "USD"), 10_000 * 1.5],
  ])("applies the cost band a cost of %o falls in", (cost, expected) => {
    const rules = parsePricingRules(buildRules({
      tiers: [{ upTo: null, multiplier: 1.5, fixedAdd: 0 }, { upTo: 10_00, multiplier: 3, fixedAdd: 0 }, { upTo: 50_00, multiplier: 2, fixedAdd: 0 }],
    }));
    expect(quotePrice({ cost, rate: 1, rules }).price.amount).toBe(expected);
  });

  it("includes the shipping estimate in the marked-up cost only when the merchant asks", () => {
    const shipping = money(2_00, "USD");
    const without = quotePrice({ cost: money(4_00, "USD"), rate: 1, rules: buildRules({ multiplier: 2 }), shipping });
    const withShipping = quotePrice({ cost: money(4_00, "USD"), rate: 1, rules: buildRules({ multiplier: 2, includeShipping: true }), shipping });
    expect([without.price.amount, without.margin.amount]).toEqual([800, 200]);
    expect([withShipping.price.amount, withShipping.margin.amount]).toEqual([1200, 600]);
  });

  it("reports margin in basis points, negative when a price override is below landed cost", () => {
    const quote = quotePrice({ cost: money(50_00, "CNY"), rate: 0.14, rules: buildRules(), override: money(5_00, "USD") });
    expect(quote.cost).toEqual(money(700, "USD"));
    expect(quote.margin).toEqual(money(-200, "USD"));
    expect(quote.marginBps).toBe(-4000);
  });

  it("rejects rules with a non-positive multiplier", () => {
    expect(() => parsePricingRules(buildRules({ multiplier: 0 }))).toThrow();
  });
});
