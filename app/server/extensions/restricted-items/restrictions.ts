/**
 * Which destinations an item with hazard flags cannot reach with any of the shop's rate cards, in the compact
 * shape the restricted-items validation Function reads from the variant metafield
 * (`extensions/silkroute-restricted-items/src/run.ts`). Pure: same cards and flags, same value.
 *
 * A destination is blocked when at least one card serves it (has a zone for it) and every card that serves it
 * forbids one of the item's flags there. Destinations no card serves are left alone: Silkroute quotes nothing
 * there and the merchant's own rates decide, so blocking would be our overreach.
 */
import { compileCard, restrictionFor, zoneFor, type CompiledCard } from "../../shipping/engine/compile";
import { ITEM_FLAGS, type ItemFlag, type RateCard } from "../../shipping/engine/card-types";

export interface RestrictionValue { flags: ItemFlag[]; default: "carried" | "blocked"; exceptions: string[] }

/** A code no card lists, standing for "every other country" (a card's `*` zone and `*` restrictions). */
const ANY_OTHER_COUNTRY = "ZZ";

export function parseFlags(csv: string): ItemFlag[] {
  const known = new Set<string>(ITEM_FLAGS);
  return [...new Set(csv.split(",").map((f) => f.trim().toLowerCase()).filter((f) => known.has(f)))].sort() as ItemFlag[];
}

function blockedAt(cards: readonly CompiledCard[], flags: readonly ItemFlag[], country: string): boolean {
  const serving = cards.filter((c) => zoneFor(c, country));
  if (!serving.length) return false;
  return serving.every((c) => flags.some((f) => restrictionFor(c, country, f)?.action === "forbid"));
}

function namedCountries(cards: readonly RateCard[]): string[] {
  const all = new Set<string>();
  for (const card of cards) {
    for (const zone of card.zones) zone.countries.forEach((c) => c !== "*" && all.add(c));
    for (const rule of card.restrictions) rule.countries.forEach((c) => c !== "*" && all.add(c));
  }
  return [...all].sort();
}

/**
 * `origins`: countries of the warehouses holding the item; only cards shipping from one of them can carry it
 * (an overseas warehouse's domestic service cannot carry an item stocked only in China). Empty = unknown: all cards.
 */
export interface RestrictionCalculator { (flags: readonly ItemFlag[], origins?: readonly string[]): RestrictionValue | null }

/** Compiles the cards once; the returned calculator is called per variant. Null = nothing to write (no flags). */
export function restrictionCalculator(cards: readonly RateCard[]): RestrictionCalculator {
  const all = cards.map(compileCard);
  const countries = namedCountries(cards);
  const memo = new Map<string, RestrictionValue | null>();
  return (flags, origins = []) => {
    if (!flags.length) return null;
    const key = `${[...flags].sort().join(",")}|${[...origins].sort().join(",")}`;
    if (memo.has(key)) return memo.get(key)!;
    const fromOrigins = origins.length ? all.filter((c) => origins.some((o) => c.origins.has(o))) : all;
    const compiled = fromOrigins.length ? fromOrigins : all;
    const elsewhere = blockedAt(compiled, flags, ANY_OTHER_COUNTRY);
    const exceptions = countries.filter((c) => blockedAt(compiled, flags, c) !== elsewhere);
    const value: RestrictionValue = { flags: [...flags].sort(), default: elsewhere ? "blocked" : "carried", exceptions };
    memo.set(key, value);
    return value;
  };
}
