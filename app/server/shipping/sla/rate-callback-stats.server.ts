/**
 * The checkout-rate SLA store (issue #16): every signed rate callback's latency and outcome, counted in memory per
 * shop and UTC hour and merged into RateCallbackHour rows every FLUSH_MS, never on the request path, a batch of
 * shop-hours per transaction (a process serving 1,000 shops writes ~1,000 rows a flush). Bounded: at most
 * MAX_PENDING shop-hours wait in memory (one pushed out is written at once), one row per shop-hour in the database,
 * rows older than KEEP_DAYS pruned. Several processes merge into the same row by compare-and-set on `version`.
 */
import type { RateCallbackHour } from "@prisma/client";
import db from "../../../db.server";
import { LruCache } from "../../cache/lru";
import { yieldToEventLoop } from "../../event-loop";
import { addInto, bucketOf, emptyHistogram, parseHistogram, serializeHistogram } from "./histogram";

export type RateOutcome = "rates" | "empty" | "error";

interface Pending { shop: string; hour: Date; rates: number; empty: number; errors: number; latency: number[] }

const HOUR_MS = 3_600_000;
export const FLUSH_MS = 30_000;
/**
 * Shop-hours written in one transaction. Short, and no yield inside it: on SQLite, Prisma's adapter runs every
 * transaction of the process on its one connection behind a lock, and wraps most single writes in a transaction too
 * (a shop's first signed rate callback records the signature so). A flush transaction of 200 rows that yielded
 * between rows stayed open ~2 s under load, and those writes, with their checkouts, waited behind it (2.8-3.0 s
 * answers 30 s into a many-shops run; ADR 0720, "Tenth round"). 25 rows run in ~20 ms.
 */
const BATCH = 25;
export const KEEP_DAYS = 35;
const MAX_PENDING = 20_000;
const CAS_ATTEMPTS = 8;

const pending = new LruCache<string, Pending>({
  maxEntries: MAX_PENDING,
  onEvict: (_key, value) => {
    if (last?.entry === value) last = null;
    void persist(value).catch(logFailure);
  },
});
/** The shop-hour counted last, while `pending` holds it: a busy shop's next callback bumps it without building the
 *  key string and looking it up (it is already the LRU's newest, so skipping the `get` changes no recency). */
let last: { shop: string; hourMs: number; entry: Pending } | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let flushing: Promise<void> | null = null;
let prunedAt = 0;

const logFailure = (error: unknown) => console.error(`[checkout-sla] write failed: ${error instanceof Error ? error.name : "unknown error"}`);

/** Counts one answered callback. Synchronous and allocation-light: the hot path only bumps counters. */
export function recordRateCallback(shop: string, outcome: RateOutcome, ms: number, now: number): void {
  const hourMs = now - (now % HOUR_MS);
  let entry: Pending | undefined;
  if (last !== null && last.hourMs === hourMs && last.shop === shop) entry = last.entry;
  else {
    const key = `${shop}|${hourMs}`;
    entry = pending.get(key);
    if (!entry) pending.set(key, (entry = { shop, hour: new Date(hourMs), rates: 0, empty: 0, errors: 0, latency: emptyHistogram() }));
    last = { shop, hourMs, entry };
  }
  if (outcome === "rates") entry.rates++;
  else if (outcome === "empty") entry.empty++;
  else entry.errors++;
  entry.latency[bucketOf(ms)]!++;
  timer ??= setInterval(() => void flushRateCallbacks().catch(logFailure), FLUSH_MS).unref();
}

/** Writes what is counted so far (the page calls it first, so this process's newest answers show at once).
 *  One write at a time; a call during a write waits for it, then writes what arrived since. */
export async function flushRateCallbacks(now = Date.now()): Promise<void> {
  while (flushing) await flushing;
  flushing = writeBatch(now).finally(() => (flushing = null));
  return flushing;
}

async function writeBatch(now: number): Promise<void> {
  const batch = [...pending.keys()].map((key) => pending.peek(key)!);
  pending.clear();
  last = null;
  for (let i = 0; i < batch.length; i += BATCH) {
    const chunk = batch.slice(i, i + BATCH);
    try {
      await db.$transaction(async (tx) => {
        if (!(await mergeChunk(chunk, tx))) throw new Conflict();
      });
    } catch {
      // Another process wrote one of these rows meanwhile (or the transaction failed): one row at a time, with retries.
      for (const entry of chunk) {
        try {
          await persist(entry);
        } catch (error) {
          logFailure(error);
        }
        await yieldToEventLoop();
      }
    }
    // Between transactions, checkout requests waiting on the event loop go first (event-loop.ts).
    await yieldToEventLoop();
  }
  if (now - prunedAt > HOUR_MS) {
    prunedAt = now;
    await db.rateCallbackHour.deleteMany({ where: { hour: { lt: new Date(now - KEEP_DAYS * 24 * HOUR_MS) } } });
  }
}

class Conflict extends Error {}

type Client = Pick<typeof db, "rateCallbackHour">;

/** Adds the entry into its row, read beforehand (null: none yet); false when another writer got there first (a
 *  created row, a moved version). */
async function mergeInto(entry: Pending, row: RateCallbackHour | null, client: Client): Promise<boolean> {
  if (!row) {
    try {
      await client.rateCallbackHour.create({ data: newRow(entry) });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }
  const { count } = await client.rateCallbackHour.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      rates: row.rates + entry.rates, empty: row.empty + entry.empty, errors: row.errors + entry.errors,
      latency: serializeHistogram(addInto(parseHistogram(row.latency), entry.latency)), version: row.version + 1,
    },
  });
  return count === 1;
}

const mergeOnce = async (entry: Pending, client: Client) =>
  mergeInto(entry, await client.rateCallbackHour.findUnique({ where: { shop_hour: { shop: entry.shop, hour: entry.hour } } }), client);

const newRow = (entry: Pending) =>
  ({ shop: entry.shop, hour: entry.hour, rates: entry.rates, empty: entry.empty, errors: entry.errors, latency: serializeHistogram(entry.latency) });

/** A batch's rows read in one query, each entry added into its row, and the shop-hours without one created in one
 *  statement (a fresh process's first flush has a row to create for every shop it heard from: one Prisma query each
 *  cost ~1 ms apiece; ADR 0720, "Twelfth round"); false at the first conflict. */
async function mergeChunk(chunk: Pending[], client: Client): Promise<boolean> {
  const rows = await client.rateCallbackHour.findMany({ where: { OR: chunk.map((e) => ({ shop: e.shop, hour: e.hour })) } });
  const byKey = new Map(rows.map((row) => [`${row.shop}|${row.hour.getTime()}`, row]));
  const fresh: Pending[] = [];
  for (const entry of chunk) {
    const row = byKey.get(`${entry.shop}|${entry.hour.getTime()}`);
    if (!row) fresh.push(entry);
    else if (!(await mergeInto(entry, row, client))) return false;
  }
  if (fresh.length === 0) return true;
  try {
    await client.rateCallbackHour.createMany({ data: fresh.map(newRow) });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // another process created one of them meanwhile
    throw error;
  }
}

async function persist(entry: Pending): Promise<void> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) if (await mergeOnce(entry, db)) return;
  throw new Error("rate callback stats: too many concurrent writers");
}

/** Tests: forget what is counted and not yet written. */
export function discardPendingRateCallbacks(): void {
  pending.clear();
  last = null;
}
