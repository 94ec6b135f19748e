/** Exact decimal-string shifting, so "71.514" CNY/kg becomes 7151.4 fen/kg without float error. */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Moves the decimal point `places` to the right (negative = left) on a plain non-negative decimal. */
export function shiftDecimal(text: string, places: number): string {
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`"${text}" is not a plain decimal`);
  const digits = match[1]! + (match[2] ?? "");
  let point = match[1]!.length + places;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, "0");
  if (point < 1) [padded, point] = ["0".repeat(1 - point) + padded, 1];
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, "");
  const fraction = padded.slice(point).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

export function isPlainDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** Decimal text in major units → minor units; null when malformed or more precise than the currency. */
export function parseAmountText(text: string, exponent: number): number | null {
  const match = DECIMAL.exec(text);
  if (!match || (match[2]?.length ?? 0) > exponent) return null;
  const minor = Number(shiftDecimal(text, exponent));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Decimal text per kg in major units → fractional minor units per kg. */
export function parseRateText(text: string, exponent: number): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(shiftDecimal(text, exponent));
  return Number.isFinite(value) ? value : null;
}

export function formatMinorText(minor: number, exponent: number): string {
  const plain = minor.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return shiftDecimal(plain, -exponent);
}
