/**
 * What changed between two versions of a rate card, for the review shown after an upload: settings, zones
 * added or removed, and per zone its countries, transit and price rows (added / removed / changed).
 */
import { currencyExponent } from "../../money";
import type { PriceModel, RateCard, WeightBand, Zone } from "./card-types";
import { CARD_SETTINGS } from "./csv/card-settings";
import { formatMinorText } from "./csv/decimal-text";

export interface CardChange {
  readonly kind: "added" | "removed" | "changed";
  readonly what: string; // "setting max_g", "zone EU", "zone US band 0–2000 g"
  readonly before: string | null;
  readonly after: string | null;
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join(" ") : v === null ? "—" : String(v));

function rowKey(b: WeightBand): string {
  return `${b.fromGrams}–${b.toGrams} g`;
}

function rowText(b: WeightBand, minor: (n: number) => string): string {
  const base = b.perKgMinor ? `${minor(b.itemFeeMinor)} + ${minor(b.perKgMinor)}/kg` : minor(b.itemFeeMinor);
  return b.increment ? `${base} + ${minor(b.increment.minor)} per ${b.increment.grams} g` : base;
}

function priceRows(price: PriceModel, minor: (n: number) => string): Map<string, string> {
  if (price.kind === "first-additional") {
    return new Map([[`first ${price.firstGrams} g + each ${price.additionalGrams} g`, `${minor(price.firstMinor)} + ${minor(price.additionalMinor)}`]]);
  }
  return new Map(price.bands.map((b) => [`band ${rowKey(b)}`, rowText(b, minor)]));
}

function diffMaps(prefix: string, before: Map<string, string>, after: Map<string, string>, out: CardChange[]): void {
  for (const [key, value] of before) {
    const next = after.get(key);
    if (next === undefined) out.push({ kind: "removed", what: `${prefix} ${key}`, before: value, after: null });
    else if (next !== value) out.push({ kind: "changed", what: `${prefix} ${key}`, before: value, after: next });
  }
  for (const [key, value] of after) if (!before.has(key)) out.push({ kind: "added", what: `${prefix} ${key}`, before: null, after: value });
}

function zoneFacts(zone: Zone, minor: (n: number) => string): Map<string, string> {
  const facts = new Map<string, string>([
    ["countries", zone.countries.join(" ")],
    ["transit", zone.transit.map((l) => `${l.label} ${l.minDays}–${l.maxDays} d`).join(" + ")],
  ]);
  for (const [key, value] of priceRows(zone.price, minor)) facts.set(key, value);
  return facts;
}

/** Changes from `before` to `after`; an empty list means the versions price identically. */
export function diffRateCards(before: RateCard, after: RateCard): CardChange[] {
  const out: CardChange[] = [];
  for (const spec of CARD_SETTINGS) {
    const [a, b] = [show(spec.get(before)), show(spec.get(after))];
    if (a !== b) out.push({ kind: "changed", what: `setting ${spec.key}`, before: a, after: b });
  }
  // Amounts in the card currency's major units, exact (three-decimal fees stay visible).
  const minorOf = (card: RateCard) => (n: number) => `${formatMinorText(Number(n.toFixed(6)), currencyExponent(card.currency))} ${card.currency}`;
  const zonesBefore = new Map(before.zones.map((z) => [z.code, z]));
  const zonesAfter = new Map(after.zones.map((z) => [z.code, z]));
  for (const [code, zone] of zonesBefore) {
    const next = zonesAfter.get(code);
    if (!next) out.push({ kind: "removed", what: `zone ${code}`, before: zone.countries.join(" "), after: null });
    else diffMaps(`zone ${code}`, zoneFacts(zone, minorOf(before)), zoneFacts(next, minorOf(after)), out);
  }
  for (const [code, zone] of zonesAfter) if (!zonesBefore.has(code)) out.push({ kind: "added", what: `zone ${code}`, before: null, after: zone.countries.join(" ") });
  return out;
}
