/**
 * Semantic checks shared by code-built and CSV-uploaded cards. Issues carry a path so the CSV parser
 * can map them back to the line that declared the element.
 */
import type { BandBoundary, PriceModel, RateCard, Zone } from "./card-types";
import { bandRanges } from "./price-model";
import { englishMessage } from "../../../i18n/english";
import type { Message } from "../../../i18n/message";

/** `message`: English, for logs and thrown errors; `detail`: the same as a catalog message, for the page. */
export interface CardIssue {
  readonly path: string; // e.g. "zones.US", "zones.US.price.bands.1", "remoteAreas.0", "card"
  readonly message: string;
  readonly detail: Message;
}

export const cardIssue = (path: string, key: `messages:${string}`, values?: Record<string, string | number>): CardIssue => ({ path, ...englishMessage(key, values) });

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
    if (!(price.firstGrams > 0) || !isCount(price.firstGrams)) issues.push(cardIssue(path, "messages:card.firstGrams"));
    if (!(price.additionalGrams > 0) || !isCount(price.additionalGrams)) issues.push(cardIssue(path, "messages:card.additionalGrams"));
    if (!isAmount(price.firstMinor) || !isAmount(price.additionalMinor)) issues.push(cardIssue(path, "messages:card.negativePrices"));
    return;
  }
  if (price.bands.length === 0) issues.push(cardIssue(path, "messages:card.noPrice"));
  price.bands.forEach((band, i) => {
    const at = `${path}.bands.${i}`;
    if (!isCount(band.fromGrams) || !isCount(band.toGrams)) issues.push(cardIssue(at, "messages:card.wholeGrams"));
    else if (band.fromGrams > band.toGrams) issues.push(cardIssue(at, "messages:card.bandReversed", { from: band.fromGrams, to: band.toGrams }));
    if (!isAmount(band.itemFeeMinor) || !isRate(band.perKgMinor)) issues.push(cardIssue(at, "messages:card.negativeBand"));
    const inc = band.increment;
    if (inc && (!(inc.grams > 0) || !isCount(inc.grams) || !isAmount(inc.minor))) issues.push(cardIssue(at, "messages:card.increment"));
    if (inc && band.perKgMinor !== 0) issues.push(cardIssue(at, "messages:card.incrementPerKg"));
    const prev = price.bands[i - 1];
    if (prev && band.fromGrams < prev.toGrams) issues.push(cardIssue(at, "messages:card.bandOverlap", { from: band.fromGrams, to: band.toGrams, prevFrom: prev.fromGrams, prevTo: prev.toGrams }));
    else if (prev && band.fromGrams > prev.toGrams + 1) issues.push(cardIssue(at, "messages:card.bandGap", { from: prev.toGrams + 1, to: band.fromGrams - 1 }));
  });
  if (issues.some((issue) => issue.path.startsWith(path))) return;
  // A shared bound moved to the neighbour can leave a one-gram band pricing nothing (e.g. 30–30 after 0–30).
  const { lo, hi } = bandRanges(price.bands, boundary);
  price.bands.forEach((band, i) => {
    if (lo[i]! > hi[i]!) issues.push(cardIssue(`${path}.bands.${i}`, "messages:card.bandEmpty", { from: band.fromGrams, to: band.toGrams, boundary }));
  });
}

function checkZone(zone: Zone, seen: Map<string, string>, boundary: BandBoundary, issues: CardIssue[]): void {
  const path = `zones.${zone.code}`;
  if (zone.countries.length === 0) issues.push(cardIssue(path, "messages:card.zoneNoCountries", { zone: zone.code }));
  for (const country of zone.countries) {
    if (country !== "*" && !/^[A-Z]{2}$/.test(country)) issues.push(cardIssue(path, "messages:csv.notCountry", { code: country }));
    const other = seen.get(country);
    if (other) issues.push(cardIssue(path, "messages:card.countryTwice", { country, other, zone: zone.code }));
    seen.set(country, zone.code);
  }
  if (zone.transit.length === 0) issues.push(cardIssue(path, "messages:card.zoneNoTransit", { zone: zone.code }));
  zone.transit.forEach((leg, i) => {
    const at = `${path}.transit.${i}`;
    if (!isCount(leg.minDays) || !isCount(leg.maxDays)) issues.push(cardIssue(at, "messages:card.transitDays"));
    else if (leg.minDays > leg.maxDays) issues.push(cardIssue(at, "messages:card.transitReversed", { min: leg.minDays, max: leg.maxDays }));
  });
  checkPrice(zone.price, `${path}.price`, boundary, issues);
}

