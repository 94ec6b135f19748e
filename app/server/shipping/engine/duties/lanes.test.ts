/**
 * Duties and fees by lane: ship-from country × destination × transport mode × date × seller registrations.
 * Each case cites the rule it follows (docs/reference/supply-and-logistics.md B.3 and platform-and-peers-2026.md §2.3,
 * with the primary URLs in default-duty-rules.ts / default-fee-rules.ts).
 */
import { describe, expect, it } from "vitest";
import { SAMPLE_FX } from "../defaults/default-context";
import { DEFAULT_DUTY_RULES } from "./default-duty-rules";
import { DEFAULT_FEE_RULES } from "./default-fee-rules";
import { ALL_REGISTERED } from "./duty-types";
import { estimateDuties, type DutiableLine, type DutyInput } from "./estimate-duties";
import { compileDutyRules } from "./select-rule";

const rules = compileDutyRules(DEFAULT_DUTY_RULES, DEFAULT_FEE_RULES);
const line = (o: Partial<DutiableLine> = {}): DutiableLine => ({ unitPriceMinor: 100_00, quantity: 1, hsCode: "610610", originCountry: "CN", sku: null, ...o });
const input = (o: Partial<DutyInput> = {}): DutyInput => ({
  shipFromCountry: "CN", destinationCountry: "US", province: null, lines: [line()], currency: "USD", fx: SAMPLE_FX,
  now: new Date("2026-11-22T12:00:00Z"), transport: "courier", registrations: ALL_REGISTERED, ...o,
});
const at = (iso: string) => new Date(iso);

describe("Canada: CUSMA courier from the US or Mexico vs the C$20 rule (CBSA CN20-18)", () => {
  it.each([
    ["US warehouse courier, C$40: duty- and tax-free", { shipFromCountry: "US", lines: [line({ unitPriceMinor: 40_00 })] }, "ca-cusma-courier", "none", 0, 0],
    ["MX warehouse courier, C$40: duty- and tax-free", { shipFromCountry: "MX", lines: [line({ unitPriceMinor: 40_00 })] }, "ca-cusma-courier", "none", 0, 0],
    ["US warehouse courier, C$100 to BC: no duty, 5% GST at the border", { shipFromCountry: "US", province: "BC" }, "ca-cusma-courier", "border", 0, 5_00],
    ["US warehouse courier, C$100 to Ontario: no duty, 13% HST", { shipFromCountry: "US", province: "ON" }, "ca-cusma-courier", "border", 0, 13_00],
    ["US warehouse courier, C$200: fully dutiable (8% estimate) plus GST", { shipFromCountry: "US", province: "BC", lines: [line({ unitPriceMinor: 200_00 })] }, "ca-cusma-courier", "border", 16_00, 10_80],
    ["China courier, C$35: the C$20 rule applies", { lines: [line({ unitPriceMinor: 35_00 })], province: "BC" }, "ca-c20", "border", 2_80, 1_89],
    ["US warehouse by mail, C$35: mail from any country gets the C$20 rule", { shipFromCountry: "US", transport: "postal" as const, province: "BC", lines: [line({ unitPriceMinor: 35_00 })] }, "ca-c20", "border", 2_80, 1_89],
  ])("%s", (_label, o, ruleId, collectedAt, duty, tax) => {
    const result = estimateDuties(rules, input({ destinationCountry: "CA", currency: "CAD", ...o }));
    expect(result).toMatchObject({ ruleId, collectedAt, duty: { amount: duty }, tax: { amount: tax } });
  });
});

describe("United States by mode and date (EO 14324, CSMS #67845486, 19 CFR 10.151)", () => {
  it.each([
    ["postal, Oct 2025: specific duty per postal item, CN tier $200", { transport: "postal" as const, now: at("2025-10-01") }, "us-postal-specific-ieepa-30", 200_00, true],
    ["postal, Dec 2025: CN tier $160 after the IEEPA cut", { transport: "postal" as const, now: at("2025-12-01") }, "us-postal-specific-ieepa-20", 160_00, true],
    ["postal, Dec 2025, VN origin: the $80 tier", { transport: "postal" as const, now: at("2025-12-01"), lines: [line({ originCountry: "VN" })] }, "us-postal-specific-ieepa-20", 80_00, true],
    ["postal, one parcel of two lines pays one specific duty", { transport: "postal" as const, now: at("2025-12-01"), lines: [line(), line({ hsCode: "420292" })] }, "us-postal-specific-ieepa-20", 160_00, true],
    ["courier, Dec 2025: ad valorem with the IEEPA estimate", { now: at("2025-12-01") }, "us-no-de-minimis-ieepa", 50_00, true],
    ["postal, Mar 2026: postal duty equals the Section 122 rate (ad valorem row)", { transport: "postal" as const, now: at("2026-03-01") }, "us-no-de-minimis-s122", 40_00, true],
    ["today, HTS 6109.10 from CN: 16.5% + Section 301 list 4A 7.5% (published)", { lines: [line({ hsCode: "6109100012" })] }, "us-no-de-minimis", 24_00, false],
    ["today, HTS 6109.10 from VN: 16.5% (published, no 301)", { lines: [line({ hsCode: "610910", originCountry: "VN" })] }, "us-no-de-minimis", 16_50, false],
    ["today, an HS code without a schedule entry: estimate", {}, "us-no-de-minimis", 30_00, true],
    ["today, HTS 9503.00 toys from VN: Free (published)", { lines: [line({ hsCode: "9503000073", originCountry: "VN" })] }, "us-no-de-minimis", 0, false],
    ["today, HTS 9503.00 toys from CN: Free + the Section 301 estimate", { lines: [line({ hsCode: "9503000073" })] }, "us-no-de-minimis", 25_00, true],
    ["today, the merchant's 12% override for the SKU wins", { lines: [line({ sku: "TEE-1" })], overrides: [{ sku: "TEE-1", percent: 12 }] }, "us-no-de-minimis", 12_00, false],
    ["today, an override by HS prefix", { overrides: [{ hsPrefix: "6106", percent: 10 }] }, "us-no-de-minimis", 10_00, false],
  ])("%s", (_label, o, ruleId, duty, estimate) => {
    expect(estimateDuties(rules, input(o))).toMatchObject({ ruleId, duty: { amount: duty }, estimate });
  });
});

