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

/** Carriers publish fees to three decimals (CNY tables: 6.395); any currency accepts at least that many. */
export const CARD_AMOUNT_DECIMALS = 3;

export function amountDecimals(exponent: number): number {
  return Math.max(exponent, CARD_AMOUNT_DECIMALS);
}

/**
 * Decimal text in major units → minor units, fractional below the currency's precision ("6.395" CNY → 639.5 fen);
 * null when malformed or more precise than three decimals (or the currency, when finer).
 */
export function parseAmountText(text: string, exponent: number): number | null {
  const match = DECIMAL.exec(text);
  if (!match || (match[2]?.length ?? 0) > amountDecimals(exponent)) return null;
  const minor = Number(shiftDecimal(text, exponent));
  return Number.isFinite(minor) && minor <= Number.MAX_SAFE_INTEGER ? minor : null;
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
