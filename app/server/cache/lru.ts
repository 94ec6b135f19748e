/**
 * A least-recently-used map with a budget: a number of entries, a number of bytes (as `sizeOf` counts them), or
 * both. Every per-process cache keyed by something a stranger can choose (a shop domain, a request body) goes
 * through one of these, so memory stays bounded however many keys arrive (standards: "every cache bounded").
 * Recency is the Map's insertion order: a `get` moves the entry to the end, eviction takes from the front.
 */
export interface LruBudget<K, V> {
  /** At most this many entries (default: unbounded by count; then `maxBytes` must be set). */
  readonly maxEntries?: number;
  /** At most this many bytes in total, each entry counted by `sizeOf` (computed once, when it is set). */
  readonly maxBytes?: number;
  readonly sizeOf?: (value: V, key: K) => number;
  /** Called for every entry pushed out by the budget (not for `delete`/`clear`), e.g. to count evictions. */
  readonly onEvict?: (key: K, value: V) => void;
}

interface Slot<V> { value: V; bytes: number }

const NONE = Symbol("none");

export class LruCache<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private totalBytes = 0;
  /** The most recently used key while it is in the map (a `get` of it has nothing to move), else NONE. */
  private newest: K | typeof NONE = NONE;
  private readonly maxEntries: number;
  private maxBytes: number;

  constructor(private readonly budget: LruBudget<K, V>) {
    this.maxEntries = budget.maxEntries ?? Infinity;
    this.maxBytes = budget.maxBytes ?? Infinity;
    if (!(this.maxEntries >= 1) && !(this.maxBytes >= 1)) throw new RangeError("An LRU cache needs maxEntries or maxBytes of at least 1");
    if (this.maxEntries === Infinity && this.maxBytes === Infinity) throw new RangeError("An LRU cache needs a budget (maxEntries or maxBytes)");
    if (this.maxBytes !== Infinity && !budget.sizeOf) throw new RangeError("maxBytes needs sizeOf");
  }

  get size(): number {
    return this.slots.size;
  }

  /** Total of `sizeOf` over the entries (0 without `sizeOf`). */
  get bytes(): number {
    return this.totalBytes;
  }

  /** The value, made most recently used. */
  get(key: K): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    // A hot key asked again and again (one busy shop) is already last: re-inserting it each time cost more than the
    // lookup, and fills the Map's table with deleted slots that later reads must skip.
    if (key !== this.newest) {
      this.slots.delete(key);
      this.slots.set(key, slot);
      this.newest = key;
    }
    return slot.value;
  }

  /** The value without touching its recency. */
  peek(key: K): V | undefined {
    return this.slots.get(key)?.value;
  }

  has(key: K): boolean {
    return this.slots.has(key);
  }

  /** Stores the value as most recently used and evicts the least recently used until within budget.
   *  A value larger than the whole byte budget is not stored (and any older value under its key is dropped). */
  set(key: K, value: V): this {
    this.delete(key);
    const bytes = this.budget.sizeOf ? this.budget.sizeOf(value, key) : 0;
    if (bytes > this.maxBytes) return this;
    this.slots.set(key, { value, bytes });
    this.newest = key;
    this.totalBytes += bytes;
    this.evict();
    return this;
  }

  delete(key: K): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    if (key === this.newest) this.newest = NONE;
    this.slots.delete(key);
    this.totalBytes -= slot.bytes;
    return true;
  }

  clear(): void {
    this.newest = NONE;
    this.slots.clear();
    this.totalBytes = 0;
  }

  /** The byte budget in force (Infinity without one). */
  get byteBudget(): number {
    return this.maxBytes;
  }

  /** A new byte budget (for a cache sized by bytes), evicting the least recently used at once until within it. A
   *  budget that shrinks when the rest of the process grows is set this way (mapping-store/memory-ceiling.ts). */
  resizeBytes(maxBytes: number): void {
    if (this.budget.maxBytes === undefined) throw new RangeError("resizeBytes needs a cache built with maxBytes");
    if (!(maxBytes >= 1)) throw new RangeError("A byte budget must be at least 1");
    this.maxBytes = maxBytes;
    this.evict();
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.slots.keys();
  }

  private evict(): void {
    while (this.slots.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      const [key, slot] = this.slots.entries().next().value as [K, Slot<V>];
      if (key === this.newest) this.newest = NONE;
      this.slots.delete(key);
      this.totalBytes -= slot.bytes;
      this.budget.onEvict?.(key, slot.value);
    }
  }
}
