// GTIN (EAN/UPC) check digits, for barcodes suppliers give and merchants type. Pure.

/** GS1 check digit (mod 10, weights 3 and 1 from the right) — GS1 General Specifications §7.9. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** A supplier's barcode is kept only when it is a valid GTIN; a malformed one would fail Shopify's or customs' checks. */
export function supplierGtin(text: string | null | undefined): string | null {
  const code = (text ?? "").replace(/\s/g, "");
  return isValidGtin(code) ? code : null;
}

