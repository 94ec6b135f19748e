/**
 * Per-shop cache of the supplier data the callback needs per cart line, keyed by variant GID and by SKU,
 * negative answers included. A mapping write in this process drops the shop's entries through
 * onMappingsChanged; entries also expire after MAPPING_TTL_MS so that other processes' writes (several web
 * instances) are seen within a minute. Bounded per shop; the oldest entries go first.
 */
import { mappingsForSkus, mappingsForVariants, onMappingsChanged, type VariantMappingRow } from "../sourcing/variant-mappings.server";

export const MAPPING_TTL_MS = 60_000;
const MAX_ENTRIES_PER_SHOP = 50_000;

export type MappingFields = Pick<VariantMappingRow, "weightGrams" | "lengthMm" | "widthMm" | "heightMm" | "hsCode" | "originCountry" | "flags" | "stock">;

interface Entry { value: MappingFields | null; expiresAt: number }
interface ShopEntries { byKey: Map<string, Entry> }

const shops = new Map<string, ShopEntries>();

onMappingsChanged((shop) => shops.delete(shop));

export function clearMappingCache(): void {
  shops.clear();
}

const fields = (m: VariantMappingRow): MappingFields => ({
  weightGrams: m.weightGrams, lengthMm: m.lengthMm, widthMm: m.widthMm, heightMm: m.heightMm,
  hsCode: m.hsCode, originCountry: m.originCountry, flags: m.flags, stock: m.stock,
});

export interface LineKey { variantGid: string | null; sku: string | null }

/**
 * One mapping (or null) per line: by variant first, then by SKU. At most two queries on a miss, none on a hit.
 * `freshness.expiresAt` is lowered to the earliest expiry among the entries the answer used, so anything
 * derived from it (a cached quote) can expire no later than the data it was computed from.
 */
export async function mappingsForLines(
  shop: string, lines: readonly LineKey[], now = Date.now(), freshness?: { expiresAt: number },
): Promise<(MappingFields | null)[]> {
  let entries = shops.get(shop);
  if (!entries) shops.set(shop, (entries = { byKey: new Map() }));
  const cached = (key: string) => {
    const e = entries!.byKey.get(key);
    return e && e.expiresAt > now ? e : undefined;
  };
  const missingVariants = lines.filter((l) => l.variantGid && !cached(`v:${l.variantGid}`)).map((l) => l.variantGid!);
  if (missingVariants.length) fill(entries, "v:", missingVariants, await mappingsForVariants(shop, missingVariants), (m) => m.variantGid, now);
  const missingSkus = lines
    .filter((l) => l.sku && !(l.variantGid && cached(`v:${l.variantGid}`)?.value) && !cached(`s:${l.sku}`))
    .map((l) => l.sku!);
  if (missingSkus.length) fill(entries, "s:", missingSkus, await mappingsForSkus(shop, missingSkus), (m) => m.shopifySku ?? "", now);
  const used = (key: string) => {
    const e = cached(key);
    if (e && freshness && e.expiresAt < freshness.expiresAt) freshness.expiresAt = e.expiresAt;
    return e?.value;
  };
  return lines.map((l) => (l.variantGid ? used(`v:${l.variantGid}`) : null) ?? (l.sku ? used(`s:${l.sku}`) : null) ?? null);
}

/**
 * Writes into the entry set the lookup started with: if an invalidation raced the query, that set is already
 * detached from the cache, so the possibly stale answer serves only this request and is never cached.
 */
function fill(entries: ShopEntries, prefix: string, keys: string[], rows: VariantMappingRow[], keyOf: (m: VariantMappingRow) => string, now: number): void {
  const found = new Map(rows.map((r) => [keyOf(r), fields(r)]));
  for (const key of keys) {
    entries.byKey.delete(prefix + key); // re-insert so Map order is oldest-first
    entries.byKey.set(prefix + key, { value: found.get(key) ?? null, expiresAt: now + MAPPING_TTL_MS });
  }
  let excess = entries.byKey.size - MAX_ENTRIES_PER_SHOP;
  for (const key of entries.byKey.keys()) {
    if (excess-- <= 0) break;
    entries.byKey.delete(key);
  }
}
