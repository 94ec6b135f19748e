/**
 * Every supplier mapping of a shop in memory, so a rate request never queries for known lines; an unknown line is
 * queried once per freshness check, since another process may have just written it (fillMisses, ADR 0720).
 * - First use starts a paged bulk load in the background; until it lands, that shop's lookups query their own
 *   lines (the cold path), so the first checkout never waits for 100,000 rows.
 * - A write in this process (`invalidate`, wired to onMappingsChanged) makes the next lookup wait for a delta
 *   refresh, so it sees the write; lookups already under way keep the answer they read.
 * - Writes by other processes: at most every `pollMs`, a lookup starts (and does not wait for) a check of the
 *   shop's newest `updatedAt` (an index seek), and at most every `countMs` also of its row count (which visits every
 *   row: 6–7 ms for 100,000 on SQLite, whose driver blocks the event loop meanwhile); only when those moved are the
 *   rows changed since the last check (minus `overlapMs` for clock skew between writers) re-read, and the variant
 *   keys swept when rows were deleted. So another process's insert or update arrives within `pollMs`, and a deletion
 *   (which leaves the newest update as it was) within `countMs`.
 * Listeners hear about changes applied by a refresh, so answers derived from the old rows can be dropped.
 * - Memory: the shops' states are an LRU with a byte budget (`maxBytes`, or less when `budgetNow` says the rest of the
 *   process needs the room), each loaded table counted as its own typed arrays' bytes (MappingTable.bytes, ~80–100
 *   bytes a row). The least recently quoted shops are dropped first,
 *   their tables' memory freed at once (MappingTable.release), and work still holding a dropped shop's state stops;
 *   a dropped shop is loaded again on its next lookup, answered meanwhile by the cold path, like a first request.
 */
import { LruCache } from "../../cache/lru";
import { yieldToEventLoop } from "../../event-loop";
import type { MappingFields } from "./mapping-fields";
import type { MappingSource } from "./mapping-source.server";
import { MappingTable, type MappingRecord } from "./mapping-table";

/** `variantNumber`, when given, is the <n> of `variantGid` (gid://shopify/ProductVariant/<n>): a loaded table finds the
 *  row by the number, so the rate callback need not build the GID string for every line (ADR 0720). */
export interface LineKey { readonly variantGid: string | null; readonly sku: string | null; readonly variantNumber?: number }

export interface MappingStoreOptions {
  readonly pollMs?: number;
  /** How often a freshness check also counts the shop's rows (default 60 s); the checks in between read the newest
   *  update only. */
  readonly countMs?: number;
  readonly overlapMs?: number;
  readonly pageSize?: number;
  readonly onError?: (what: string, error: unknown) => void;
  readonly onLoaded?: (shop: string, count: number, ms: number) => void;
  /** Budget of every shop's table together, in estimated bytes (default 256 MB). */
  readonly maxBytes?: number;
  /** The budget in force, given the bytes the tables hold (at most `maxBytes`): asked each time a table lands and a new
   *  shop is counted, so a budget that counts the whole process's memory (memory-ceiling.ts) can shrink as the rest
   *  of the process grows, and grow back. Without it the budget stays `maxBytes`. */
  readonly budgetNow?: (heldBytes: number) => number;
  /** Tests: count each row as this many bytes instead of the table's measured bytes. */
  readonly bytesPerRow?: number;
  readonly onEvicted?: (shop: string, rows: number) => void;
  /** A shop's full table loads on its n-th signed lookup (default 1); before that its lookups take the cold path,
   *  so a shop that asks for rates once in a while never holds its whole table in memory. */
  readonly loadAfterLookups?: number;
  /** Full-table loads running at once (default 2); more wait their turn, their shops answered by the cold path. */
  readonly maxConcurrentLoads?: number;
}

/** A shop's state without its rows (keys, flags, the table's fixed parts). */
const STATE_BYTES = 2_048;

interface ShopState {
  table: MappingTable | null; // null until the bulk load lands
  coldLookups: number;
  loading: Promise<void> | null;
  refreshing: Promise<void> | null;
  stale: boolean;
  watermark: number; // newest updatedAt applied (ms)
  checkedAt: number; // clock time of the last load or freshness check
  countedAt: number; // clock time of the last load or check that counted the rows
  retryAt: number; // a failed refresh of a stale shop is retried no sooner than this
  absent: Set<string>; // line keys a query found unmapped since the freshness check at `absentAt`
  absentAt: number;
  evicted: boolean; // pushed out of the budget: its table is released, and work still holding the state stops
}

