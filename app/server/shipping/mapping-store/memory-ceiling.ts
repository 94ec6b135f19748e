/**
 * The mapping tables' budget under a ceiling on the whole process's resident memory (ADR 0723). The tables are the
 * one part of a web process that can give memory back on demand, so they take what the rest of the process leaves
 * under the ceiling, and never more than their own budget (SILKROUTE_MAPPING_CACHE_MB). "The rest" is measured, not
 * estimated: resident memory minus the tables' own bytes, so the V8 heap, Node itself, Prisma and malloc's arenas
 * are all counted whatever they hold. Pure: the caller reads the numbers (mapping-cache.server.ts).
 */

/** The ceiling's default room above the tables' budget: issue #16's goal for a web process (RSS within the budget +
 *  150 MB). The checkout-rates role starts at ~120 MB and the full web role at ~190 MB, so under load the tables of
 *  either give some of their budget up to meet it. */
export const DEFAULT_HEADROOM_MB = 150;

/** Share of their own budget the tables keep however much the rest of the process holds: below it most rate
 *  requests would take the cold path, and evicting more could not bring the process under a ceiling set too low. */
export const MIN_TABLE_SHARE = 0.25;

/** Share of the ceiling kept free for what the rest of the process allocates between two readings (they are taken as
 *  a table lands and as a new shop is counted): without it, runs that held the ceiling overshot it by 1–3 MB. */
export const SLACK = 0.02;

export interface MemoryReading {
  /** The tables' own budget (bytes). */
  readonly tablesMax: number;
  /** The process's resident memory ceiling (bytes). */
  readonly ceiling: number;
  /** The process's resident memory now (bytes). */
  readonly rss: number;
  /** What the tables hold now (bytes, as the store counts them). */
  readonly tables: number;
}

export function tablesBudget({ tablesMax, ceiling, rss, tables }: MemoryReading): number {
  const rest = Math.max(0, rss - tables);
  return Math.floor(Math.max(tablesMax * MIN_TABLE_SHARE, Math.min(tablesMax, ceiling * (1 - SLACK) - rest)));
}

/** Whether the process is over its ceiling with the tables already at their floor: worth telling the operator. */
export const overCeilingAtFloor = (reading: MemoryReading): boolean =>
  reading.rss > reading.ceiling && tablesBudget(reading) <= reading.tablesMax * MIN_TABLE_SHARE;
