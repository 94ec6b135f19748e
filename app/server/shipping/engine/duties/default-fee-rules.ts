/**
 * Import handling fees on low-value parcels, by country and date (platform-and-peers-2026.md §2.3; supply-and-logistics.md B.3).
 * Sources disagree on some details (Italy: 2026-01-01 in B.3, postponed to 2026-07-01 in §2.3; France: "per item" vs
 * "per line"): those rows are flagged as estimates. The EU-wide €2 per line is expected, not adopted: estimate.
 * Sources are citations only; each caveat (3rd-party source, disagreement, postponement) is the catalog message
 * `rules:note.<id>`, shown in the merchant's language (rule-catalog.ts).
 */
import type { FeeRule } from "./duty-types";
import { EU_COUNTRIES } from "./default-duty-rules";

const EU_LOW_VALUE = { maxConsignmentMinor: 150_00, maxConsignmentCurrency: "EUR" } as const;

export const DEFAULT_FEE_RULES: readonly FeeRule[] = [
  {
    id: "ro-parcel-fee", label: "Romania handling fee, 25 RON per non-EU parcel", countries: ["RO"], effectiveFrom: "2026-01-01",
    effectiveTo: null, currency: "RON", per: "parcel", amountMinor: 25_00, ...EU_LOW_VALUE,
    source: "https://www.businessforum.ro/economy/20260121/romania-leads-eu-with-eur5-handling-fee-on-non-eu-parcels-2769/amp; platform-and-peers-2026.md §2.3", // rules:note: 3rd-party
    estimate: false,
  },
  {
    id: "fr-line-fee", label: "France handling fee, €2 per customs line", countries: ["FR"], effectiveFrom: "2026-03-01",
    effectiveTo: null, currency: "EUR", per: "hs6-line", amountMinor: 2_00, ...EU_LOW_VALUE,
    source: "https://passportglobal.com/blog/eu-uk-customs-developments/", // rules:note: 3rd-party; B.3 says per item, §2.3 per line
    estimate: true,
  },
  {
    id: "it-parcel-fee", label: "Italy handling fee, €2 per consignment", countries: ["IT"], effectiveFrom: "2026-07-01",
    effectiveTo: null, currency: "EUR", per: "parcel", amountMinor: 2_00, ...EU_LOW_VALUE,
    source: "https://flavorcloud.com/eu-import-fees-2026-hidden-cost-map/", // rules:note: 3rd-party; postponed from 2026-01-01
    estimate: true,
  },
  {
    id: "eu-line-fee-expected", label: "EU handling fee, €2 per customs line (expected)", countries: EU_COUNTRIES, effectiveFrom: "2026-11-01",
    effectiveTo: null, currency: "EUR", per: "hs6-line", amountMinor: 2_00, ...EU_LOW_VALUE,
    source: "https://passportglobal.com/blog/eu-uk-customs-developments/", // rules:note: expected by 2026-11-01; not adopted in our sources
    estimate: true,
  },
];
