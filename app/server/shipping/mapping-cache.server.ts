/**
 * The process's mapping store (mapping-store/): every shop's supplier mappings in memory after a background
 * bulk load, so the callback never queries for known lines (unknown ones once per freshness check, ADR 0720). Mapping writes
 * in this process arrive through onMappingsChanged (the sourcing code calls notifyMappingsChanged); other
 * processes' writes are picked up by a freshness check at most every MAPPING_POLL_MS, in the background.
 * The tables together stay within SILKROUTE_MAPPING_CACHE_MB (their typed arrays' bytes), and within what the rest of
 * the process leaves under SILKROUTE_MEMORY_MB (ADR 0723); the least recently quoted shops are dropped first and load
 * again on their next request (ADR 0710).
 */
import { loadConfig } from "../config";
import { onMappingsChanged } from "../sourcing/variant-mappings.server";
import type { MappingFields } from "./mapping-store/mapping-fields";
import { driverMappingSource } from "./mapping-store/driver-mapping-source.server";
import { MappingStore, type LineKey } from "./mapping-store/mapping-store";
import { DEFAULT_HEADROOM_MB, overCeilingAtFloor, tablesBudget } from "./mapping-store/memory-ceiling";

export type { LineKey, MappingFields };

export const MAPPING_POLL_MS = 10_000;
/** Counting a shop's rows (how a deletion by another process shows) visits every row, so only every sixth check. */
export const MAPPING_COUNT_MS = 60_000;
export const MAPPING_LOAD_AFTER_LOOKUPS = 3;

const MB = 1_048_576;
const config = loadConfig();
const tablesMax = config.SILKROUTE_MAPPING_CACHE_MB * MB;
const ceiling = (config.SILKROUTE_MEMORY_MB ?? config.SILKROUTE_MAPPING_CACHE_MB + DEFAULT_HEADROOM_MB) * MB;
let warnedAtFloor = false;
// Resident memory is read from /proc, and read for every new shop it cost a fresh process 28 ms of its first busy
// seconds (many-shops bench profile). What the rest of the process holds moves slowly, so one reading of it serves
// for READING_MS (the ceiling's slack covers the difference); the tables' own bytes are always current.
const READING_MS = 100;
let rest = { bytes: 0, at: -Infinity };

/** The tables' budget under the process's memory ceiling, from its resident memory (ADR 0723). */
function tablesBudgetNow(tables: number): number {
  const now = performance.now();
  if (now - rest.at >= READING_MS) rest = { bytes: process.memoryUsage.rss() - tables, at: now };
  const reading = { tablesMax, ceiling, rss: rest.bytes + tables, tables };
  if (!warnedAtFloor && overCeilingAtFloor(reading)) {
    warnedAtFloor = true;
    console.warn(`[mapping-store] the process holds ${Math.round(reading.rss / MB)} MB with its mapping tables at their floor, over its ${Math.round(ceiling / MB)} MB ceiling (SILKROUTE_MEMORY_MB)`);
  }
  return tablesBudget(reading);
}

// Its frequent reads go to the driver directly: through Prisma each cost 10–60 × more (ADR 0720, "Ninth round").
export const mappingStore = new MappingStore(driverMappingSource(), {
  pollMs: MAPPING_POLL_MS,
  countMs: MAPPING_COUNT_MS,
  // Most of an App Store app's shops ask for rates rarely (a Zipf tail): their lookups are two indexed queries, and
  // only a shop that keeps asking earns its whole table in memory.
  loadAfterLookups: MAPPING_LOAD_AFTER_LOOKUPS,
  maxBytes: tablesMax,
  budgetNow: tablesBudgetNow,
  // Shop and phase only: rows and errors' messages can carry merchant data.
  onLoaded: (shop, count, ms) =>
    console.log(`[mapping-store] shop=${shop} loaded ${count} mappings in ${Math.round(ms)} ms; tables ${Math.round(mappingStore.holding().bytes / MB)} MB of a ${Math.round(mappingStore.holding().budget / MB)} MB budget`),
  onEvicted: (shop, count) =>
    console.log(`[mapping-store] shop=${shop} evicted ${count} mappings (tables over their ${Math.round(mappingStore.holding().budget / MB)} MB budget)`),
  onError: (what, error) => console.error(`[mapping-store] ${what} failed: ${error instanceof Error ? error.name : "unknown error"}`),
});

onMappingsChanged((shop) => mappingStore.invalidate(shop));

export function clearMappingCache(): void {
  mappingStore.clear();
}

/** Changes another process made, applied by a background refresh (in-process writes go through onMappingsChanged). */
export const onMappingStoreChanged = (listener: (shop: string) => void) => mappingStore.onChanged(listener);

/** One mapping (or null) per line: by variant first, then by SKU. */
export function mappingsForLines(shop: string, lines: readonly LineKey[], now = Date.now(), options: { load?: boolean } = {}): Promise<(MappingFields | null)[]> {
  return mappingStore.lookup(shop, lines, now, options);
}

/** `mappingsForLines` when memory alone answers it (mapping-store.ts, lookupInMemory), else undefined. */
export function mappingsInMemory(shop: string, lines: readonly LineKey[], now: number): (MappingFields | null)[] | undefined {
  return mappingStore.lookupInMemory(shop, lines, now);
}
