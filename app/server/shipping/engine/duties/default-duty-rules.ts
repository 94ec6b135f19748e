/**
 * Duty and tax rules by destination, from docs/reference supply-and-logistics B.3 (status 2026-11-22).
 * Thresholds and dates are sourced; ad-valorem duty percents are ESTIMATES (real duty depends on the
 * 10-digit HS code) — override them per HS prefix with contracted broker data.
 */
import { adValorem, treatment, type DutyRule } from "./duty-types";

/** EU standard VAT rates (verify before relying on them; reduced rates per product are not modelled). */
export const EU_VAT_PERCENT: Readonly<Record<string, number>> = {
  AT: 20, BE: 21, BG: 20, HR: 25, CY: 19, CZ: 21, DK: 25, EE: 24, FI: 25.5, FR: 20, DE: 19, GR: 24, HU: 27,
  IE: 23, IT: 22, LV: 21, LT: 21, LU: 17, MT: 18, NL: 21, PL: 23, PT: 23, RO: 21, SK: 23, SI: 22, ES: 21, SE: 25,
};
export const EU_COUNTRIES: readonly string[] = Object.keys(EU_VAT_PERCENT);

const US_MFN_ESTIMATE = 5; // placeholder average MFN
const US_301_CN_ESTIMATE = 25; // Section 301 lists 1–3; list 4A is 7.5
const EU_DUTY_ESTIMATE = 4;

const euBorder = treatment("border", 0, adValorem(EU_DUTY_ESTIMATE), { taxPercentByCountry: EU_VAT_PERCENT });
const eu = (id: string, label: string, from: string, to: string | null, low: DutyRule["low"]): DutyRule => ({
  id, label, countries: EU_COUNTRIES, effectiveFrom: from, effectiveTo: to, currency: "EUR",
  lowValueLimitMinor: 150_00, basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [], low, high: euBorder,
});

const usNoDeMinimis = (id: string, label: string, from: string, to: string | null, surcharge: number, cn: number): DutyRule => ({
  id, label, countries: ["US"], effectiveFrom: from, effectiveTo: to, currency: "USD", lowValueLimitMinor: null,
  basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [],
  low: treatment("checkout", 0, adValorem(US_MFN_ESTIMATE + surcharge, { CN: cn, HK: cn })),
  high: treatment("checkout", 0, adValorem(US_MFN_ESTIMATE + surcharge, { CN: cn, HK: cn })),
});

const CA_HST: Record<string, number> = { ON: 13, NS: 14, NB: 15, NL: 15, PE: 15 };

