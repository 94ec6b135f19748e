/**
 * Duty and tax rules by lane, from docs/reference supply-and-logistics.md B.3 (status 2026-11-22) and
 * platform-and-peers-2026.md §2.2–2.3. Thresholds, dates and flat amounts are sourced (each row's `source`);
 * fallback ad-valorem percents are ESTIMATES (real duty depends on the 10-digit HS code) and are flagged as such.
 * Published per-HS rates live in the schedules below; merchants override per product (SKU) or HS prefix.
 */
import { adValorem, treatment, type DutyRule } from "./duty-types";

/** EU standard VAT rates (verify before relying on them; reduced rates per product are not modelled). */
export const EU_VAT_PERCENT: Readonly<Record<string, number>> = {
  AT: 20, BE: 21, BG: 20, HR: 25, CY: 19, CZ: 21, DK: 25, EE: 24, FI: 25.5, FR: 20, DE: 19, GR: 24, HU: 27,
  IE: 23, IT: 22, LV: 21, LT: 21, LU: 17, MT: 18, NL: 21, PL: 23, PT: 23, RO: 21, SK: 23, SI: 22, ES: 21, SE: 25,
};
export const EU_COUNTRIES: readonly string[] = Object.keys(EU_VAT_PERCENT);

const US_MFN_ESTIMATE = 5; // placeholder average MFN (estimate)
const US_301_CN_ESTIMATE = 25; // Section 301 lists 1–3; list 4A is 7.5 (estimate when the HS line is unknown)
const EU_DUTY_ESTIMATE = 4;

/**
 * Published rates by HS prefix. US: HTS 6109.10.00 (cotton T-shirts, knitted) general rate 16.5 %, and from China
 * Section 301 list 4A +7.5 % (9903.88.15). Source: https://hts.usitc.gov (mirrored at
 * https://htshub.com/us-hs/chapter/61-27 and https://portoria.app/hts/6109100012). HTS 9503.00.00 (toys) general
 * rate Free (https://htshub.com/us-hs/detail/95030000); its China add-on differs between mirrors, so it stays an estimate.
 */
const US_SCHEDULE = { "610910": 16.5, "950300": 0 };
const US_SCHEDULE_BY_ORIGIN = { "610910": { CN: 7.5 } };
/** EU TARIC 6105 10 00 (men's or boys' cotton shirts, knitted): third-country duty 12 %. Source: DG TAXUD TARIC via https://taric-check.com/browse/6105100000 */
const EU_SCHEDULE = { "610510": 12 };

const B3 = "docs/reference/supply-and-logistics.md B.3";
const SRC = {
  usDeMinimis: `${B3}; https://www.beneschlaw.com/resources/customs-de-minimis-ending-in-2027-big-beautiful-bill-impact-analysis-for-supply-chains.html`,
  eo14324: `${B3}; EO 14324, https://www.thompsonhinesmartrade.com/?p=8490 ; CBP CSMS #65934463`,
  s122: `${B3}; CSMS #67845486 https://content.govdelivery.com/accounts/USDHSCBP/bulletins/40b3d6e`,
  cfr: `${B3}; 19 CFR 10.151/145.31, 91 FR 37789 and 91 FR 37801 (effective 2026-07-24)`,
  euIoss: `${B3}; https://www.whistl.co.uk/parcels/import-one-stop-shop`,
  euFlat: `${B3}; Council agreement 2025-12-12, https://regfollower.com/?p=78434 ; Commission guidance 2026-06-02 (platform-and-peers-2026.md §2.3)`,
  uk: `${B3}; https://www.gov.uk/government/publications/changes-to-vat-treatment-of-overseas-goods-sold-to-customers-from-1-january-2021`,
  au: `${B3}; https://archive.homeaffairs.gov.au/busi/cargo-support-trade-and-goods/importing-goods/duty-rates-and-taxes/low-`,
  caCusma: `${B3}; CBSA https://cbsa-asfc.gc.ca/services/cusma-aceum/lvs-efv-eng.html ; https://cbsa-asfc.gc.ca/publications/cn-ad/cn20-18-eng.html`,
  jp: `${B3}; https://skadvisory.jp/en/japan-platform-taxation`,
  sg: `${B3}; http://iras.gov.sg/taxes/goods-services-tax-(gst)/gst-and-digital-economy/gst-on-imports-of-low-value-goods`,
};