describe("EU: €3 per distinct HS6 line and national fees by country and date", () => {
  const threeLines = [
    line({ unitPriceMinor: 40_00, hsCode: "6206100000" }),
    line({ unitPriceMinor: 20_00, quantity: 1, hsCode: "610910" }),
    line({ unitPriceMinor: 20_00, quantity: 2, hsCode: "420292" }),
  ];

  it("counts three HS6 lines: €9 duty, FR €2 and the expected EU €2 per line, with per-line costs", () => {
    const result = estimateDuties(rules, input({ destinationCountry: "FR", currency: "EUR", lines: threeLines }));
    expect(result).toMatchObject({ ruleId: "eu-ioss-vat-flat-duty", collectedAt: "checkout", distinctHsLines: 3, duty: { amount: 9_00 }, tax: { amount: 21_80 }, fees: { amount: 12_00 }, estimate: true });
    expect(result.feeCharges.map((f) => [f.id, f.count, f.amount.amount, f.estimate])).toEqual([["fr-line-fee", 3, 6_00, true], ["eu-line-fee-expected", 3, 6_00, true]]);
    expect(result.hsLines.map((l) => [l.hs6, l.units, l.value.amount, l.duty.amount, l.fees.amount])).toEqual([
      ["620610", 1, 40_00, 3_00, 4_00], ["610910", 1, 20_00, 3_00, 4_00], ["420292", 2, 40_00, 3_00, 4_00],
    ]);
  });

  it.each([
    ["France before 2026-03-01: no €3 duty yet, no fee", "FR", "2026-02-01", 0, 0],
    ["France in August 2026: €3 per line, FR €2 per line", "FR", "2026-08-01", 9_00, 6_00],
    ["Germany in August 2026: €3 per line, no national fee", "DE", "2026-08-01", 9_00, 0],
    ["Italy in August 2026: €2 per consignment", "IT", "2026-08-01", 9_00, 2_00],
    ["Romania today: 25 RON per parcel (€5.03) + the expected EU €2 per line", "RO", "2026-11-22", 9_00, 5_03 + 6_00],
  ])("%s", (_label, country, date, duty, fees) => {
    const result = estimateDuties(rules, input({ destinationCountry: country, currency: "EUR", lines: threeLines, now: at(date) }));
    expect([result.duty.amount, result.fees.amount]).toEqual([duty, fees]);
  });

  it("charges no low-value fee on a consignment above €150", () => {
    const result = estimateDuties(rules, input({ destinationCountry: "FR", currency: "EUR", lines: [line({ unitPriceMinor: 200_00 })] }));
    expect([result.collectedAt, result.fees.amount, result.feeCharges]).toEqual(["border", 0, []]);
  });

  it("charges no import fee when goods ship from the EU warehouse", () => {
    const result = estimateDuties(rules, input({ shipFromCountry: "DE", destinationCountry: "FR", currency: "EUR", lines: threeLines }));
    expect([result.ruleId, result.fees.amount]).toEqual(["domestic", 0]);
  });
});

describe("seller registrations", () => {
  it("without IOSS, EU low-value VAT is collected at the border (duty treatment flagged as an estimate)", () => {
    const result = estimateDuties(rules, input({ destinationCountry: "DE", currency: "EUR", lines: [line({ unitPriceMinor: 50_00 })], registrations: { ...ALL_REGISTERED, ioss: false } }));
    expect(result).toMatchObject({ collectedAt: "border", duty: { amount: 3_00 }, tax: { amount: 10_07 }, estimate: true });
  });

  it("without UK VAT registration, VAT ≤ £135 is due at the door (estimate)", () => {
    const result = estimateDuties(rules, input({ destinationCountry: "GB", currency: "GBP", lines: [line({ unitPriceMinor: 50_00 })], registrations: { ...ALL_REGISTERED, ukVat: false } }));
    expect(result).toMatchObject({ collectedAt: "border", tax: { amount: 10_00 }, estimate: true });
  });

  it("below the AU registration turnover, no GST is collected on a parcel ≤ A$1,000", () => {
    const result = estimateDuties(rules, input({ destinationCountry: "AU", currency: "AUD", registrations: { ...ALL_REGISTERED, auGst: false } }));
    expect(result).toMatchObject({ collectedAt: "none", tax: { amount: 0 }, duty: { amount: 0 } });
  });
});

describe("sources and estimates", () => {
  it("names a source on every duty and fee rule", () => {
    for (const rule of [...DEFAULT_DUTY_RULES, ...DEFAULT_FEE_RULES]) expect(rule.source.length, rule.id).toBeGreaterThan(10);
  });

  it("flags the default rule for unlisted destinations as an estimate", () => {
    expect(estimateDuties(rules, input({ destinationCountry: "BR" }))).toMatchObject({ ruleId: "default", estimate: true });
  });
});