const RETRY_MS = 1_000;

/** A line's mapping in a loaded table: by variant first, then by SKU. */
const find = (table: MappingTable, l: LineKey): MappingFields | null =>
  (l.variantNumber !== undefined ? table.byVariantNumber(l.variantNumber) : l.variantGid ? table.byVariantGid(l.variantGid) : null) ?? (l.sku ? table.bySkuValue(l.sku) : null);
/** A line's key in a shop's set of lines known to be unmapped. */
const absentKey = (l: LineKey) => `${l.variantGid ?? ""}\u0000${l.sku ?? ""}`;
/** Line keys remembered as unmapped per shop between freshness checks; past this the set starts again. */
const MAX_ABSENT_KEYS = 256;

export class MappingStore {
  private readonly shops: LruCache<string, ShopState>;
  private readonly listeners = new Set<(shop: string) => void>();
  private readonly pollMs: number;
  private readonly countMs: number;
  private readonly overlapMs: number;
  private readonly pageSize: number;
  private readonly onError: (what: string, error: unknown) => void;
  private readonly onLoaded: (shop: string, count: number, ms: number) => void;
  private readonly maxLoads: number;
  private readonly loadAfter: number;
  private readonly maxBytes: number;
  private readonly budgetNow: ((heldBytes: number) => number) | undefined;
  private activeLoads = 0;
  private readonly loadQueue: (() => void)[] = [];

  constructor(private readonly source: MappingSource, options: MappingStoreOptions = {}) {
    this.pollMs = options.pollMs ?? 10_000;
    this.countMs = options.countMs ?? 60_000;
    this.overlapMs = options.overlapMs ?? 5_000;
    this.pageSize = options.pageSize ?? 2_000;
    this.maxLoads = options.maxConcurrentLoads ?? 2;
    this.loadAfter = options.loadAfterLookups ?? 1;
    this.onError = options.onError ?? (() => undefined);
    this.onLoaded = options.onLoaded ?? (() => undefined);
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.budgetNow = options.budgetNow;
    const bytesPerRow = options.bytesPerRow;
    const tableBytes = (table: MappingTable | null) => (!table ? 0 : bytesPerRow === undefined ? table.bytes : table.size * bytesPerRow);
    this.shops = new LruCache({
      maxBytes: this.maxBytes,
      sizeOf: (state) => STATE_BYTES + tableBytes(state.table),
      onEvict: (shop, state) => {
        options.onEvicted?.(shop, state.table?.size ?? 0);
        // Freed now, not at the next major GC (MappingTable.release); a lookup still holding the state answers
        // from the database, and its load or refresh stops at its next step.
        state.evicted = true;
        state.table?.release();
      },
    });
  }

  /** One mapping (or null) per line: by variant first, then by SKU. No query once the shop is loaded.
   *  `load: false` (an unsigned rate request): a cold shop's lines are queried without starting a load or
   *  keeping any state, so such a request never brings a table into memory. */
  async lookup(shop: string, lines: readonly LineKey[], now: number, options: { load?: boolean } = {}): Promise<(MappingFields | null)[]> {
    if (options.load === false && !this.shops.peek(shop)?.table) return this.queryLines(shop, lines);
    const state = this.stateOf(shop);
    if (!state.table) {
      if (++state.coldLookups >= this.loadAfter) this.load(shop, state, now);
      return this.queryLines(shop, lines);
    }
    // A loop: the refresh in flight may have read the version before the write that made the shop stale.
    if (state.stale) while (state.stale && now >= state.retryAt && !state.evicted) await this.refresh(shop, state, now, true);
    else if (now - state.checkedAt >= this.pollMs) void this.refresh(shop, state, now, false);
    if (state.evicted) return this.queryLines(shop, lines); // evicted while this lookup waited: its table is gone
    const table = state.table;
    const found = lines.map((l) => find(table, l));
    return found.includes(null) ? this.fillMisses(shop, state, lines, found, now) : found;
  }

