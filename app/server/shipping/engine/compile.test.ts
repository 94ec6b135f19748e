import { describe, expect, it } from "vitest";
import { compileRateEngine, RateCardError } from "./compile";
import { bands, zone } from "./defaults/card-helpers";
import { SAMPLE_WAREHOUSES } from "./defaults/sample-warehouses";
import { DEFAULT_DUTY_RULES } from "./duties/default-duty-rules";
import { quoteRates } from "./quote-rates";
import { buildCard, buildContext, buildEngine, buildRateRequest } from "./test-builders";

const config = (cards = [buildCard()]) => ({ cards, warehouses: SAMPLE_WAREHOUSES, defaultWarehouseCode: "CN-SZ", dutyRules: DEFAULT_DUTY_RULES });

describe("compiling an engine", () => {
  it("rejects the whole configuration when one card is invalid", () => {
    const bad = buildCard({ code: "BAD", zones: [zone("US", ["US"], [5, 8], bands([2000, 1000, 1_00, 1_00]))] });
    expect(() => compileRateEngine(config([buildCard(), bad]))).toThrow(RateCardError);
    expect(() => compileRateEngine(config([buildCard(), bad]))).toThrow(/weight band 2000–1000 g is reversed/);
  });

  it("rejects two cards with the same service code", () => {
    expect(() => compileRateEngine(config([buildCard(), buildCard()]))).toThrow(/duplicate service code/);
  });

  it("rejects a warehouse with an unknown time zone", () => {
    const warehouses = [...SAMPLE_WAREHOUSES, { ...SAMPLE_WAREHOUSES[0]!, code: "X", timeZone: "Mars/Olympus" }];
    expect(() => compileRateEngine({ ...config(), warehouses })).toThrow(/unknown time zone/);
  });

  it("quotes with a merchant card compiled alongside nothing else", () => {
    const r = quoteRates(buildRateRequest(), buildContext({ engine: buildEngine() }));
    expect(r.quotes.map((q) => q.serviceCode)).toEqual(["TEST-CARD"]);
    expect(r.quotes[0]!.total).toEqual({ amount: 10_00, currency: "USD" });
  });

  it("leaves VAT out of DDP prices when the store's tax setup already collects it", () => {
    const request = buildRateRequest({ destination: { country: "GB", postal_code: "SW1A 1AA" }, currency: "GBP" });
    const withTax = quoteRates(request, buildContext());
    const withoutTax = quoteRates(request, buildContext({ merchantRules: { ddpIncludesTaxes: false } }));
    const direct = (r: typeof withTax) => r.quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!;
    expect(direct(withTax).total.amount - direct(withoutTax).total.amount).toBe(4_00); // 20% of £19.99
    expect(direct(withoutTax).description).toContain("No import duty expected; VAT/GST charged separately at checkout");
  });
});
