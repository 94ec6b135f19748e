import { currencyExponent } from "../../money";

import type { PriceEnding } from "./pricing-rules";

/**
 * Charm endings on a grid of "units": one major unit for currencies with minor units (12.99), one hundred
 * for zero-decimal currencies such as JPY and KRW, where ¥1,299 is the local equivalent of $12.99.
 */
export function endingUnit(currency: string): number {
  const exp = currencyExponent(currency);
  return exp === 0 ? 100 : 10 ** exp;
}

function endingOffset(ending: PriceEnding, unit: number): number {
  if (ending === "99") return unit - unit / 100;
  if (ending === "95") return unit - (5 * unit) / 100;
  return 0;
}

/**
 * Rounds a raw price (fractional minor units) exactly once: half-up to the minor unit when there is no
 * ending, otherwise to the smallest price with the ending that is not below the half-up value.
 */
export function applyEnding(raw: number, ending: PriceEnding, currency: string): number {
  const halfUp = Math.floor(raw + 0.5 + 1e-9);
  if (ending === "none") return Math.max(0, halfUp);
  const unit = endingUnit(currency);
  const offset = endingOffset(ending, unit);
  const whole = Math.floor((halfUp - offset) / unit);
  let candidate = whole * unit + offset;
  if (candidate < halfUp) candidate += unit;
  return Math.max(offset || unit, Math.round(candidate));
}