export function validateRateCard(card: RateCard): CardIssue[] {
  const issues: CardIssue[] = [];
  const at = (path: string, key: `messages:${string}`, values?: Record<string, string | number>) => issues.push(cardIssue(path, key, values));
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(card.code)) at("card.code", "messages:card.code");
  if (!card.name.trim()) at("card.name", "messages:card.name");
  if (!/^[A-Z]{3}$/.test(card.currency)) at("card.currency", "messages:card.currency", { currency: card.currency });
  if (card.origins.length === 0) at("card.origins", "messages:card.origins");
  if (!(card.volumetric.divisor > 0)) at("card.volumetric_divisor", "messages:card.divisor");
  if (!isCount(card.volumetric.minSideCm) || !isRate(card.volumetric.minRatio)) at("card.volumetric_mode", "messages:card.volumetricThresholds");
  const r = card.rounding;
  if (!(r.stepGrams >= 1) || !isCount(r.stepGrams)) at("card.step_g", "messages:card.step");
  if (!isCount(r.minGrams)) at("card.min_g", "messages:card.minGrams");
  if (!isCount(r.heavyFromGrams) || (r.heavyFromGrams > 0 && !(r.heavyStepGrams >= r.stepGrams))) at("card.heavy_step_g", "messages:card.heavyStep");
  if (!(card.maxGrams > 0) || !isCount(card.maxGrams)) at("card.max_g", "messages:card.maxGrams");
  if (!isRate(card.maxLongestSideCm) || !isRate(card.maxSumOfSidesCm)) at("card.max_longest_cm", "messages:card.maxDimensions");
  if (!isCount(card.handlingDays)) at("card.handling_days", "messages:card.handlingDays");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(card.cutoffLocalTime)) at("card.cutoff", "messages:card.cutoff", { value: card.cutoffLocalTime });
  if (!isRate(card.fuelPercent) || card.fuelPercent > 200) at("card.fuel_pct", "messages:card.fuel");
  if (card.remoteSurcharge && (!isRate(card.remoteSurcharge.perKgMinor) || !isAmount(card.remoteSurcharge.minMinor))) at("card.remote", "messages:card.remote");
  if (card.zones.length === 0) at("card", "messages:card.noZones");
  if (card.bandBoundary !== "upper" && card.bandBoundary !== "lower") at("card.band_boundary", "messages:card.bandBoundary", { value: card.bandBoundary });
  if (card.transport !== "postal" && card.transport !== "courier") at("card.transport", "messages:csv.transport", { value: card.transport });
  for (const [key, value] of [["effective_from", card.effectiveFrom], ["effective_until", card.effectiveUntil]] as const) {
    if (value !== null && !isCardDate(value)) at(`card.${key}`, "messages:card.date", { setting: key, value });
  }
  if (card.effectiveFrom && card.effectiveUntil && isCardDate(card.effectiveFrom) && isCardDate(card.effectiveUntil) && Date.parse(card.effectiveFrom) >= Date.parse(card.effectiveUntil)) {
    at("card.effective_until", "messages:card.untilBeforeFrom", { from: card.effectiveFrom, until: card.effectiveUntil });
  }
  const seen = new Map<string, string>();
  const codes = new Set<string>();
  for (const zone of card.zones) {
    if (codes.has(zone.code)) at(`zones.${zone.code}`, "messages:card.zoneTwice", { zone: zone.code });
    codes.add(zone.code);
    checkZone(zone, seen, card.bandBoundary, issues);
  }
  card.remoteAreas.forEach((a, i) => {
    if (a.from.length !== a.to.length) at(`remoteAreas.${i}`, "messages:card.postalLength", { from: a.from, to: a.to });
    else if (a.from > a.to) at(`remoteAreas.${i}`, "messages:card.postalReversed", { from: a.from, to: a.to });
  });
  card.restrictions.forEach((rule, i) => {
    if (!isAmount(rule.perItemMinor)) at(`restrictions.${i}`, "messages:card.restrictionSurcharge");
  });
  return issues;
}