const euHigh = treatment("border", 0, adValorem(EU_DUTY_ESTIMATE, {}, EU_SCHEDULE), { taxPercentByCountry: EU_VAT_PERCENT });
// Without IOSS the buyer pays import VAT to the carrier at the border (published since 2021-07-01).
const euBorderVat = (duty = treatment("border", 0).duty, estimate = false) => treatment("border", 0, duty, { taxPercentByCountry: EU_VAT_PERCENT, estimate });
const eu = (id: string, label: string, from: string, to: string | null, low: DutyRule["low"], lowUnregistered: DutyRule["low"], source: string, estimate = false): DutyRule => ({
  id, label, countries: EU_COUNTRIES, effectiveFrom: from, effectiveTo: to, currency: "EUR",
  lowValueLimitMinor: 150_00, basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [], low, high: euHigh,
  registration: "ioss", lowUnregistered, source, estimate,
});

const usDuty = (surcharge: number, cn: number) => adValorem(US_MFN_ESTIMATE, { CN: cn, HK: cn }, US_SCHEDULE, { extraByOriginHs: US_SCHEDULE_BY_ORIGIN, surchargePercent: surcharge });
const usNoDeMinimis = (id: string, label: string, from: string, to: string | null, surcharge: number, cn: number, source: string, estimate: boolean): DutyRule => ({
  id, label, countries: ["US"], effectiveFrom: from, effectiveTo: to, currency: "USD", lowValueLimitMinor: null,
  basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [],
  low: treatment("checkout", 0, usDuty(surcharge, cn)), high: treatment("checkout", 0, usDuty(surcharge, cn)), source, estimate,
});

/** EO 14324 postal option: a specific duty per postal item by the origin's IEEPA rate: $80 (<16 %), $160 (16–25 %), $200 (>25 %). */
const usPostal = (id: string, label: string, from: string, to: string, cn: number): DutyRule => ({
  id, label, countries: ["US"], effectiveFrom: from, effectiveTo: to, currency: "USD", lowValueLimitMinor: null, basis: "consignment",
  valueFactor: 1, lowValueExcludedOrigins: [], transport: ["postal"],
  low: treatment("checkout", 0, { kind: "per-parcel-by-origin", byOrigin: { CN: cn, HK: cn }, otherMinor: 80_00 }),
  high: treatment("checkout", 0, { kind: "per-parcel-by-origin", byOrigin: { CN: cn, HK: cn }, otherMinor: 80_00 }),
  // The $80/$160/$200 amounts are published; which tier an origin fell in, and whether the carrier chose this option
  // rather than ad valorem that month, are not: estimate.
  source: SRC.eo14324, estimate: true, // caveat rules:note.<id>: tiers per origin unverified
});

const CA_HST: Record<string, number> = { ON: 13, NS: 14, NB: 15, NL: 15, PE: 15 };
const caBorder = (duty = treatment("border", 5).duty) => treatment("border", 5, duty, { taxPercentByProvince: CA_HST });

