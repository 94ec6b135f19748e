/**
 * Pins whole answers (quotes with every parcel, duty and fee line, exclusions, shipments) for 240 varied
 * carts, so that work on the quote path's speed (ADR 0720, "Quote path") cannot change a rate, a price, a delivery
 * window, a duty or an exclusion. The golden file was written by the engine as it was before that work; a
 * deliberate change of answers regenerates it (`npx vitest run -u <this file>`) and says why in its commit.
 */
import { describe, expect, it } from "vitest";
import { toCarrierServiceResponse } from "./carrier-service";
import { ITEM_FLAGS } from "./card-types";
import type { MerchantRules } from "./merchant-rules";
import { quoteRates } from "./quote-rates";
import type { RateRequestInput } from "./request-schema";
import { buildContext, buildRateRequest } from "./test-builders";

/** A small deterministic PRNG (mulberry32), so the carts are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESTINATIONS = [
  { country: "US", province: "CA", postal_code: "94103", currency: "USD" },
  { country: "US", province: "AK", postal_code: "99501", currency: "USD" },
  { country: "US", province: "HI", postal_code: "96801", currency: "EUR" },
  { country: "DE", province: "BE", postal_code: "10115", currency: "EUR" },
  { country: "FR", province: null, postal_code: "75001", currency: "EUR" },
  { country: "NL", province: null, postal_code: "1012", currency: "USD" },
  { country: "GB", province: null, postal_code: "SW1A 1AA", currency: "GBP" },
  { country: "GB", province: null, postal_code: "HS1 2AA", currency: "GBP" },
  { country: "AU", province: "NSW", postal_code: "2000", currency: "AUD" },
  { country: "CA", province: "ON", postal_code: "M5V 2T6", currency: "CAD" },
  { country: "CA", province: "QC", postal_code: "H2X 1Y4", currency: "CAD" },
  { country: "JP", province: "13", postal_code: "100-0001", currency: "JPY" },
  { country: "CH", province: null, postal_code: "8001", currency: "CHF" },
  { country: "BR", province: "SP", postal_code: "01000-000", currency: "USD" },
  { country: "NZ", province: null, postal_code: "1010", currency: "NZD" },
  { country: "CN", province: "GD", postal_code: "518000", currency: "CNY" },
] as const;
const HS_CODES = ["8507600000", "850760", "3304990000", "6109100010", "9503000090", "42022100", "8517620000", "6403", "330499", null];
const ORIGINS = ["CN", "VN", "US", "DE", null];
const WAREHOUSES = ["CN-GZ", "CN-SZ", "CN-YW", "US-LA", "DE-FRA", "UK-BHX", "XX-NONE"];
const NOWS = [
  new Date("2026-11-24T01:00:00Z"), // Tuesday morning in Shenzhen
  new Date("2026-11-27T11:30:00Z"), // Friday evening in Shenzhen, after cut-offs
  new Date("2026-11-28T04:00:00Z"), // Saturday
  new Date("2026-03-29T00:59:00Z"), // Europe's DST change
];
const RULES: readonly Partial<MerchantRules>[] = [
  {},
  { markup: { kind: "percent", percent: 12.5 }, handlingFee: { amountMinor: 150, currency: "USD", per: "parcel" } },
  { markup: { kind: "fixed", amountMinor: 299, currency: "EUR" }, handlingFee: { amountMinor: 100, currency: "GBP", per: "order" } },
  { freeShipping: { thresholdMinor: 50_00, currency: "USD", serviceCodes: null }, ddpIncludesTaxes: false },
  { freeShipping: { thresholdMinor: 20_00, currency: "EUR", serviceCodes: ["SR-POST-ECONOMY"] }, ddpAllowed: false },
  { registrations: { ioss: false, ukVat: false, auGst: false }, dutiesInProductPrices: true },
  { dutyOverrides: [{ sku: "SKU-3", percent: 7 }, { hsPrefix: "8507", percent: 2.5 }, { hsPrefix: "85076", percent: 4 }] },
  { services: { "SR-EXPRESS": { hidden: true }, "SR-CN-DIRECT": { name: "Direct" } } },
];

function cart(next: () => number): RateRequestInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const { currency, ...destination } = pick(DESTINATIONS);
  const lines = 1 + Math.floor(next() * 6);
  const items = Array.from({ length: lines }, (_, i) => {
    const flags: Record<string, boolean> = {};
    for (const flag of ITEM_FLAGS) if (next() < 0.05) flags[flag] = true;
    const stock: Record<string, number> = {};
    if (next() < 0.6) for (const w of WAREHOUSES) if (next() < 0.4) stock[w] = Math.floor(next() * 5);
    const hs = pick(HS_CODES);
    const origin = pick(ORIGINS);
    const mapped = next() < 0.85;
    return {
      sku: next() < 0.9 ? `SKU-${1 + Math.floor(next() * 6)}` : null,
      variantId: String(1000 + i),
      quantity: 1 + Math.floor(next() * (next() < 0.05 ? 40 : 4)),
      grams: Math.floor(next() * (next() < 0.04 ? 40_000 : 1_500)),
      priceMinor: Math.floor(next() * (next() < 0.2 ? 200_000 : 8_000)),
      ...(mapped ? {
        supplier: {
          ...(next() < 0.8 ? { weightGrams: Math.floor(next() * 3_000) } : {}),
          dimensionsCm: next() < 0.04 ? { length: 120, width: 60, height: 50 } : { length: 5 + Math.floor(next() * 40), width: 5 + Math.floor(next() * 30), height: 1 + Math.floor(next() * 20) },
          flags,
          ...(hs ? { hsCode: hs } : {}),
          ...(origin ? { originCountry: origin } : {}),
          ...(Object.keys(stock).length ? { stock } : {}),
        },
      } : {}),
    };
  });
  return buildRateRequest({ destination: { ...destination, city: "X" }, currency, items });
}

describe("quote answers stay the same (golden carts)", () => {
  it("answers 240 varied carts exactly as pinned", async () => {
    const next = random(0x5eed);
    const answers = Array.from({ length: 240 }, (_, i) => {
      const request = cart(next);
      const ctx = buildContext({ now: NOWS[i % NOWS.length], merchantRules: RULES[Math.floor(i / NOWS.length) % RULES.length] });
      const result = quoteRates(request, ctx);
      return { request, rules: RULES[Math.floor(i / NOWS.length) % RULES.length], now: ctx.now, callback: toCarrierServiceResponse(result.quotes), result };
    });
    // One cart a line, so a change shows which carts it moved. The pinned set must exercise what it claims to: several services, exclusions and splits.
    expect(new Set(answers.flatMap((a) => a.result.exclusions.map((e) => e.reason))).size).toBeGreaterThan(3);
    expect(answers.some((a) => a.result.shipments.length > 1)).toBe(true);
    await expect(answers.map((a) => JSON.stringify(a)).join("\n") + "\n").toMatchFileSnapshot("./__golden__/quote-answers.jsonl");
  });
});
