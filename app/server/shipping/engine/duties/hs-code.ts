/**
 * Is a product's HS code good enough for customs? The HS is identical worldwide to 6 digits; EU low-value duty and
 * fees count distinct 6-digit lines, and US postal entries need 10-digit HTS from 2026-07-24 (supply-and-logistics.md
 * B.3, B.5). A 4-digit heading cannot be placed in a subheading, so it is flagged like a missing code.
 */
export type HsCodeLevel = "ok" | "missing" | "heading-only" | "invalid";

export interface HsCodeCheck {
  readonly level: HsCodeLevel;
  readonly digits: string; // the code's digits, dots and spaces removed
  readonly message: string | null; // null when the code is fine
}

export function checkHsCode(code: string | null | undefined): HsCodeCheck {
  const digits = (code ?? "").replace(/[\s.]/g, "");
  if (digits === "") {
    return { level: "missing", digits, message: "No HS code: EU customs counts every line without one as its own €3 line, and parcels may be held. Add a 6-digit (or longer) code." };
  }
  if (!/^\d+$/.test(digits) || digits.length > 13 || digits.length < 4 || digits.length === 5) {
    return { level: "invalid", digits, message: `"${code}" is not an HS code (6 to 13 digits).` };
  }
  if (digits.length === 4) {
    return { level: "heading-only", digits, message: `HS ${digits} is only a 4-digit heading: customs needs the 6-digit subheading (the EU €3 duty counts those lines).` };
  }
  return { level: "ok", digits, message: null };
}
