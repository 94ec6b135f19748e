/**
 * Splits one warehouse's lines into parcels for one service: restricted lines that must travel alone
 * get their own parcels, and units are packed first-fit-decreasing under the card's max weight.
 */
import { ITEM_FLAGS } from "./card-types";
import { restrictionFor, type CompiledCard } from "./compile";
import type { Exclusion } from "./quote-types";
import type { RateRequestItem } from "./request-schema";
import { exclusion } from "./exclusion";

export const MAX_PARCELS = 50;

export interface PlannedParcel {
  readonly units: { lineIndex: number; quantity: number }[];
  actualGrams: number;
  volumeCm3: number;
  longestSideCm: number;
  sensitiveMinor: number; // card currency, exact
}

export type PackResult = { ok: true; parcels: PlannedParcel[] } | { ok: false; exclusion: Exclusion };

export function unitGrams(line: RateRequestItem): number {
  return line.supplier?.weightGrams ?? line.grams;
}

/** One line as packing sees it, measured once per card: its group ("general" or the flags that travel alone). */
interface Unit { readonly index: number; readonly grams: number; readonly volume: number; readonly longestSide: number; readonly surcharge: number; readonly group: string }

// Module-level rather than a closure per line: packing runs for every card × shipment of every quote.
function place(p: PlannedParcel, u: Unit, quantity: number): void {
  p.units.push({ lineIndex: u.index, quantity });
  p.actualGrams += u.grams * quantity;
  p.volumeCm3 += u.volume * quantity;
  if (u.longestSide > p.longestSideCm) p.longestSideCm = u.longestSide;
  p.sensitiveMinor += u.surcharge * quantity;
}

function failure(card: CompiledCard, reason: Exclusion["reason"], key: `messages:${string}`, values: Record<string, string | number>, sku: string | null): PackResult {
  return { ok: false, exclusion: exclusion(card.card.code, reason, key, values, sku) };
}

/**
 * Heaviest first, ties in line order (what a stable sort gives). By insertion for the few lines of a usual shipment:
 * Array.prototype.sort copies into a work array on every call, and this runs for every card of every quote.
 */
function heaviestFirst(units: Unit[]): Unit[] {
  if (units.length > 16) return units.sort((a, b) => b.grams - a.grams);
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    let j = i - 1;
    for (; j >= 0 && units[j]!.grams < u.grams; j--) units[j + 1] = units[j]!;
    units[j + 1] = u;
  }
  return units;
}

/** First-fit-decreasing of one group's units, appended to `parcels`; a failure when the parcels would pass MAX_PARCELS. */
function packGroup(card: CompiledCard, items: readonly RateRequestItem[], units: Unit[], parcels: PlannedParcel[]): PackResult | null {
  const c = card.card;
  const first = parcels.length; // this group's parcels are parcels[first…]: units of other groups never share them
  for (const unit of heaviestFirst(units)) {
    const { grams } = unit;
    let left = items[unit.index]!.quantity;
    for (let k = first; k < parcels.length && left > 0; k++) {
      const p = parcels[k]!;
      const fit = grams === 0 ? left : Math.min(left, Math.floor((c.maxGrams - p.actualGrams) / grams));
      if (fit > 0) {
        place(p, unit, fit);
        left -= fit;
      }
    }
    while (left > 0) {
      if (parcels.length >= MAX_PARCELS) return failure(card, "overweight", "messages:exclusion.tooManyParcels", { max: MAX_PARCELS, service: c.name }, items[unit.index]!.sku);
      const p: PlannedParcel = { units: [], actualGrams: 0, volumeCm3: 0, longestSideCm: 0, sensitiveMinor: 0 };
      const fit = grams === 0 ? left : Math.min(left, Math.floor(c.maxGrams / grams));
      place(p, unit, fit);
      parcels.push(p);
      left -= fit;
    }
  }
  return null;
}

export function packParcels(card: CompiledCard, country: string, items: readonly RateRequestItem[], lineIndexes: readonly number[]): PackResult {
  const c = card.card;
  const units: Unit[] = [];
  let oneGroup = true;
  for (const index of lineIndexes) {
    const line = items[index]!;
    let group = "general";
    let surcharge = 0;
    const flags = line.supplier?.flags;
    if (flags) {
      for (const flag of ITEM_FLAGS) {
        if (!flags[flag]) continue;
        const rule = restrictionFor(card, country, flag);
        if (rule?.action === "forbid") return failure(card, "restricted-item", "messages:exclusion.restricted", { service: c.name, flag, country }, line.sku);
        if (rule?.action === "separate") group = group === "general" ? flag : `${group}+${flag}`;
        if (rule?.action === "surcharge") surcharge += rule.perItemMinor;
      }
    }
    const grams = unitGrams(line);
    if (grams > c.maxGrams) return failure(card, "overweight", "messages:exclusion.unitTooHeavy", { grams, service: c.name, max: c.maxGrams }, line.sku);
    const d = line.supplier?.dimensionsCm;
    const longestSide = d ? Math.max(0, d.length, d.width, d.height) : 0;
    const sum = d ? d.length + d.width + d.height : 0;
    if ((c.maxLongestSideCm > 0 && longestSide > c.maxLongestSideCm) || (c.maxSumOfSidesCm > 0 && sum > c.maxSumOfSidesCm)) {
      return failure(card, "oversize", "messages:exclusion.oversize", { sides: d ? `${d.length}×${d.width}×${d.height}` : "", service: c.name, longest: c.maxLongestSideCm, sum: c.maxSumOfSidesCm }, line.sku);
    }
    if (units.length && units[0]!.group !== group) oneGroup = false;
    units.push({ index, grams, volume: d ? d.length * d.width * d.height : 0, longestSide, surcharge, group });
  }
  const parcels: PlannedParcel[] = [];
  if (oneGroup) return packGroup(card, items, units, parcels) ?? { ok: true, parcels };
  // Groups in the order their first line came, each packed on its own.
  const groups = [...new Set(units.map((u) => u.group))];
  for (const group of groups) {
    const failed = packGroup(card, items, units.filter((u) => u.group === group), parcels);
    if (failed) return failed;
  }
  return { ok: true, parcels };
}