export const DEFAULT_DUTY_RULES: readonly DutyRule[] = [
  {
    id: "us-de-minimis-800", label: "US $800 de minimis", countries: ["US"], effectiveFrom: "2016-03-10",
    effectiveTo: "2025-08-29T04:01:00Z", currency: "USD", lowValueLimitMinor: 800_00, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], // CN/HK lost it on 2025-05-02: see the next row
    low: treatment("none", 0), high: treatment("border", 0, adValorem(US_MFN_ESTIMATE, { CN: US_301_CN_ESTIMATE }, US_SCHEDULE, { extraByOriginHs: US_SCHEDULE_BY_ORIGIN })),
    source: SRC.usDeMinimis, estimate: false,
  },
  {
    id: "us-de-minimis-800-no-cn", label: "US $800 de minimis, none for CN/HK (EO 14256)", countries: ["US"],
    effectiveFrom: "2025-05-02T04:01:00Z", effectiveTo: "2025-08-29T04:01:00Z", currency: "USD", lowValueLimitMinor: 800_00,
    basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: ["CN", "HK"],
    low: treatment("none", 0), high: treatment("checkout", 0, adValorem(US_MFN_ESTIMATE, { CN: US_301_CN_ESTIMATE + 20, HK: US_301_CN_ESTIMATE + 20 }, US_SCHEDULE)),
    source: `${B3}; EO 14256`, estimate: true, // the IEEPA add-on for CN in this window is an estimate
  },
  // Postal parcels: the specific-duty option, until IEEPA collection stopped (2026-02-24). CN tier: 30 % IEEPA → $200,
  // then 20 % after the fentanyl rate cut of 2025-11-10 → $160 (both UNVERIFIED, hence estimate).
  usPostal("us-postal-specific-ieepa-30", "US postal: specific duty per item (EO 14324 option)", "2025-08-29T04:01:00Z", "2025-11-10T05:01:00Z", 200_00),
  usPostal("us-postal-specific-ieepa-20", "US postal: specific duty per item (EO 14324 option)", "2025-11-10T05:01:00Z", "2026-02-24", 160_00),
  // IEEPA origin rates are UNVERIFIED estimates; the courts stopped IEEPA collection on 2026-02-24.
  usNoDeMinimis("us-no-de-minimis-ieepa", "US: no de minimis (EO 14324), IEEPA duty est.", "2025-08-29T04:01:00Z", "2026-02-24", 0, US_301_CN_ESTIMATE + 20, SRC.eo14324, true),
  // Postal duty in this window equals the Section 122 rate (CSMS #67845486): the same ad-valorem row covers both modes.
  usNoDeMinimis("us-no-de-minimis-s122", "US: no de minimis, Section 122 10% surcharge", "2026-02-24", "2026-07-24", 10, US_301_CN_ESTIMATE, SRC.s122, false),
  // Whether Section 122 was extended past 2026-07-24 is UNVERIFIED; this row assumes it expired.
  usNoDeMinimis("us-no-de-minimis", "US: no de minimis (19 CFR 10.151), duty est.", "2026-07-24", null, 0, US_301_CN_ESTIMATE, SRC.cfr, false),
  eu("eu-ioss-vat", "EU IOSS: VAT at checkout ≤ €150", "2021-07-01", "2026-07-01",
    treatment("checkout", 0, undefined, { taxPercentByCountry: EU_VAT_PERCENT }), euBorderVat(), SRC.euIoss),
  eu("eu-ioss-vat-flat-duty", "EU IOSS: VAT at checkout + €3 per HS subheading ≤ €150", "2026-07-01", "2028-07-01",
    treatment("checkout", 0, { kind: "flat-per-subheading", amountMinor: 3_00 }, { taxPercentByCountry: EU_VAT_PERCENT }),
    // The flat duty is defined for IOSS flows; how a non-IOSS low-value parcel is dutied is not settled in our sources.
    euBorderVat({ kind: "flat-per-subheading", amountMinor: 3_00 }, true), SRC.euFlat),
  eu("eu-ioss-vat-tariff", "EU IOSS: VAT at checkout + normal tariff ≤ €150", "2028-07-01", null,
    treatment("checkout", 0, adValorem(EU_DUTY_ESTIMATE, {}, EU_SCHEDULE), { taxPercentByCountry: EU_VAT_PERCENT }),
    euBorderVat(adValorem(EU_DUTY_ESTIMATE, {}, EU_SCHEDULE)), SRC.euFlat, true), // caveat rules:note.eu-ioss-vat-tariff: the interim ends 2028-07-01, extendable
  {
    id: "gb-vat-135", label: "UK: 20% VAT at checkout ≤ £135", countries: ["GB"], effectiveFrom: "2021-01-01", effectiveTo: null,
    currency: "GBP", lowValueLimitMinor: 135_00, basis: "consignment", valueFactor: 1, lowValueExcludedOrigins: [],
    low: treatment("checkout", 20), high: treatment("border", 20, adValorem(4)),
    // A seller without UK VAT registration may not sell ≤ £135 B2C lawfully; carriers then collect VAT at the door (estimate).
    registration: "ukVat", lowUnregistered: treatment("border", 20, undefined, { estimate: true }), source: SRC.uk, estimate: false,
  },
  {
    id: "au-gst-1000", label: "Australia: 10% GST at checkout ≤ A$1,000", countries: ["AU"], effectiveFrom: "2018-07-01",
    effectiveTo: null, currency: "AUD", lowValueLimitMinor: 1000_00, basis: "consignment", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 10), high: treatment("border", 10, adValorem(5)),
    // Vendors under the A$75,000 registration turnover collect no GST, and none is collected at the border ≤ A$1,000.
    registration: "auGst", lowUnregistered: treatment("none", 0), source: SRC.au, estimate: false,
  },
  {
    // CUSMA: courier parcels shipped from the US or Mexico (place of direct shipment, not origin).
    id: "ca-cusma-courier", label: "Canada CUSMA courier: free ≤ C$40, taxes only ≤ C$150", countries: ["CA"],
    effectiveFrom: "2020-07-01", effectiveTo: null, currency: "CAD", lowValueLimitMinor: 40_00, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], shipFrom: ["US", "MX"], transport: ["courier"],
    low: treatment("none", 0), middle: { limitMinor: 150_00, treatment: caBorder() }, high: caBorder(adValorem(8)),
    source: SRC.caCusma, estimate: false,
  },
  {
    id: "ca-c20", label: "Canada: duty- and tax-free ≤ C$20 (post / non-CUSMA courier)", countries: ["CA"],
    effectiveFrom: "2020-07-01", effectiveTo: null, currency: "CAD", lowValueLimitMinor: 20_00, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [],
    low: treatment("none", 0), high: caBorder(adValorem(8)), source: SRC.caCusma, estimate: false,
  },
  {
    id: "jp-10000", label: "Japan: exempt ≤ ¥10,000 taxable value (60% of price)", countries: ["JP"],
    effectiveFrom: "2010-01-01", effectiveTo: "2028-04-01", currency: "JPY", lowValueLimitMinor: 10_000, basis: "consignment",
    valueFactor: 0.6, lowValueExcludedOrigins: [], low: treatment("none", 0), high: treatment("border", 10, adValorem(5)),
    source: `${SRC.jp}; https://en.link-trans.com/japan-to-end-duty-free-era-for-cross-border-e-commerce-in-2026`, estimate: false, // rules:note.jp-10000: the 60% rule
  },
  {
    id: "jp-jct-2028", label: "Japan: consumption tax at checkout (FY2026 reform)", countries: ["JP"],
    effectiveFrom: "2028-04-01", effectiveTo: null, currency: "JPY", lowValueLimitMinor: null, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], low: treatment("checkout", 10), high: treatment("checkout", 10),
    source: SRC.jp, estimate: false,
  },
  {
    id: "sg-gst-400-8", label: "Singapore: 8% GST at checkout per item ≤ S$400", countries: ["SG"], effectiveFrom: "2023-01-01",
    effectiveTo: "2024-01-01", currency: "SGD", lowValueLimitMinor: 400_00, basis: "per-item", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 8), high: treatment("border", 8), source: SRC.sg, estimate: false,
  },
  {
    id: "sg-gst-400", label: "Singapore: 9% GST at checkout per item ≤ S$400", countries: ["SG"], effectiveFrom: "2024-01-01",
    effectiveTo: null, currency: "SGD", lowValueLimitMinor: 400_00, basis: "per-item", valueFactor: 1,
    lowValueExcludedOrigins: [], low: treatment("checkout", 9), high: treatment("border", 9), source: SRC.sg, estimate: false,
  },
  {
    id: "default", label: "No rule for destination: duties and taxes, if any, due on delivery", countries: ["*"],
    effectiveFrom: "1970-01-01", effectiveTo: null, currency: "USD", lowValueLimitMinor: null, basis: "consignment",
    valueFactor: 1, lowValueExcludedOrigins: [], low: treatment("border", 0), high: treatment("border", 0),
    source: B3, estimate: true, // rules:note.default: no published rule modelled for this destination
  },
];
