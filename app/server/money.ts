/**
 * Money is an integer amount of minor units plus an ISO 4217 currency.
 * Conversion to and from decimal strings happens only at the edges (Shopify, suppliers, UI).
 */
export type CurrencyCode = string;

export interface Money {
  readonly amount: number; // integer minor units
  readonly currency: CurrencyCode;
}

// ISO 4217 minor-unit exponents that differ from 2; everything else has 2.
const EXPONENT_OVERRIDES: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0, HUF: 2, TWD: 2,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export function currencyExponent(currency: CurrencyCode): number {
  // Codes arrive upper-case nearly always (every quoted amount asks): skip the case fold for them.
  return EXPONENT_OVERRIDES[currency] ?? EXPONENT_OVERRIDES[currency.toUpperCase()] ?? 2;
}

export class MoneyError extends Error {
  override name = "MoneyError";
}

// Codes already found well-formed: the rate engine builds dozens of amounts per quote in a handful of currencies, and
// the check's regex showed in its profile. Bounded by the 17,576 three-letter codes.
const wellFormedCurrencies = new Set<string>();
const CURRENCY_CODE = /^[A-Z]{3}$/;

export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`Money amount must be an integer of minor units, got ${amount}`);
  if (!wellFormedCurrencies.has(currency)) {
    if (typeof currency !== "string" || !CURRENCY_CODE.test(currency)) throw new MoneyError(`Invalid currency code "${currency}"`);
    wellFormedCurrencies.add(currency);
  }
  return { amount, currency };
}

/** Parses a decimal string such as "19.99" (Shopify and supplier APIs) into minor units, exactly. */
export function parseDecimal(value: string | number, currency: CurrencyCode): Money {
  const text = typeof value === "number" ? value.toString() : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`"${text}" is not a decimal amount`);
  const [, sign, whole = "0", fraction = ""] = match;
  const exp = currencyExponent(currency);
  const kept = fraction.slice(0, exp).padEnd(exp, "0");
  const dropped = fraction.slice(exp);
  let minor = BigInt(whole) * 10n ** BigInt(exp) + BigInt(kept || "0");
  // Round half away from zero on any digits beyond the currency's precision.
  if (dropped.length > 0 && Number(dropped[0]) >= 5) minor += 1n;
  const amount = Number(sign ? -minor : minor);
  return money(amount, currency);
}

/** Formats minor units as a plain decimal string ("19.99", "1000" for JPY) for APIs. */
export function toDecimalString(m: Money): string {
  const exp = currencyExponent(m.currency);
  const negative = m.amount < 0;
  const digits = Math.abs(m.amount).toString().padStart(exp + 1, "0");
  const whole = exp === 0 ? digits : digits.slice(0, -exp);
  const fraction = exp === 0 ? "" : `.${digits.slice(-exp)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export function formatMoney(m: Money, locale = "en-US"): string {
  const exp = currencyExponent(m.currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(m.amount / 10 ** exp);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((acc, m) => add(acc, m), money(0, currency));
}

/** Multiplies by a factor and rounds once, half away from zero. */
export function multiply(m: Money, factor: number): Money {
  const raw = m.amount * factor;
  const rounded = Math.sign(raw) * Math.round(Math.abs(raw) + Number.EPSILON * Math.abs(raw));
  return money(rounded === 0 ? 0 : rounded, m.currency);
}

/**
 * Converts between currencies with a rate expressed as "1 unit of from = rate units of to",
 * accounting for different minor-unit exponents, rounding once.
 */
export function convert(m: Money, to: CurrencyCode, rate: number): Money {
  const shift = currencyExponent(to) - currencyExponent(m.currency);
  return multiply(money(m.amount, to), rate * 10 ** shift);
}

/** Shopify's CarrierService `total_price` is in subunits, and zero-decimal currencies still count x100. */
export function toCarrierServiceSubunits(m: Money): number {
  return m.amount * 10 ** (2 - currencyExponent(m.currency));
}
