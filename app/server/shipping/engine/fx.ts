/**
 * FX as "1 base = rates[ccy] ccy" (the ECB reference feed's shape). Amounts stay as exact,
 * possibly fractional, minor units until they are shown, so each shown amount is rounded once.
 */
import { currencyExponent, money, type CurrencyCode, type Money } from "../../money";

export interface FxTable {
  readonly base: CurrencyCode;
  readonly rates: Readonly<Record<CurrencyCode, number>>;
  readonly asOf?: string; // recorded on orders for audit
}

/** Units of `to` per unit of `from`, or null when either side is unknown. */
export function fxRate(fx: FxTable, from: CurrencyCode, to: CurrencyCode): number | null {
  if (from === to) return 1;
  const fromRate = from === fx.base ? 1 : fx.rates[from];
  const toRate = to === fx.base ? 1 : fx.rates[to];
  if (!fromRate || !toRate || !(fromRate > 0) || !(toRate > 0)) return null;
  return toRate / fromRate;
}

/** Converts exact minor units between currencies without rounding. */
export function convertExact(minor: number, from: CurrencyCode, to: CurrencyCode, rate: number): number {
  if (from === to) return minor;
  return minor * rate * 10 ** (currencyExponent(to) - currencyExponent(from));
}

/**
 * The single rounding step: half away from zero, to the currency's minor unit. Card fees to three decimals are
 * tenths of a minor unit, which binary floats hold only approximately (639.1 + 0.4 may be 639.4999…), so the
 * exact amount is first snapped to a millionth of a minor unit — far below any published precision — and only
 * then rounded. Amounts beyond 10⁹ minor units are already integral in practice and skip the snap.
 */
export function roundMinor(exact: number, currency: CurrencyCode): Money {
  const abs = Math.abs(exact);
  const snapped = abs < 1e9 ? Math.round(abs * 1e6) / 1e6 : abs;
  const rounded = Math.sign(exact) * Math.floor(snapped + 0.5);
  return money(rounded === 0 ? 0 : rounded, currency);
}

/** Thrown inside the engine only; quote assembly turns it into a "no-fx-rate" exclusion. */
export class MissingFxRateError extends Error {
  override name = "MissingFxRateError";
  constructor(readonly from: CurrencyCode, readonly to: CurrencyCode) {
    super(`No FX rate from ${from} to ${to}`);
  }
}

export function requireRate(fx: FxTable, from: CurrencyCode, to: CurrencyCode): number {
  const rate = fxRate(fx, from, to);
  if (rate === null) throw new MissingFxRateError(from, to);
  return rate;
}
