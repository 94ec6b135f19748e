/**
 * Orders the shop's services from fastest to slowest for the delivery rules' `fastestFirst`, from rate-card data
 * alone (handling days plus the slowest end of the quickest zone's transit), so the Function can lead with the
 * fastest option without knowing dates. Pure.
 */
import type { RateCard } from "../../shipping/engine/card-types";

function quickestDays(card: RateCard): number {
  const zones = card.zones.map((z) => z.transit.reduce((days, leg) => days + leg.maxDays, 0));
  return card.handlingDays + (zones.length ? Math.min(...zones) : Number.POSITIVE_INFINITY);
}

export function speedRanking(cards: readonly RateCard[]): string[] {
  return [...cards].sort((a, b) => quickestDays(a) - quickestDays(b) || a.code.localeCompare(b.code)).map((c) => c.code);
}
