/**
 * Remote-area postal ranges. Codes are compared on a prefix as long as the range bounds, so
 * "99500–99999" matches US ZIP+4 and "KW15–KW17" matches UK outward codes.
 */
import type { RemoteArea } from "./card-types";

interface RangeGroup {
  readonly length: number;
  readonly from: readonly string[]; // sorted ascending; ranges within a group do not overlap
  readonly to: readonly string[];
}

export type CompiledPostalRanges = ReadonlyMap<string, readonly RangeGroup[]>;

/** Uppercase alphanumerics; UK keeps only the outward code (the inward code is always 3 characters). */
export function normalizePostalCode(country: string, code: string | null | undefined): string {
  const clean = (code ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (country === "GB" && clean.length > 4) return clean.slice(0, -3);
  return clean;
}

export function compilePostalRanges(areas: readonly RemoteArea[]): CompiledPostalRanges {
  const byCountryLength = new Map<string, Map<number, { from: string; to: string }[]>>();
  for (const area of areas) {
    const byLength = byCountryLength.get(area.country) ?? byCountryLength.set(area.country, new Map()).get(area.country)!;
    const from = normalizePostalCode("", area.from);
    const to = normalizePostalCode("", area.to);
    const list = byLength.get(from.length) ?? byLength.set(from.length, []).get(from.length)!;
    list.push({ from, to });
  }
  const compiled = new Map<string, RangeGroup[]>();
  for (const [country, byLength] of byCountryLength) {
    compiled.set(
      country,
      [...byLength].map(([length, list]) => {
        const merged = mergeRanges(list);
        return { length, from: merged.map((r) => r.from), to: merged.map((r) => r.to) };
      }),
    );
  }
  return compiled;
}

function mergeRanges(list: { from: string; to: string }[]): { from: string; to: string }[] {
  const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: { from: string; to: string }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.from <= last.to) last.to = r.to > last.to ? r.to : last.to;
    else out.push({ ...r });
  }
  return out;
}

export function isRemote(ranges: CompiledPostalRanges, country: string, postalCode: string | null): boolean {
  const groups = ranges.get(country);
  if (!groups || !postalCode) return false;
  const code = normalizePostalCode(country, postalCode);
  if (!code) return false;
  for (const g of groups) {
    const key = code.slice(0, g.length);
    let lo = 0;
    let hi = g.from.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (key < g.from[mid]!) hi = mid - 1;
      else if (key > g.to[mid]!) lo = mid + 1;
      else return true;
    }
  }
  return false;
}
