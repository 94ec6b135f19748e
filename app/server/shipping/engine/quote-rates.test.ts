import { describe, expect, it } from "vitest";
import { toCarrierServiceResponse, fromCarrierServicePayload } from "./carrier-service";
import { quoteRates } from "./quote-rates";
import type { ParcelBreakdown, QuoteResult } from "./quote-types";
import { buildContext, buildItem, buildRateRequest } from "./test-builders";

const codes = (r: QuoteResult) => r.quotes.map((q) => q.serviceCode);
const excluded = (r: QuoteResult, code: string) => r.exclusions.find((e) => e.serviceCode === code);
const quote = (r: QuoteResult, code: string) => r.quotes.find((q) => q.serviceCode === code)!;

function parcelSum(p: ParcelBreakdown): number {
  const duties = (p.duties.included ? p.duties.duty.amount : 0) + (p.duties.taxIncluded ? p.duties.tax.amount : 0);
  return p.base.amount + p.fuel.amount + p.remote.amount + p.sensitive.amount + p.handlingFee.amount + p.markup.amount + p.freeShipping.amount + duties;
}

describe("quoteRates", () => {
  it("quotes the China services for a cart without stock data, cheapest first", () => {
    const r = quoteRates(buildRateRequest(), buildContext());
    expect(codes(r)).toEqual(["SR-POST-ECONOMY", "SR-CN-DIRECT", "SR-EXPRESS"]);
    expect(excluded(r, "SR-US-GROUND")?.reason).toBe("not-from-origin");
    for (const q of r.quotes) expect(q.total.amount).toBe(q.parcels.reduce((acc, p) => acc + parcelSum(p), 0));
  });

  it("says a DDP service includes duties and a DDU service leaves them due on delivery", () => {
    const r = quoteRates(buildRateRequest(), buildContext());
    expect(quote(r, "SR-CN-DIRECT").description).toMatch(/6–12 business days.*arrives 2026-12-03 to 2026-12-11.*Duties & taxes prepaid, included \(est\. 6\.00 USD\)/);
    expect(quote(r, "SR-POST-ECONOMY").description).toContain("Duties & taxes due on delivery (est. 6.00 USD)");
    expect(quote(r, "SR-POST-ECONOMY").parcels[0]!.duties.included).toBe(false);
  });

  it("quotes a DDP service as DDU when the shop's plan has no duties-included rates: still offered, duties shown, not charged", () => {
    const full = quote(quoteRates(buildRateRequest(), buildContext()), "SR-CN-DIRECT");
    const r = quoteRates(buildRateRequest(), buildContext({ merchantRules: { ddpAllowed: false } }));
    const q = quote(r, "SR-CN-DIRECT");
    expect(q.incoterm).toBe("DDU");
    expect(full.serviceName).toBe("China Direct Line (duties included)");
    expect(q.serviceName).toBe("China Direct Line"); // the name no longer promises what the rate doesn't include
    expect(q.description).toContain("Duties & taxes due on delivery (est. 6.00 USD)");
    expect(q.parcels[0]!.duties.included).toBe(false);
    expect(q.parcels[0]!.duties.duty.amount).toBe(full.parcels[0]!.duties.duty.amount);
    expect(q.total.amount).toBe(q.parcels.reduce((acc, p) => acc + parcelSum(p), 0));
    expect(q.total.amount).toBeLessThan(full.total.amount);
  });

  it("tells a UK or Australian buyer of a low-value DDU parcel that VAT is charged at checkout, not on delivery", () => {
    for (const destination of [{ country: "GB", province: "", postal_code: "SW1A 1AA", city: "London" }, { country: "AU", province: "NSW", postal_code: "2000", city: "Sydney" }]) {
      const economy = quote(quoteRates(buildRateRequest({ destination }), buildContext()), "SR-POST-ECONOMY");
      expect(economy.incoterm).toBe("DDU");
      expect(economy.description).toMatch(/VAT\/GST charged at checkout \(est\. \d+\.\d{2} USD\); nothing to pay on delivery/);
    }
  });

  it("tells an EU buyer of a low-value DDU parcel that VAT is charged at checkout and the EU duty is due on delivery", () => {
    const economy = quote(quoteRates(buildRateRequest({ destination: { country: "DE", province: "", postal_code: "10115", city: "Berlin" } }), buildContext()), "SR-POST-ECONOMY");
    expect(economy.incoterm).toBe("DDU");
    expect(economy.description).toMatch(/VAT\/GST charged at checkout \(est\. \d+\.\d{2} USD\); customs duty & fees due on delivery \(est\. \d+\.\d{2} USD\), plus any carrier collection fee/);
  });

  it("still says duties are due on delivery for a DDU parcel above the low-value limit", () => {
    const pricey = buildRateRequest({ destination: { country: "GB", province: "", postal_code: "SW1A 1AA", city: "London" }, items: [buildItem({ priceMinor: 400_00 })] });
    const economy = quote(quoteRates(pricey, buildContext()), "SR-POST-ECONOMY");
    expect(economy.description).toMatch(/Duties & taxes due on delivery \(est\. \d+\.\d{2} USD\)/);
    expect(economy.description).not.toMatch(/charged at checkout/);
  });

  it("returns Shopify-formatted delivery dates and Date values", () => {
    const q = quote(quoteRates(buildRateRequest(), buildContext()), "SR-EXPRESS");
    expect(q.minDeliveryDateText).toBe("2026-11-26 12:00:00 -0600");
    expect(q.maxDeliveryDateText).toBe("2026-11-30 12:00:00 -0600");
    expect(q.maxDeliveryDate).toEqual(new Date("2026-11-30T18:00:00Z"));
  });

  it("excludes a postal service for a battery item and says why", () => {
    const r = quoteRates(buildRateRequest({ items: [buildItem({ sku: "PWR", supplier: { flags: { battery: true } } })] }), buildContext());
    expect(excluded(r, "SR-POST-ECONOMY")).toMatchObject({ reason: "restricted-item", sku: "PWR" });
    expect(codes(r)).toContain("SR-EXPRESS");
  });

  it("sends a battery line in its own express parcel", () => {
    const items = [buildItem({ sku: "CASE" }), buildItem({ sku: "PWR", supplier: { flags: { battery: true } } })];
    const q = quote(quoteRates(buildRateRequest({ items }), buildContext()), "SR-EXPRESS");
    expect(q.parcels.map((p) => p.lines.map((l) => l.sku))).toEqual([["CASE"], ["PWR"]]);
  });

  it("adds the per-item sensitive-cargo surcharge for cosmetics", () => {
    const items = [buildItem({ quantity: 3, supplier: { flags: { cosmetic: true } } })];
    const p = quote(quoteRates(buildRateRequest({ items, currency: "CNY" }), buildContext()), "SR-CN-DIRECT").parcels[0]!;
    expect(p.sensitive).toEqual({ amount: 3_00, currency: "CNY" });
  });

  it("excludes an overweight unit and splits an overweight cart into parcels", () => {
    const heavy = quoteRates(buildRateRequest({ items: [buildItem({ grams: 2500 })] }), buildContext());
    expect(excluded(heavy, "SR-POST-ECONOMY")?.reason).toBe("overweight");
    const split = quoteRates(buildRateRequest({ items: [buildItem({ grams: 900, quantity: 3 })] }), buildContext());
    expect(quote(split, "SR-POST-ECONOMY").parcels.map((p) => p.actualGrams)).toEqual([1800, 900]);
  });

  it("excludes a service with no zone for the destination", () => {
    const r = quoteRates(buildRateRequest({ destination: { country: "BR" } }), buildContext());
    expect(excluded(r, "SR-CN-DIRECT")?.reason).toBe("no-zone");
    expect(codes(r)).toContain("SR-EXPRESS");
  });

  it("adds the remote-area surcharge for Alaska", () => {
    const r = quoteRates(buildRateRequest({ destination: { country: "US", postal_code: "99501" } }), buildContext());
    const p = quote(r, "SR-EXPRESS").parcels[0]!;
    expect(p.remoteArea).toBe(true);
    expect(p.remote).toEqual({ amount: 25_00, currency: "USD" });
    expect(p.fuel.amount).toBe(Math.round((18_00 + 25_00) * 0.18));
  });

  it("ships from the US warehouse domestically when it holds the cart", () => {
    const items = [buildItem({ supplier: { stock: { "US-LA": 10 } } })];
    const r = quoteRates(buildRateRequest({ items }), buildContext());
    expect(codes(r)).toEqual(["SR-US-GROUND"]);
    expect(r.quotes[0]!.description).toContain("No customs duties");
  });

  it("prices a split order with a companion service for the other warehouse", () => {
    const items = [buildItem({ sku: "LOCAL", supplier: { stock: { "US-LA": 10 } } }), buildItem({ sku: "CN", supplier: { stock: { "CN-GZ": 10 } } })];
    const q = quote(quoteRates(buildRateRequest({ items }), buildContext()), "SR-EXPRESS");
    expect(q.parcels.map((p) => [p.warehouseCode, p.serviceCode])).toEqual([["US-LA", "SR-US-GROUND"], ["CN-GZ", "SR-EXPRESS"]]);
  });

  it("applies the merchant's markup, handling fee, rename and hide", () => {
    const ctx = buildContext({
      merchantRules: {
        markup: { kind: "percent", percent: 10 },
        handlingFee: { amountMinor: 1_50, currency: "USD", per: "order" },
        services: { "SR-EXPRESS": { hidden: true }, "SR-CN-DIRECT": { name: "Standard (duties paid)" } },
      },
    });
    const r = quoteRates(buildRateRequest(), ctx);
    expect(excluded(r, "SR-EXPRESS")?.reason).toBe("hidden-by-merchant");
    const q = quote(r, "SR-CN-DIRECT");
    expect(q.serviceName).toBe("Standard (duties paid)");
    const p = q.parcels[0]!;
    expect(p.handlingFee.amount).toBe(1_50);
    expect(p.markup.amount).toBe(Math.round((p.base.amount + p.fuel.amount + p.remote.amount + p.sensitive.amount) * 0.1));
  });

  it("makes shipping free above the threshold but still charges DDP duties", () => {
    const ctx = buildContext({ merchantRules: { freeShipping: { thresholdMinor: 50_00, currency: "USD", serviceCodes: null } } });
    const r = quoteRates(buildRateRequest({ items: [buildItem({ priceMinor: 60_00 })] }), ctx);
    const p = quote(r, "SR-CN-DIRECT").parcels[0]!;
    expect(p.freeShipping.amount).toBe(-(p.base.amount + p.fuel.amount + p.remote.amount + p.sensitive.amount));
    expect(quote(r, "SR-CN-DIRECT").total.amount).toBe(p.duties.duty.amount);
    expect(quote(r, "SR-POST-ECONOMY").total.amount).toBe(0);
  });

  it("reports a missing FX rate instead of guessing", () => {
    const r = quoteRates(buildRateRequest({ currency: "ZAR" }), buildContext());
    expect(r.quotes).toEqual([]);
    expect(r.exclusions.every((e) => e.reason === "no-fx-rate" || e.reason === "not-from-origin")).toBe(true);
  });

  it("turns a malformed request into an invalid-request exclusion", () => {
    const r = quoteRates({ destination: { country: "USA" }, items: [], currency: "usd" }, buildContext());
    expect(r.exclusions).toEqual([expect.objectContaining({ serviceCode: null, reason: "invalid-request" })]);
  });

  it("maps a Shopify rate request in and rates out, with JPY totals ×100", () => {
    const body = { rate: { destination: { country: "JP", postal_code: "100-0001", province: null, city: "Tokyo" }, currency: "JPY", items: [{ sku: "A", quantity: 1, grams: 300, price: 3000, variant_id: 42, requires_shipping: true }] } };
    const r = quoteRates(fromCarrierServicePayload(body), buildContext());
    const rates = toCarrierServiceResponse(r.quotes).rates;
    const q = quote(r, "SR-CN-DIRECT");
    expect(rates.find((x) => x.service_code === "SR-CN-DIRECT")).toMatchObject({ currency: "JPY", total_price: String(q.total.amount * 100) });
    expect(rates[0]!.min_delivery_date).toMatch(/^\d{4}-\d\d-\d\d 12:00:00 \+0900$/);
  });
});
