import { describe, expect, it } from "vitest";
import { SAMPLE_FX } from "../defaults/default-context";
import { DEFAULT_DUTY_RULES } from "./default-duty-rules";
import { estimateDuties, type DutiableLine, type DutyInput } from "./estimate-duties";
import { compileDutyRules } from "./select-rule";

const rules = compileDutyRules(DEFAULT_DUTY_RULES);

const line = (o: Partial<DutiableLine> = {}): DutiableLine => ({ unitPriceMinor: 100_00, quantity: 1, hsCode: "610610", originCountry: "CN", ...o });

function buildDutyInput(o: Partial<DutyInput> = {}): DutyInput {
  return { shipFromCountry: "CN", destinationCountry: "US", province: null, lines: [line()], currency: "USD", fx: SAMPLE_FX, now: new Date("2026-11-22T12:00:00Z"), ...o };
}

const at = (iso: string) => new Date(iso);

describe("duty rules by destination and date", () => {
  it.each([
    ["US before the suspension keeps the $800 de minimis", { now: at("2025-04-01"), lines: [line({ unitPriceMinor: 50_00 })] }, "us-de-minimis-800", "none", 0, 0],
    ["US from 2025-05-02 denies de minimis to CN-origin goods", { now: at("2025-06-01") }, "us-de-minimis-800-no-cn", "checkout", 50_00, 0],
    ["US from 2025-05-02 keeps de minimis for other origins", { now: at("2025-06-01"), lines: [line({ originCountry: "VN" })] }, "us-de-minimis-800-no-cn", "none", 0, 0],
    ["US one minute before 2025-08-29 00:01 EDT is still the old rule", { now: at("2025-08-29T04:00:00Z"), lines: [line({ originCountry: "VN" })] }, "us-de-minimis-800-no-cn", "none", 0, 0],
    ["US from 2025-08-29 00:01 EDT has no de minimis for any origin", { now: at("2025-08-29T04:01:00Z"), lines: [line({ originCountry: "VN" })] }, "us-no-de-minimis-ieepa", "checkout", 5_00, 0],
    ["US during Section 122 adds the 10% surcharge", { now: at("2026-03-01") }, "us-no-de-minimis-s122", "checkout", 40_00, 0],
    ["US today charges the MFN + Section 301 estimate", {}, "us-no-de-minimis", "checkout", 30_00, 0],
    ["EU before 2026-07-01 charges only IOSS VAT", { destinationCountry: "DE", currency: "EUR", now: at("2026-06-30T23:59:59Z") }, "eu-ioss-vat", "checkout", 0, 19_00],
    ["EU from 2026-07-01 adds €3 per HS subheading", { destinationCountry: "DE", currency: "EUR", now: at("2026-07-01") }, "eu-ioss-vat-flat-duty", "checkout", 3_00, 19_57],
    ["EU counts each distinct subheading (silk + wool blouses = €6)", { destinationCountry: "FR", currency: "EUR", lines: [line({ unitPriceMinor: 40_00, hsCode: "620610" }), line({ unitPriceMinor: 30_00, quantity: 2, hsCode: "6206200000" }), line({ unitPriceMinor: 1_00, hsCode: "620620" })] }, "eu-ioss-vat-flat-duty", "checkout", 6_00, 21_40],
    ["EU over €150 is taxed at the border", { destinationCountry: "DE", currency: "EUR", lines: [line({ unitPriceMinor: 150_01 })] }, "eu-ioss-vat-flat-duty", "border", 6_00, 29_64],
    ["EU from 2028-07-01 applies normal tariffs under €150", { destinationCountry: "IT", currency: "EUR", now: at("2028-07-01") }, "eu-ioss-vat-tariff", "checkout", 4_00, 22_88],
    ["UK at £135 charges 20% VAT at checkout", { destinationCountry: "GB", currency: "GBP", lines: [line({ unitPriceMinor: 135_00 })] }, "gb-vat-135", "checkout", 0, 27_00],
    ["UK above £135 is taxed at the border", { destinationCountry: "GB", currency: "GBP", lines: [line({ unitPriceMinor: 135_01 })] }, "gb-vat-135", "border", 5_40, 28_08],
    ["AU at A$1,000 charges 10% GST at checkout", { destinationCountry: "AU", currency: "AUD", lines: [line({ unitPriceMinor: 1000_00 })] }, "au-gst-1000", "checkout", 0, 100_00],
    ["AU above A$1,000 is taxed at the border", { destinationCountry: "AU", currency: "AUD", lines: [line({ unitPriceMinor: 1000_01 })] }, "au-gst-1000", "border", 50_00, 105_00],
    ["CA at C$20 is duty- and tax-free", { destinationCountry: "CA", currency: "CAD", lines: [line({ unitPriceMinor: 20_00 })] }, "ca-c20", "none", 0, 0],
    ["CA above C$20 charges GST at the border", { destinationCountry: "CA", currency: "CAD", province: "BC", lines: [line({ unitPriceMinor: 100_00 })] }, "ca-c20", "border", 8_00, 5_40],
    ["CA above C$20 in Ontario charges 13% HST", { destinationCountry: "CA", currency: "CAD", province: "ON", lines: [line({ unitPriceMinor: 100_00 })] }, "ca-c20", "border", 8_00, 14_04],
    ["JP is exempt when 60% of the price is ≤ ¥10,000", { destinationCountry: "JP", currency: "JPY", lines: [line({ unitPriceMinor: 16_000 })] }, "jp-10000", "none", 0, 0],
    ["JP above ¥10,000 taxable value is taxed at the border", { destinationCountry: "JP", currency: "JPY", lines: [line({ unitPriceMinor: 17_000 })] }, "jp-10000", "border", 850, 1785],
    ["JP from 2028-04-01 collects consumption tax at checkout", { destinationCountry: "JP", currency: "JPY", now: at("2028-04-01"), lines: [line({ unitPriceMinor: 5_000 })] }, "jp-jct-2028", "checkout", 0, 500],
    ["SG in 2023 charged 8% GST at checkout per item", { destinationCountry: "SG", currency: "SGD", now: at("2023-06-01") }, "sg-gst-400-8", "checkout", 0, 8_00],
    ["SG splits items at S$400 each (per-item test)", { destinationCountry: "SG", currency: "SGD", lines: [line({ unitPriceMinor: 300_00 }), line({ unitPriceMinor: 500_00 })] }, "sg-gst-400", "mixed", 0, 72_00],
    ["an unlisted country falls back to the default rule", { destinationCountry: "BR", currency: "USD" }, "default", "border", 0, 0],
    ["intra-EU shipments from the DE warehouse clear no customs", { shipFromCountry: "DE", destinationCountry: "FR", currency: "EUR" }, "domestic", "none", 0, 0],
  ] as const)("%s", (_label, overrides, ruleId, collectedAt, duty, tax) => {
    const result = estimateDuties(rules, buildDutyInput(overrides as Partial<DutyInput>));
    expect(result).toMatchObject({ ruleId, collectedAt, duty: { amount: duty }, tax: { amount: tax } });
  });

  it("converts the EU threshold through FX for a USD cart", () => {
    // €150 = $162 at the sample rate; $161 is under, $163 is over.
    const under = estimateDuties(rules, buildDutyInput({ destinationCountry: "NL", lines: [line({ unitPriceMinor: 161_00 })] }));
    const over = estimateDuties(rules, buildDutyInput({ destinationCountry: "NL", lines: [line({ unitPriceMinor: 163_00 })] }));
    expect([under.collectedAt, over.collectedAt]).toEqual(["checkout", "border"]);
  });

  it("prices the EU flat duty in cart currency", () => {
    const result = estimateDuties(rules, buildDutyInput({ destinationCountry: "DE", lines: [line({ unitPriceMinor: 50_00 })] }));
    expect(result.duty).toEqual({ amount: 3_24, currency: "USD" });
  });
});