export const DEFAULT_DUTY_RULES: readonly DutyRule[] = [
  {
    id: "us-de-minimis-800", label: "US $800 de minimis", countries: ["US"], effectiveFrom: "2016-03-10",
    effectiveTo: "2025-08-29T04:01:00Z", currency: "USD", lowValueLimitMinor: 800_00, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], // CN/HK lost it on 2025-05-02: see the next row
    low: treatment("none", 0), high: treatment("border", 0, adValorem(US_MFN_ESTIMATE, { CN: US_301_CN_ESTIMATE })),
  },
  {
    id: "us-de-minimis-800-no-cn", label: "US $800 de minimis, none for CN/HK (EO 14256)", countries: ["US"],
    effectiveFrom: "2025-05-02T04:01:00Z", effectiveTo: "2025-08-29T04:01:00Z", currency: "USD", lowValueLimitMinor: 800_00,
    basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: ["CN", "HK"],
    low: treatment("none", 0), high: treatment("checkout", 0, adValorem(US_MFN_ESTIMATE, { CN: US_301_CN_ESTIMATE + 20, HK: US_301_CN_ESTIMATE + 20 })),
  },
  // IEEPA origin rates are UNVERIFIED estimates; the courts stopped IEEPA collection on 2026-02-24.
  usNoDeMinimis("us-no-de-minimis-ieepa", "US: no de minimis (EO 14324), IEEPA duty est.", "2025-08-29T04:01:00Z", "2026-02-24", 0, US_301_CN_ESTIMATE + 20),
  usNoDeMinimis("us-no-de-minimis-s122", "US: no de minimis, Section 122 10% surcharge", "2026-02-24", "2026-07-24", 10, US_301_CN_ESTIMATE),
  // Whether Section 122 was extended past 2026-07-24 is UNVERIFIED; this row assumes it expired.
  usNoDeMinimis("us-no-de-minimis", "US: no de minimis (19 CFR 10.151), duty est.", "2026-07-24", null, 0, US_301_CN_ESTIMATE),
  eu("eu-ioss-vat", "EU IOSS: VAT at checkout ≤ €150", "2021-07-01", "2026-07-01",
    treatment("checkout", 0, undefined, { taxPercentByCountry: EU_VAT_PERCENT })),
  eu("eu-ioss-vat-flat-duty", "EU IOSS: VAT at checkout + €3 per HS subheading ≤ €150", "2026-07-01", "2028-07-01",
    treatment("checkout", 0, { kind: "flat-per-subheading", amountMinor: 3_00 }, { taxPercentByCountry: EU_VAT_PERCENT })),
  eu("eu-ioss-vat-tariff", "EU IOSS: VAT at checkout + normal tariff ≤ €150", "2028-07-01", null,
    treatment("checkout", 0, adValorem(EU_DUTY_ESTIMATE), { taxPercentByCountry: EU_VAT_PERCENT })),
  {
    id: "gb-vat-135", label: "UK: 20% VAT at checkout ≤ £135", countries: ["GB"], effectiveFrom: "2021-01-01", effectiveTo: null,
    currency: "GBP", lowValueLimitMinor: 135_00, basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [],
    low: treatment("checkout", 20), high: treatment("border", 20, adValorem(4)),
  },
  {
    id: "au-gst-1000", label: "Australia: 10% GST at checkout ≤ A$1,000", countries: ["AU"], effectiveFrom: "2018-07-01",
    effectiveTo: null, currency: "AUD", lowValueLimitMinor: 1000_00, basis: "consignment", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 10), high: treatment("border", 10, adValorem(5)),
  },
  {
    id: "ca-c20", label: "Canada: duty- and tax-free ≤ C$20 (post / non-CUSMA courier)", countries: ["CA"],
    effectiveFrom: "2020-07-01", effectiveTo: null, currency: "CAD", lowValueLimitMinor: 20_00, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [],
    low: treatment("none", 0), high: treatment("border", 5, adValorem(8), { taxPercentByProvince: CA_HST }),
  },
  {
    id: "jp-10000", label: "Japan: exempt ≤ ¥10,000 taxable value (60% of price)", countries: ["JP"],
    effectiveFrom: "2010-01-01", effectiveTo: "2028-04-01", currency: "JPY", lowValueLimitMinor: 10_000, basis: "consignment",
    valueFactor: 0.6, lowValueExcludedOrigins: [], low: treatment("none", 0), high: treatment("border", 10, adValorem(5)),
  },
  {
    id: "jp-jct-2028", label: "Japan: consumption tax at checkout (FY2026 reform)", countries: ["JP"],
    effectiveFrom: "2028-04-01", effectiveTo: null, currency: "JPY", lowValueLimitMinor: null, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], low: treatment("checkout", 10), high: treatment("checkout", 10),
  },
  {
    id: "sg-gst-400-8", label: "Singapore: 8% GST at checkout per item ≤ S$400", countries: ["SG"], effectiveFrom: "2023-01-01",
    effectiveTo: "2024-01-01", currency: "SGD", lowValueLimitMinor: 400_00, basis: "per-item", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 8), high: treatment("border", 8),
  },
  {
    id: "sg-gst-400", label: "Singapore: 9% GST at checkout per item ≤ S$400", countries: ["SG"], effectiveFrom: "2024-01-01",
    effectiveTo: null, currency: "SGD", lowValueLimitMinor: 400_00, basis: "per-item", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 9), high: treatment("border", 9),
  },
  {
    id: "default", label: "No rule for destination: duties and taxes, if any, due on delivery", countries: ["*"],
    effectiveFrom: "1970-01-01", effectiveTo: null, currency: "USD", lowValueLimitMinor: null, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], low: treatment("border", 0), high: treatment("border", 0),
  },
];
