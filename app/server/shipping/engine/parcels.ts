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

function unitSides(line: RateRequestItem): number[] {
  const d = line.supplier?.dimensionsCm;
  return d ? [d.length, d.width, d.height] : [];
}

interface Unit { readonly index: number; readonly grams: number; readonly volume: number; readonly longestSide: number; readonly surcharge: number }

// Module-level rather than a closure per line: packing runs for every card × shipment of every quote.
function place(p: PlannedParcel, u: Unit, quantity: number): void {
  p.units.push({ lineIndex: u.index, quantity });
  p.actualGrams += u.grams * quantity;
  p.volumeCm3 += u.volume * quantity;
  if (u.longestSide > p.longestSideCm) p.longestSideCm = u.longestSide;
  p.sensitiveMinor += u.surcharge * quantity;
}

const byGramsDescending = (a: { grams: number }, b: { grams: number }) => b.grams - a.grams;

const longestOf = (sides: readonly number[]): number => (sides.length === 3 ? Math.max(0, sides[0]!, sides[1]!, sides[2]!) : 0);

export function packParcels(card: CompiledCard, country: string, items: readonly RateRequestItem[], lineIndexes: readonly number[]): PackResult {
  const c = card.card;
  const fail = (reason: Exclusion["reason"], key: `messages:${string}`, values: Record<string, string | number>, sku: string | null): PackResult => ({
    ok: false, exclusion: exclusion(c.code, reason, key, values, sku),
  });
  const groups = new Map<string, { index: number; grams: number; surcharge: number }[]>();
  for (const index of lineIndexes) {
    const line = items[index]!;
    let group = "general";
    let surcharge = 0;
    for (const flag of ITEM_FLAGS) {
      if (!line.supplier?.flags?.[flag]) continue;
      const rule = restrictionFor(card, country, flag);
      if (rule?.action === "forbid") return fail("restricted-item", "messages:exclusion.restricted", { service: c.name, flag, country }, line.sku);
      if (rule?.action === "separate") group = group === "general" ? flag : `${group}+${flag}`;
      if (rule?.action === "surcharge") surcharge += rule.perItemMinor;
    }
    const grams = unitGrams(line);
    if (grams > c.maxGrams) return fail("overweight", "messages:exclusion.unitTooHeavy", { grams, service: c.name, max: c.maxGrams }, line.sku);
    const sides = unitSides(line);
    const longest = longestOf(sides);
    const total = sides.length === 3 ? sides[0]! + sides[1]! + sides[2]! : 0;
    if ((c.maxLongestSideCm > 0 && longest > c.maxLongestSideCm) || (c.maxSumOfSidesCm > 0 && total > c.maxSumOfSidesCm)) {
      return fail("oversize", "messages:exclusion.oversize", { sides: sides.join("×"), service: c.name, longest: c.maxLongestSideCm, sum: c.maxSumOfSidesCm }, line.sku);
    }
    (groups.get(group) ?? groups.set(group, []).get(group)!).push({ index, grams, surcharge });
  }
  const parcels: PlannedParcel[] = [];
  for (const lines of groups.values()) {
    const open: PlannedParcel[] = [];
    for (const { index, grams, surcharge } of lines.sort(byGramsDescending)) { // the group's own array: sorted in place
      const line = items[index]!;
      const sides = unitSides(line);
      const volume = sides.length === 3 ? sides[0]! * sides[1]! * sides[2]! : 0;
      const longestSide = longestOf(sides);
      const unit: Unit = { index, grams, volume, longestSide, surcharge };
      let left = line.quantity;
      for (const p of open) {
        if (left === 0) break;
        const fit = grams === 0 ? left : Math.min(left, Math.floor((c.maxGrams - p.actualGrams) / grams));
        if (fit > 0) {
          place(p, unit, fit);
          left -= fit;
        }
      }
      while (left > 0) {
        if (parcels.length + open.length >= MAX_PARCELS) return fail("overweight", "messages:exclusion.tooManyParcels", { max: MAX_PARCELS, service: c.name }, line.sku);
        const p: PlannedParcel = { units: [], actualGrams: 0, volumeCm3: 0, longestSideCm: 0, sensitiveMinor: 0 };
        const fit = grams === 0 ? left : Math.min(left, Math.floor(c.maxGrams / grams));
        place(p, unit, fit);
        open.push(p);
        left -= fit;
      }
    }
    parcels.push(...open);
  }
  return { ok: true, parcels };
}
