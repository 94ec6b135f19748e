// Address pre-flight for cross-border parcels. Pure: no I/O, no logging (everything here is PII).
import type { ShippingAddress } from "../../suppliers/supplier-order-models";
import type { NoteMessage } from "../notes.server";

export interface DestinationInput {
  firstName?: string | null;
  lastName?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** `message` is a `notes:` catalog message: Shopify shows it to the shop's staff, in their language (notes.server.ts). */
export type AddressProblem = { reason: "INCORRECT_ADDRESS" | "INVALID_CONTACT_INFORMATION" | "UNDELIVERABLE_DESTINATION"; message: NoteMessage };

// Postal-code formats for the destinations Chinese lines serve most; others only need a non-empty code
// when listed in ZIP_REQUIRED. Formats from each post's published scheme.
const ZIP_FORMATS: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/, CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/, FR: /^\d{5}$/, IT: /^\d{5}$/, ES: /^\d{5}$/, NL: /^\d{4} ?[A-Z]{2}$/i, BE: /^\d{4}$/, AT: /^\d{4}$/,
  CH: /^\d{4}$/, PL: /^\d{2}-\d{3}$/, SE: /^\d{3} ?\d{2}$/, AU: /^\d{4}$/, NZ: /^\d{4}$/, JP: /^\d{3}-?\d{4}$/,
  KR: /^\d{5}$/, BR: /^\d{5}-?\d{3}$/, MX: /^\d{5}$/, CN: /^\d{6}$/, SG: /^\d{6}$/, IN: /^\d{6}$/, IE: /^[A-Z\d]{3} ?[A-Z\d]{4}$/i,
};
// Couriers on these destinations refuse parcels without a recipient phone (customs and last-mile calls).
const PHONE_REQUIRED = new Set(["BR", "MX", "CL", "KR", "JP", "SA", "AE", "CN", "IN", "IL", "TR"]);
// Destinations no line we sell ships to (sanctions, suspended postal exchange).
const UNSERVED = new Set(["KP", "IR", "SY", "CU", "RU", "BY"]);

const LIGATURES: Record<string, string> = { ß: "ss", Æ: "AE", æ: "ae", Ø: "O", ø: "o", Ł: "L", ł: "l", Đ: "D", đ: "d", Œ: "OE", œ: "oe", Þ: "Th", þ: "th" };

/** Latin letters for a label printer: diacritics dropped, ligatures spelled out; null when a script is not Latin. */
export function toLatin(text: string): string | null {
  const stripped = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ßÆæØøŁłĐđŒœÞþ]/g, (c) => LIGATURES[c] ?? c);
  return /^[\x20-\x7E]*$/.test(stripped) ? stripped : null;
}

/**
 * Checks a destination and returns the address to send the supplier, transliterated to Latin when the
 * supplier needs it. Messages tell the merchant what to edit on the Shopify order.
 */
export function checkAddress(d: DestinationInput, opts: { latinOnly: boolean }): { ok: true; address: ShippingAddress } | { ok: false; problem: AddressProblem } {
  const country = (d.countryCode ?? "").toUpperCase();
  const bad = (reason: AddressProblem["reason"], key: NoteMessage["key"], values?: NoteMessage["values"]) =>
    ({ ok: false as const, problem: { reason, message: values ? { key, values } : { key } } });
  if (!/^[A-Z]{2}$/.test(country)) return bad("INCORRECT_ADDRESS", "notes:reject.noCountry");
  if (UNSERVED.has(country)) return bad("UNDELIVERABLE_DESTINATION", "notes:reject.undeliverable", { country });
  const name = [d.firstName, d.lastName].filter(Boolean).join(" ").trim();
  // Field codes, named in the reader's language (`addressFields` in i18n/message-values.ts).
  const missing = [["name", name], ["address1", d.address1], ["city", d.city]].filter(([, v]) => !v?.trim()).map(([k]) => k!);
  const zip = (d.zip ?? "").trim();
  const format = ZIP_FORMATS[country];
  if (format && !zip) missing.push("zip");
  if (missing.length) return bad("INCORRECT_ADDRESS", "notes:reject.addressMissing", { addressFields: missing.join(",") });
  if (format && !format.test(zip)) return bad("INCORRECT_ADDRESS", "notes:reject.postalCode", { country });
  const phone = (d.phone ?? "").replace(/[\s().-]/g, "");
  if (PHONE_REQUIRED.has(country) && !/^\+?\d{6,15}$/.test(phone)) {
    return bad("INVALID_CONTACT_INFORMATION", "notes:reject.phoneRequired", { country });
  }
  const fields = { name, address1: d.address1!.trim(), address2: d.address2?.trim() || undefined, city: d.city!.trim(), province: d.province?.trim() || undefined };
  const printable: Record<string, string | undefined> = { ...fields };
  if (opts.latinOnly && country !== "CN") {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const latin = toLatin(value);
      if (latin === null) {
        return bad("INCORRECT_ADDRESS", "notes:reject.notLatin");
      }
      printable[key] = latin;
    }
  }
  return {
    ok: true,
    address: {
      name: printable.name!, address1: printable.address1!, address2: printable.address2, city: printable.city!, province: printable.province,
      // No buyer email: CJ's is optional and JD's takes a fixed value (/work/shared/reference/supplier-contracts,
      // cj-contract.json optional_fields, jd-contract.json "可固值xx"), so it never reaches a supplier or our rows.
      zip: zip || undefined, countryCode: country, phone: phone || "",
    },
  };
}
