/**
 * Compiles data (cards, warehouses, duty rules) once per shop into lookup structures for the hot path:
 * zone by country is a Map, remote postal ranges are sorted for binary search.
 */
import type { ItemFlag, RateCard, Restriction, Warehouse, Zone } from "./card-types";
import { compileDutyRules, type CompiledDutyRules } from "./duties/select-rule";
import { DEFAULT_FEE_RULES } from "./duties/default-fee-rules";
import type { DutyRule, FeeRule } from "./duties/duty-types";
import { compilePostalRanges, type CompiledPostalRanges } from "./postal";
import { compilePriceModel, TABLE_AS_PUBLISHED, type CompiledPriceModel, type PriceOptions } from "./price-model";
import { cardIssue, validateRateCard, type CardIssue } from "./validate-card";

export interface CompiledZone {
  readonly zone: Zone;
  readonly price: CompiledPriceModel;
  readonly minDays: number;
  readonly maxDays: number;
}

export interface CompiledCard {
  readonly card: RateCard;
  readonly origins: ReadonlySet<string>;
  readonly zoneByCountry: ReadonlyMap<string, CompiledZone>;
  readonly fallbackZone: CompiledZone | null;
  readonly remote: CompiledPostalRanges;
  readonly restrictionsByCountry: ReadonlyMap<string, ReadonlyMap<ItemFlag, Restriction>>;
  readonly restrictionsEverywhere: ReadonlyMap<ItemFlag, Restriction>;
  readonly cutoffMinutes: number;
  readonly fromMs: number; // effectiveFrom, -Infinity when open
  readonly toMs: number; // effectiveUntil (exclusive), Infinity when open
}

export interface CompiledEngine {
  readonly cards: readonly CompiledCard[]; // every version; quote with cardsInForce()
  readonly dated: boolean; // false when no card has effective dates (the hot path skips the filter)
  readonly warehouses: ReadonlyMap<string, Warehouse>;
  readonly defaultWarehouseCode: string;
  readonly dutyRules: CompiledDutyRules;
}

export class RateCardError extends Error {
  override name = "RateCardError";
  constructor(readonly cardCode: string, readonly issues: readonly CardIssue[]) {
    super(`Rate card ${cardCode} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  }
}

export function compileZone(zone: Zone, options: PriceOptions = TABLE_AS_PUBLISHED): CompiledZone {
  const minDays = zone.transit.reduce((acc, leg) => acc + leg.minDays, 0);
  const maxDays = zone.transit.reduce((acc, leg) => acc + leg.maxDays, 0);
  return { zone, price: compilePriceModel(zone.price, options), minDays, maxDays };
}

/** ISO date (UTC midnight) or instant → ms; validate-card has already rejected anything else. */
export function cardDateMs(text: string | null, open: number): number {
  return text === null ? open : Date.parse(text);
}

export function compileCard(card: RateCard): CompiledCard {
  const issues = validateRateCard(card);
  if (issues.length > 0) throw new RateCardError(card.code, issues);
  const zoneByCountry = new Map<string, CompiledZone>();
  let fallbackZone: CompiledZone | null = null;
  const options = { boundary: card.bandBoundary, smoothing: card.smoothing };
  for (const zone of card.zones) {
    const compiled = compileZone(zone, options);
    for (const country of zone.countries) {
      if (country === "*") fallbackZone = compiled;
      else zoneByCountry.set(country, compiled);
    }
  }
  const restrictionsByCountry = new Map<string, Map<ItemFlag, Restriction>>();
  const restrictionsEverywhere = new Map<ItemFlag, Restriction>();
  for (const rule of card.restrictions) {
    for (const country of rule.countries) {
      const target = country === "*" ? restrictionsEverywhere : restrictionsByCountry.get(country) ?? restrictionsByCountry.set(country, new Map()).get(country)!;
      target.set(rule.flag, rule);
    }
  }
  const [hh, mm] = card.cutoffLocalTime.split(":").map(Number);
  return {
    card,
    origins: new Set(card.origins),
    zoneByCountry,
    fallbackZone,
    remote: compilePostalRanges(card.remoteAreas),
    restrictionsByCountry,
    restrictionsEverywhere,
    cutoffMinutes: hh! * 60 + mm!,
    fromMs: cardDateMs(card.effectiveFrom, -Infinity),
    toMs: cardDateMs(card.effectiveUntil, Infinity),
  };
}

// Building an Intl.DateTimeFormat is costly and every shop's context compiles its warehouses again (each minute, per
// shop): zones once found valid are remembered. Bounded by the IANA zone list (a few hundred names).
const validTimeZones = new Set<string>();

function assertTimeZone(w: Warehouse): void {
  if (validTimeZones.has(w.timeZone)) return;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: w.timeZone });
  } catch {
    throw new Error(`Warehouse ${w.code} has an unknown time zone "${w.timeZone}"`);
  }
  if (validTimeZones.size < 1_000) validTimeZones.add(w.timeZone);
}

export interface EngineConfig {
  readonly cards: readonly RateCard[];
  readonly warehouses: readonly Warehouse[];
  readonly defaultWarehouseCode: string; // China warehouse for lines without stock data
  readonly dutyRules: readonly DutyRule[];
  readonly feeRules?: readonly FeeRule[]; // default: DEFAULT_FEE_RULES
}

/** Throws RateCardError on an invalid card so that a bad config never half-applies. */
export function compileRateEngine(config: EngineConfig): CompiledEngine {
  const cards = config.cards.map(compileCard);
  // Versions of one service may coexist when their effective periods do not overlap.
  const byCode = new Map<string, CompiledCard[]>();
  for (const c of cards) {
    const versions = byCode.get(c.card.code) ?? byCode.set(c.card.code, []).get(c.card.code)!;
    const clash = versions.find((v) => v.fromMs < c.toMs && c.fromMs < v.toMs);
    if (clash) {
      // A version by its dates; an open end is "…" so the name reads the same in every language.
      const period = (x: CompiledCard) => `${x.card.effectiveFrom ?? "…"}–${x.card.effectiveUntil ?? "…"}`;
      throw new RateCardError(c.card.code, [cardIssue("card.effective_from", "messages:card.versionsOverlap", { version: period(c), other: period(clash) })]);
    }
    versions.push(c);
  }
  config.warehouses.forEach(assertTimeZone);
  const warehouses = new Map(config.warehouses.map((w) => [w.code, w]));
  if (!warehouses.has(config.defaultWarehouseCode)) throw new Error(`Default warehouse ${config.defaultWarehouseCode} is not configured`);
  const dated = cards.some((c) => c.fromMs !== -Infinity || c.toMs !== Infinity);
  return { cards, dated, warehouses, defaultWarehouseCode: config.defaultWarehouseCode, dutyRules: compileDutyRules(config.dutyRules, config.feeRules ?? DEFAULT_FEE_RULES) };
}

/** The card versions quoted for an order placed at `at`: at most one per service code. */
export function cardsInForce(engine: CompiledEngine, at: Date): readonly CompiledCard[] {
  if (!engine.dated) return engine.cards;
  const ms = at.getTime();
  return engine.cards.filter((c) => c.fromMs <= ms && ms < c.toMs);
}

export function zoneFor(card: CompiledCard, country: string): CompiledZone | null {
  return card.zoneByCountry.get(country) ?? card.fallbackZone;
}

export function restrictionFor(card: CompiledCard, country: string, flag: ItemFlag): Restriction | undefined {
  return card.restrictionsByCountry.get(country)?.get(flag) ?? card.restrictionsEverywhere.get(flag);
}