  /**
   * `lookup`'s answer when memory alone gives it: the shop's table loaded and not stale, and every line found or
   * known unmapped since the last freshness check (as fillMisses would answer without a query). Else undefined, with
   * nothing started: the caller then awaits `lookup`. Lets a warm shop's new cart be quoted within one tick.
   */
  lookupInMemory(shop: string, lines: readonly LineKey[], now: number): (MappingFields | null)[] | undefined {
    const state = this.shops.get(shop);
    if (!state?.table || state.stale) return undefined;
    const found = new Array<MappingFields | null>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      found[i] = find(state.table, line);
      if (found[i] === null && (state.absentAt !== state.checkedAt || state.absent.size >= MAX_ABSENT_KEYS || !state.absent.has(absentKey(line)))) return undefined;
    }
    if (now - state.checkedAt >= this.pollMs) void this.refresh(shop, state, now, false);
    return found;
  }

  /** A mapping write in this process: the next lookup re-reads what changed before answering. */
  invalidate(shop: string): void {
    const state = this.shops.peek(shop);
    if (state) {
      state.stale = true;
      state.retryAt = 0;
    }
  }

  onChanged(listener: (shop: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the shop's load or refresh in flight (if any) is done. For tests and the benchmark. */
  async settled(shop: string): Promise<void> {
    const state = this.shops.peek(shop);
    while (state?.loading || state?.refreshing) await (state.loading ?? state.refreshing);
  }

  loadedSize(shop: string): number | null {
    return this.shops.peek(shop)?.table?.size ?? null;
  }

  /** Estimated bytes of the loaded tables and how many shops are held, against the budget in force. */
  holding(): { bytes: number; shops: number; budget: number } {
    return { bytes: this.shops.bytes, shops: this.shops.size, budget: this.shops.byteBudget };
  }

  clear(): void {
    this.shops.clear();
  }

  private stateOf(shop: string): ShopState {
    let state = this.shops.get(shop);
    if (!state) {
      this.rebudget(); // a new shop is counted against the budget as it is now, which may have grown back
      this.shops.set(shop, (state = { table: null, coldLookups: 0, loading: null, refreshing: null, stale: false, watermark: 0, checkedAt: 0, countedAt: 0, retryAt: 0, absent: new Set(), absentAt: 0, evicted: false }));
    }
    return state;
  }

  private load(shop: string, state: ShopState, now: number): void {
    if (state.loading) return;
    state.stale = false; // a write from here on sets it again and is re-read once the load lands
    state.loading = (async () => {
      await this.loadTurn();
      try {
        // Pushed out of the budget while waiting: nothing to load for (its next lookup starts again).
        if (this.shops.peek(shop) !== state) return;
        await this.loadTable(shop, state, now);
      } finally {
        this.endLoadTurn();
      }
    })()
      .catch((error) => this.onError("load", error))
      .finally(() => (state.loading = null));
  }

  private loadTurn(): Promise<void> {
    if (this.activeLoads < this.maxLoads) {
      this.activeLoads++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.loadQueue.push(resolve));
  }

  private endLoadTurn(): void {
    const next = this.loadQueue.shift();
    if (next) next(); // the turn passes on; activeLoads stays
    else this.activeLoads--;
  }

  private async loadTable(shop: string, state: ShopState, now: number): Promise<void> {
    const started = performance.now();
    const version = await this.source.version(shop); // before the pages: a row written meanwhile is newer
    const table = new MappingTable(version.count);
    for (let after: string | null = null; ; ) {
      const page: MappingRecord[] = await this.source.page(shop, after, this.pageSize);
      if (state.evicted) return table.release(); // pushed out while loading: nothing to keep it for
      for (const record of page) table.upsert(record);
      // Between pages, requests waiting on the event loop go first (SQLite's driver reads synchronously).
      await yieldToEventLoop();
      if (page.length < this.pageSize) break;
      after = page[page.length - 1]!.variantGid;
    }
    if (state.evicted) return table.release();
    table.trim();
    state.table = table;
    state.watermark = version.maxUpdatedAt;
    state.checkedAt = state.countedAt = now;
    // Counted against the whole budget first, then the budget in force is measured with the new table in it: the
    // least recently quoted tables go either way, and a budget that grew back since the last load takes effect now.
    if (this.budgetNow) this.shops.resizeBytes(this.maxBytes);
    this.recount(shop, state);
    this.rebudget();
    this.onLoaded(shop, table.size, performance.now() - started);
  }

  private refresh(shop: string, state: ShopState, now: number, force: boolean): Promise<void> {
    if (state.evicted) return Promise.resolve();
    state.refreshing ??= this.applyChanges(shop, state, now, force)
      .catch((error) => {
        state.retryAt = now + RETRY_MS; // keep serving what is in memory rather than fail checkout
        this.onError("refresh", error);
      })
      .finally(() => (state.refreshing = null));
    return state.refreshing;
  }

  private async applyChanges(shop: string, state: ShopState, now: number, force: boolean): Promise<void> {
    const table = state.table!;
    const wasStale = state.stale;
    state.stale = false;
    try {
      if (!force && now - state.countedAt < this.countMs) {
        const newest = await this.source.newest(shop);
        state.checkedAt = now;
        if (newest <= state.watermark) return;
      }
      const version = await this.source.version(shop);
      state.checkedAt = state.countedAt = now;
      if (!force && version.maxUpdatedAt <= state.watermark && version.count === table.size) return;
      const changed = await this.source.changedSince(shop, state.watermark - this.overlapMs);
      if (state.evicted) return;
      for (const record of changed) table.upsert(record);
      const removed = table.size === version.count ? 0 : table.retainOnly(new Set(await this.source.variantGids(shop)));
      state.watermark = Math.max(state.watermark, version.maxUpdatedAt);
      if (changed.length || removed) {
        this.recount(shop, state);
        for (const listener of this.listeners) listener(shop);
      }
    } catch (error) {
      state.stale ||= wasStale;
      throw error;
    }
  }

  /** Lines the table does not know may have been written by another process (an import in the worker) since the
   *  last freshness check: their own rows are queried (indexed, as on the cold path) once per key and check, and a
   *  row found starts a refresh so the table catches up. Known lines never reach here. */
  private async fillMisses(shop: string, state: ShopState, lines: readonly LineKey[], found: (MappingFields | null)[], now: number): Promise<(MappingFields | null)[]> {
    if (state.absentAt !== state.checkedAt || state.absent.size >= MAX_ABSENT_KEYS) {
      state.absent.clear();
      state.absentAt = state.checkedAt;
    }
    const keys = lines.map(absentKey);
    const ask = lines.flatMap((l, i) => (found[i] === null && !state.absent.has(keys[i]!) ? [i] : []));
    if (!ask.length) return found;
    let rows: (MappingFields | null)[];
    try {
      rows = await this.queryLines(shop, ask.map((i) => lines[i]!));
    } catch (error) {
      this.onError("miss lookup", error);
      return found;
    }
    const answer = found.slice();
    ask.forEach((i, k) => {
      if (rows[k]) answer[i] = rows[k]!;
      else if (state.absentAt === state.checkedAt) state.absent.add(keys[i]!);
    });
    if (rows.some((r) => r !== null)) void this.refresh(shop, state, now, false);
    return answer;
  }

  /** Applies the budget in force now (`budgetNow`), which may evict the least recently quoted tables. */
  private rebudget(): void {
    if (!this.budgetNow) return;
    const budget = Math.min(this.maxBytes, this.budgetNow(this.shops.bytes));
    if (budget !== this.shops.byteBudget) this.shops.resizeBytes(Math.max(1, budget));
  }

  /** Counts the shop's rows against the budget again (the LRU sizes an entry when it is set), which may evict
   *  colder shops, or this one if its table alone is over the whole budget. A state already evicted stays out. */
  private recount(shop: string, state: ShopState): void {
    if (this.shops.peek(shop) === state) this.shops.set(shop, state);
  }

  /** The cold path: at most two indexed queries for this request's lines, nothing cached. */
  private async queryLines(shop: string, lines: readonly LineKey[]): Promise<(MappingFields | null)[]> {
    const variants = lines.flatMap((l) => (l.variantGid ? [l.variantGid] : []));
    const byVariant = new Map((variants.length ? await this.source.forVariants(shop, variants) : []).map((r) => [r.variantGid, r]));
    const skus = lines.flatMap((l) => (l.sku && !(l.variantGid && byVariant.has(l.variantGid)) ? [l.sku] : []));
    const bySku = new Map((skus.length ? await this.source.forSkus(shop, skus) : []).map((r) => [r.shopifySku ?? "", r]));
    return lines.map((l) => (l.variantGid ? byVariant.get(l.variantGid) : undefined) ?? (l.sku ? bySku.get(l.sku) : undefined) ?? null);
  }
}
