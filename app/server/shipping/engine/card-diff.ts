/**
 * What changed between two versions of a rate card, for the review shown after an upload: settings, zones
 * added or removed, and per zone its countries, transit and price rows (added / removed / changed).
 */
import { currencyExponent } from "../../money";
import type { PriceModel, RateCard, WeightBand, Zone } from "./card-types";
import { CARD_SETTINGS } from "./csv/card-settings";
import { formatMinorText } from "./csv/decimal-text";
import { message, type Message } from "../../../i18n/message";

/** `what` names the setting, zone or price row as a catalog message ("setting max_g", "zone US band 0–2000 g"). */
export interface CardChange {
  readonly kind: "added" | "removed" | "changed";
  readonly what: Message;
  readonly before: string | null;
  readonly after: string | null;
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join(" ") : v === null ? "—" : String(v));


function rowText(b: WeightBand, minor: (n: number) => string): string {
  const base = b.perKgMinor ? `${minor(b.itemFeeMinor)} + ${minor(b.perKgMinor)}/kg` : minor(b.itemFeeMinor);
  return b.increment ? `${base} + ${minor(b.increment.minor)} per ${b.increment.grams} g` : base;
}

/** A zone's facts by a stable key, each with the message naming it and its value as the card states it. */
type Facts = Map<string, { what: Message; value: string }>;

function priceRows(zone: string, price: PriceModel, minor: (n: number) => string): Facts {
  if (price.kind === "first-additional") {
    return new Map([[`first ${price.firstGrams}/${price.additionalGrams}`, {
      what: message("messages:cardDiff.first", { zone, first: price.firstGrams, each: price.additionalGrams }),
      value: `${minor(price.firstMinor)} + ${minor(price.additionalMinor)}`,
    }]]);
  }
  return new Map(price.bands.map((b) => [`band ${b.fromGrams}/${b.toGrams}`, { what: message("messages:cardDiff.band", { zone, from: b.fromGrams, to: b.toGrams }), value: rowText(b, minor) }]));
}

function diffFacts(before: Facts, after: Facts, out: CardChange[]): void {
  for (const [key, { what, value }] of before) {
    const next = after.get(key);
    if (next === undefined) out.push({ kind: "removed", what, before: value, after: null });
    else if (next.value !== value) out.push({ kind: "changed", what, before: value, after: next.value });
  }
  for (const [key, { what, value }] of after) if (!before.has(key)) out.push({ kind: "added", what, before: null, after: value });
}

function zoneFacts(zone: Zone, minor: (n: number) => string): Facts {
  const facts: Facts = new Map([
    ["countries", { what: message("messages:cardDiff.countries", { zone: zone.code }), value: zone.countries.join(" ") }],
    ["transit", { what: message("messages:cardDiff.transit", { zone: zone.code }), value: zone.transit.map((l) => `${l.label} ${l.minDays}–${l.maxDays} d`).join(" + ") }],
  ]);
  for (const [key, fact] of priceRows(zone.code, zone.price, minor)) facts.set(key, fact);
  return facts;
}

/** Changes from `before` to `after`; an empty list means the versions price identically. */
export function diffRateCards(before: RateCard, after: RateCard): CardChange[] {
  const out: CardChange[] = [];
  for (const spec of CARD_SETTINGS) {
    const [a, b] = [show(spec.get(before)), show(spec.get(after))];
    if (a !== b) out.push({ kind: "changed", what: message("messages:cardDiff.setting", { setting: spec.key }), before: a, after: b });
  }
  // Amounts in the card currency's major units, exact (three-decimal fees stay visible).
  const minorOf = (card: RateCard) => (n: number) => `${formatMinorText(Number(n.toFixed(6)), currencyExponent(card.currency))} ${card.currency}`;
  const zonesBefore = new Map(before.zones.map((z) => [z.code, z]));
  const zonesAfter = new Map(after.zones.map((z) => [z.code, z]));
  for (const [code, zone] of zonesBefore) {
    const next = zonesAfter.get(code);
    if (!next) out.push({ kind: "removed", what: message("messages:cardDiff.zone", { zone: code }), before: zone.countries.join(" "), after: null });
    else diffFacts(zoneFacts(zone, minorOf(before)), zoneFacts(next, minorOf(after)), out);
  }
  for (const [code, zone] of zonesAfter) if (!zonesBefore.has(code)) out.push({ kind: "added", what: message("messages:cardDiff.zone", { zone: code }), before: null, after: zone.countries.join(" ") });
  return out;
}
