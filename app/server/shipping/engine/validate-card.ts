/**
 * Semantic checks shared by code-built and CSV-uploaded cards. Issues carry a path so the CSV parser
 * can map them back to the line that declared the element.
 */
import type { BandBoundary, PriceModel, RateCard, Zone } from "./card-types";
import { bandRanges } from "./price-model";

export interface CardIssue {
  readonly path: string; // e.g. "zones.US", "zones.US.price.bands.1", "remoteAreas.0", "card"
  readonly message: string;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;
// Card amounts may be fractional minor units (three-decimal fees); they are rounded once, when shown.
const isAmount = (n: number) => Number.isFinite(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER;
const isRate = (n: number) => Number.isFinite(n) && n >= 0;

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function isCardDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(text));
}

function checkPrice(price: PriceModel, path: string, boundary: BandBoundary, issues: CardIssue[]): void {
  if (price.kind === "first-additional") {
    if (!(price.firstGrams > 0) || !isCount(price.firstGrams)) issues.push({ path, message: "first weight must be a positive whole number of grams" });
    if (!(price.additionalGrams > 0) || !isCount(price.additionalGrams)) issues.push({ path, message: "additional weight step must be a positive whole number of grams" });
    if (!isAmount(price.firstMinor) || !isAmount(price.additionalMinor)) issues.push({ path, message: "prices must be non-negative amounts" });
    return;
  }
  if (price.bands.length === 0) issues.push({ path, message: "zone has no price (add weight bands or a first/additional row)" });
  price.bands.forEach((band, i) => {
    const at = `${path}.bands.${i}`;
    if (!isCount(band.fromGrams) || !isCount(band.toGrams)) issues.push({ path: at, message: "weights must be whole grams ≥ 0" });
    else if (band.fromGrams > band.toGrams) issues.push({ path: at, message: `weight band ${band.fromGrams}–${band.toGrams} g is reversed` });
    if (!isAmount(band.itemFeeMinor) || !isRate(band.perKgMinor)) issues.push({ path: at, message: "item fee and per-kg rate must be non-negative" });
    const inc = band.increment;
    if (inc && (!(inc.grams > 0) || !isCount(inc.grams) || !isAmount(inc.minor))) issues.push({ path: at, message: "increment needs a positive whole step in grams and a non-negative price" });
    if (inc && band.perKgMinor !== 0) issues.push({ path: at, message: "an increment band has no per-kg rate" });
    const prev = price.bands[i - 1];
    if (prev && band.fromGrams < prev.toGrams) issues.push({ path: at, message: `weight band ${band.fromGrams}–${band.toGrams} g overlaps ${prev.fromGrams}–${prev.toGrams} g` });
    else if (prev && band.fromGrams > prev.toGrams + 1) issues.push({ path: at, message: `gap between weight bands: nothing prices ${prev.toGrams + 1}–${band.fromGrams - 1} g` });
  });
  if (issues.some((issue) => issue.path.startsWith(path))) return;
  // A shared bound moved to the neighbour can leave a one-gram band pricing nothing (e.g. 30–30 after 0–30).
  const { lo, hi } = bandRanges(price.bands, boundary);
  price.bands.forEach((band, i) => {
    if (lo[i]! > hi[i]!) issues.push({ path: `${path}.bands.${i}`, message: `weight band ${band.fromGrams}–${band.toGrams} g prices no weight under the ${boundary === "upper" ? "(a, b]" : "[a, b)"} convention` });
  });
}

function checkZone(zone: Zone, seen: Map<string, string>, boundary: BandBoundary, issues: CardIssue[]): void {
  const path = `zones.${zone.code}`;
  if (zone.countries.length === 0) issues.push({ path, message: `zone ${zone.code} has no countries` });
  for (const country of zone.countries) {
    if (country !== "*" && !/^[A-Z]{2}$/.test(country)) issues.push({ path, message: `"${country}" is not an ISO-2 country code` });
    const other = seen.get(country);
    if (other) issues.push({ path, message: `country ${country} is in zones ${other} and ${zone.code}` });
    seen.set(country, zone.code);
  }
  if (zone.transit.length === 0) issues.push({ path, message: `zone ${zone.code} has no transit time` });
  zone.transit.forEach((leg, i) => {
    const at = `${path}.transit.${i}`;
    if (!isCount(leg.minDays) || !isCount(leg.maxDays)) issues.push({ path: at, message: "transit days must be whole numbers ≥ 0" });
    else if (leg.minDays > leg.maxDays) issues.push({ path: at, message: `transit ${leg.minDays}–${leg.maxDays} days is reversed` });
  });
  checkPrice(zone.price, `${path}.price`, boundary, issues);
}

