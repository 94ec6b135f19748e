import db from "../../db.server";
import { BUNDLED_ECB_SNAPSHOT } from "./ecb-snapshot";
import { parseEcbDailyXml } from "./ecb-parser";
import type { FxTable } from "./fx-table";

export const ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml";

const bundled: FxTable = { base: "EUR", ...BUNDLED_ECB_SNAPSHOT, rates: { ...BUNDLED_ECB_SNAPSHOT.rates } };
let latest: FxTable = bundled;

let readAt = -Infinity;
let reading: Promise<FxTable> | undefined;

/** The newest reference table we hold (stored ECB rates, else the bundled snapshot); cached in memory. */
export async function latestFxTable(): Promise<FxTable> {
  const started = performance.now();
  const row = await db.fxRates.findFirst({ where: { source: "ecb" }, orderBy: { effectiveDate: "desc" } });
  latest = row ? { base: "EUR", source: "ecb", effectiveDate: row.effectiveDate, rates: row.rates as Record<string, number> } : bundled;
  readAt = started;
  return latest;
}

/** How old the table a checkout's rate context loads with may be: the contexts' own TTL (rate-context-cache.ts). */
export const FX_MAX_AGE_MS = 60_000;

/**
 * The newest table read within `maxAgeMs`, read again (once, for every caller meanwhile) when older. ECB publishes
 * once a working day; each rate-context load used to read it, one Prisma query per new shop (ADR 0720, "Twelfth
 * round"). A refresh in this process (refreshEcbRates) reads it at once; other processes' within `maxAgeMs`.
 */
export function recentFxTable(maxAgeMs = FX_MAX_AGE_MS): Promise<FxTable> {
  if (performance.now() - readAt < maxAgeMs) return Promise.resolve(latest);
  return (reading ??= latestFxTable().finally(() => (reading = undefined)));
}

/** The last table loaded by this process, for hot paths that must not wait on the database. */
export function cachedFxTable(): FxTable {
  return latest;
}

/** The reference table with the shop's manual overrides applied. */
export async function fxTableForShop(shop: string): Promise<FxTable> {
  const table = await latestFxTable();
  const overrides = await db.fxOverride.findMany({ where: { shop } });
  return { ...table, overrides: Object.fromEntries(overrides.map((o) => [`${o.fromCurrency}>${o.toCurrency}`, o.rate])) };
}

export async function setFxOverride(shop: string, fromCurrency: string, toCurrency: string, rate: number | null): Promise<void> {
  if (rate === null) {
    await db.fxOverride.deleteMany({ where: { shop, fromCurrency, toCurrency } });
    return;
  }
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`Exchange rate must be a positive number, got ${rate}`);
  await db.fxOverride.upsert({
    where: { shop_fromCurrency_toCurrency: { shop, fromCurrency, toCurrency } },
    create: { shop, fromCurrency, toCurrency, rate },
    update: { rate },
  });
}

/** Fetches today's ECB file and stores it once per publication date. Offline, the last stored rates stay. */
export async function refreshEcbRates(fetchImpl: typeof fetch = globalThis.fetch): Promise<{ effectiveDate: string; stored: boolean }> {
  const response = await fetchImpl(ECB_DAILY_URL, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`ECB rates request failed with HTTP ${response.status}`);
  const { effectiveDate, rates } = parseEcbDailyXml(await response.text());
  const existing = await db.fxRates.findUnique({ where: { source_effectiveDate: { source: "ecb", effectiveDate } } });
  if (!existing) await db.fxRates.create({ data: { source: "ecb", effectiveDate, rates } });
  await latestFxTable();
  return { effectiveDate, stored: !existing };
}
