// Customs and product-safety data for one product: parsing the merchant's entries and deciding what an EU parcel
// still lacks. Pure (no I/O).
//
// What the EU needs, and from where:
// - HS code: the €3 duty counts distinct 6-digit subheadings (Regulation (EU) 2026/382; supply-and-logistics.md B.3),
//   and the H7 low-value import dataset carries a 6-digit commodity code per item.
// - Country of origin: part of the customs declaration (H7 data element "country of origin").
// - GPSR responsible person: Regulation (EU) 2023/988 Art. 4 — a product may only be placed on the EU market when an
//   economic operator established in the Union (the "responsible person") is named; Art. 19 requires distance sales to
//   show it with the manufacturer and warnings (platform-and-peers-2026.md §2.3).
// Shopify fields: InventoryItemInput.harmonizedSystemCode (6–13 digits) and countryCodeOfOrigin (CountryCode enum),
// ProductVariantSetInput.barcode (vendored Admin 2026-10 schema); GPSR text has no Shopify field, so it goes to
// product metafields (product-set-input.ts).
import { englishText } from "../../../i18n/english";
import { message, type Message } from "../../../i18n/message";
import { ORIGIN_COUNTRY_CODES } from "./country-codes";
import { isValidGtin } from "../../suppliers/gtin";

export { isValidGtin, supplierGtin } from "../../suppliers/gtin";
import { EU_COUNTRIES } from "../../shipping/engine/duties/default-duty-rules";

export interface ComplianceData {
  hsCode: string | null;
  originCountry: string | null;
  customsDescription: string | null;
  gpsrManufacturer: string | null;
  gpsrResponsiblePerson: string | null;
  gpsrSafetyInfo: string | null;
}

export const EMPTY_COMPLIANCE: ComplianceData = {
  hsCode: null, originCountry: null, customsDescription: null, gpsrManufacturer: null, gpsrResponsiblePerson: null, gpsrSafetyInfo: null,
};

/** A refused entry; `i18n` is the reason as a catalog message the page shows in the merchant's language. */
export class ComplianceInputError extends Error {
  override name = "ComplianceInputError";
  constructor(readonly field: keyof ComplianceData | "barcode", readonly i18n: Message) {
    super(englishText(i18n));
  }
}

/** "8507.60.0020" → "8507600020"; blank → null; anything but 6–10 digits is refused. */
export function parseHsCode(text: string | null | undefined): string | null {
  const digits = (text ?? "").replace(/[\s.\-]/g, "");
  if (!digits) return null;
  if (!/^\d{6,10}$/.test(digits)) throw new ComplianceInputError("hsCode", message("import-item:errors.hsCode"));
  return digits;
}

/** "cn" → "CN"; blank → null; only codes Shopify accepts as an origin. */
export function parseOriginCountry(text: string | null | undefined): string | null {
  const code = (text ?? "").trim().toUpperCase();
  if (!code) return null;
  if (!ORIGIN_COUNTRY_CODES.has(code)) throw new ComplianceInputError("originCountry", message("import-item:errors.originCountry", { code }));
  return code;
}

/** The merchant's barcode: blank → null; digits-only entries must be a valid GTIN-8/12/13/14. */
export function parseBarcode(text: string | null | undefined): string | null {
  const code = (text ?? "").replace(/\s/g, "");
  if (!code) return null;
  if (code.length > 255) throw new ComplianceInputError("barcode", message("import-item:errors.barcodeLength"));
  // Only GTIN-shaped entries are checked: a store's own non-GS1 codes stay allowed, as in Shopify's barcode field.
  if (/^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length) && !isValidGtin(code)) {
    throw new ComplianceInputError("barcode", message("import-item:errors.barcodeCheckDigit", { code }));
  }
  return code;
}

const text = (value: string | null | undefined, max: number): string | null => {
  const trimmed = (value ?? "").trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

/** Parses the merchant's form entries; throws ComplianceInputError naming the first bad field. */
export function parseComplianceInput(input: Partial<Record<keyof ComplianceData, string | null>>): ComplianceData {
  return {
    hsCode: parseHsCode(input.hsCode),
    originCountry: parseOriginCountry(input.originCountry),
    customsDescription: text(input.customsDescription, 255),
    gpsrManufacturer: text(input.gpsrManufacturer, 1000),
    gpsrResponsiblePerson: text(input.gpsrResponsiblePerson, 1000),
    gpsrSafetyInfo: text(input.gpsrSafetyInfo, 5000),
  };
}

export type ComplianceGap = "hsCode" | "originCountry" | "gpsrResponsiblePerson";

export const GAP_LABEL: Record<ComplianceGap, string> = {
  hsCode: "HS code (at least 6 digits)",
  originCountry: "country of origin",
  gpsrResponsiblePerson: "EU responsible person (GPSR)",
};

const EU = new Set(EU_COUNTRIES);
export const isEuDestination = (country: string | null | undefined) => EU.has((country ?? "").toUpperCase());

/** What an EU parcel needs that this product lacks; empty when it may ship (or when the destination is not in the EU). */
export function euCustomsGaps(destinationCountry: string | null | undefined, data: Pick<ComplianceData, ComplianceGap>): ComplianceGap[] {
  if (!isEuDestination(destinationCountry)) return [];
  const gaps: ComplianceGap[] = [];
  if (!data.hsCode || !/^\d{6,}$/.test(data.hsCode)) gaps.push("hsCode");
  if (!data.originCountry) gaps.push("originCountry");
  if (!data.gpsrResponsiblePerson?.trim()) gaps.push("gpsrResponsiblePerson");
  return gaps;
}

/** Fields the import list flags for the merchant (required for EU sales), in the order the form shows them. */
export function missingForEu(data: Pick<ComplianceData, ComplianceGap>): ComplianceGap[] {
  return euCustomsGaps("DE", data);
}