export function validateRateCard(card: RateCard): CardIssue[] {
  const issues: CardIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path, message });
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(card.code)) at("card.code", "service code must be 1–64 letters, digits, '-', '_' or '.'");
  if (!card.name.trim()) at("card.name", "service name is required");
  if (!/^[A-Z]{3}$/.test(card.currency)) at("card.currency", `"${card.currency}" is not an ISO 4217 currency code`);
  if (card.origins.length === 0) at("card.origins", "at least one origin country is required");
  if (!(card.volumetric.divisor > 0)) at("card.volumetric_divisor", "volumetric divisor must be positive");
  if (!isCount(card.volumetric.minSideCm) || !isRate(card.volumetric.minRatio)) at("card.volumetric_mode", "volumetric thresholds must be ≥ 0");
  const r = card.rounding;
  if (!(r.stepGrams >= 1) || !isCount(r.stepGrams)) at("card.step_g", "rounding step must be a whole number of grams ≥ 1");
  if (!isCount(r.minGrams)) at("card.min_g", "minimum billable weight must be whole grams ≥ 0");
  if (!isCount(r.heavyFromGrams) || (r.heavyFromGrams > 0 && !(r.heavyStepGrams >= r.stepGrams))) at("card.heavy_step_g", "heavy step must be at least the normal step");
  if (!(card.maxGrams > 0) || !isCount(card.maxGrams)) at("card.max_g", "max weight must be positive whole grams");
  if (!isRate(card.maxLongestSideCm) || !isRate(card.maxSumOfSidesCm)) at("card.max_longest_cm", "max dimensions must be ≥ 0");
  if (!isCount(card.handlingDays)) at("card.handling_days", "handling days must be a whole number ≥ 0");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(card.cutoffLocalTime)) at("card.cutoff", `cut-off "${card.cutoffLocalTime}" is not HH:mm`);
  if (!isRate(card.fuelPercent) || card.fuelPercent > 200) at("card.fuel_pct", "fuel surcharge must be 0–200 %");
  if (card.remoteSurcharge && (!isRate(card.remoteSurcharge.perKgMinor) || !isAmount(card.remoteSurcharge.minMinor))) at("card.remote", "remote surcharge must be non-negative");
  if (card.zones.length === 0) at("card", "card has no zones");
  if (card.bandBoundary !== "upper" && card.bandBoundary !== "lower") at("card.band_boundary", `band boundary "${card.bandBoundary}" must be upper or lower`);
  if (card.transport !== "postal" && card.transport !== "courier") at("card.transport", `transport "${card.transport}" must be postal or courier`);
  for (const [key, value] of [["effective_from", card.effectiveFrom], ["effective_until", card.effectiveUntil]] as const) {
    if (value !== null && !isCardDate(value)) at(`card.${key}`, `${key} "${value}" is not a date (YYYY-MM-DD) or ISO instant`);
  }
  if (card.effectiveFrom && card.effectiveUntil && isCardDate(card.effectiveFrom) && isCardDate(card.effectiveUntil) && Date.parse(card.effectiveFrom) >= Date.parse(card.effectiveUntil)) {
    at("card.effective_until", `effective_until ${card.effectiveUntil} is not after effective_from ${card.effectiveFrom}`);
  }
  const seen = new Map<string, string>();
  const codes = new Set<string>();
  for (const zone of card.zones) {
    if (codes.has(zone.code)) at(`zones.${zone.code}`, `zone ${zone.code} is declared twice`);
    codes.add(zone.code);
    checkZone(zone, seen, card.bandBoundary, issues);
  }
  card.remoteAreas.forEach((a, i) => {
    if (a.from.length !== a.to.length) at(`remoteAreas.${i}`, `postal range ${a.from}–${a.to} bounds must have the same length`);
    else if (a.from > a.to) at(`remoteAreas.${i}`, `postal range ${a.from}–${a.to} is reversed`);
  });
  card.restrictions.forEach((rule, i) => {
    if (!isAmount(rule.perItemMinor)) at(`restrictions.${i}`, "restriction surcharge must be non-negative");
  });
  return issues;
}
