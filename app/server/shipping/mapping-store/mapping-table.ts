/**
 * One shop's supplier mappings held in memory as columns of typed arrays (issue #16), so a shop's table is a few
 * dozen ArrayBuffers rather than an object graph, and `bytes` is its exact size:
 * - variant GIDs of the canonical `gid://shopify/ProductVariant/<n>` form are kept as the number <n> (Float64), and
 *   found through an open-addressing hash index; any other GID form (none in practice) goes to a small Map;
 * - SKUs are UTF-8 bytes in one byte heap, found through a second open-addressing index (FNV-1a hash);
 * - flags, HS codes, origins and warehouse codes are interned as small ints per table (warehouse codes are opaque
 *   strings: whatever the mapping's stock JSON uses as keys), stock as (warehouse, quantity) int pairs.
 * Rows are keyed by variant GID (unique per shop, as in the database) and indexed by Shopify SKU. Pure: no I/O.
 */
import type { MappingFields } from "./mapping-fields";

/** A database row as the store loads it: the lookup keys plus the fields the engine needs. */
export interface MappingRecord extends MappingFields {
  readonly variantGid: string;
  readonly shopifySku: string | null;
}

const NULL_INT = -2_147_483_648; // null in an Int32 column; out-of-range values read back as null too, and enrich drops null fields
const MAX_INT = 2_147_483_647;
const EMPTY = -1;
const TOMBSTONE = -2;
const GID_PREFIX = "gid://shopify/ProductVariant/";
const encoder = new TextEncoder();

class StringPool {
  private readonly values: (string | null)[] = [null];
  private readonly ids = new Map<string, number>();
  private chars = 0;
  id(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      this.ids.set(value, (id = this.values.push(value) - 1));
      this.chars += value.length;
    }
    return id;
  }
  value(id: number): string | null {
    return this.values[id]!;
  }
  /** Estimated heap bytes: a Map entry and a string header per value, plus its characters. */
  get bytes(): number {
    return this.values.length * 80 + this.chars * 2;
  }
}

const intOrNull = (v: number | null): number => (v === null || !Number.isInteger(v) || v < NULL_INT + 1 || v > MAX_INT ? NULL_INT : v);
const fromInt = (v: number): number | null => (v === NULL_INT ? null : v);

/** The <n> of a canonical variant GID (as gid.ts writes it), or null for any other form. */
function numericVariant(gid: string): number | null {
  if (!gid.startsWith(GID_PREFIX)) return null;
  const digits = gid.slice(GID_PREFIX.length);
  if (!/^[1-9]\d{0,15}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

function hashNumber(n: number): number {
  const h = Math.imul((n % 4_294_967_296) ^ Math.floor(n / 4_294_967_296), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

function hashBytes(bytes: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

type Column = Int32Array | Float64Array | Uint32Array | Uint8Array | Int16Array;
interface ColumnType<T extends Column> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Columns of at least this many bytes get pages of their own instead of malloc's heap: an ArrayBuffer created with a
 * `maxByteLength` is backed by V8's page allocator (mmap), so freeing it gives its pages back to the system at once.
 * Freed heap chunks stay resident (glibc returns only the heap's top): 400 MB of 10,000-row tables, half of them then
 * released, kept all 608 MB of RSS; with paged columns the same fell from 301 to 175 MB (ADR 0723). Smaller columns
 * stay on the heap: a page each would waste more than they hold, and thousands of them would add up in the process's
 * memory mappings.
 */
export const PAGED_COLUMN_BYTES = 32 * 1024;
const PAGE_BYTES = 4096;

type ArrayBufferWithOptions = new (length: number, options: { maxByteLength: number }) => ArrayBuffer;

function column<T extends Column>(type: ColumnType<T>, length: number, fill?: number): T {
  const bytes = length * type.BYTES_PER_ELEMENT;
  const array = bytes < PAGED_COLUMN_BYTES ? new type(length) : new type(new (ArrayBuffer as ArrayBufferWithOptions)(bytes, { maxByteLength: bytes }), 0, length);
  if (fill !== undefined && fill !== 0) array.fill(fill);
  return array;
}

/** The column's memory as the system counts it: a paged column occupies whole pages. */
const residentBytes = (array: Column): number =>
  array.byteLength < PAGED_COLUMN_BYTES ? array.byteLength : Math.ceil(array.byteLength / PAGE_BYTES) * PAGE_BYTES;

/** Frees a column the table no longer uses now rather than at the next major GC (detaching it: a view anyone still
 *  holds reads as empty). */
function free(array: Column): void {
  (array.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

/** A longer copy of the column (the rest zero, or `fill`); the old one is freed. */
function grown<T extends Column>(array: T, length: number, fill?: number): T {
  const next = column(array.constructor as unknown as ColumnType<T>, length);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  free(array);
  return next;
}

/** The column's first `length` elements, in a column of their own; the old one is freed. */
function shrunk<T extends Column>(array: T, length: number): T {
  const next = column(array.constructor as unknown as ColumnType<T>, length);
  next.set(array.subarray(0, length));
  free(array);
  return next;
}

/** Stock as the engine reads it: integer quantities of 0 and up by warehouse code (enrich drops anything else). */
function stockEntries(stock: unknown): [string, number][] {
  if (!stock || typeof stock !== "object" || Array.isArray(stock)) return [];
  const out: [string, number][] = [];
  for (const [code, quantity] of Object.entries(stock as Record<string, unknown>)) {
    if (typeof quantity === "number" && Number.isInteger(quantity) && quantity >= 0) out.push([code, Math.min(quantity, MAX_INT)]);
  }
  return out;
}

export class MappingTable {
  private capacity = 0;
  private rows = 0; // rows used (live or free)
  private live = 0;
  private readonly free: number[] = [];
  private variantNum = new Float64Array(0); // NaN: free row or a non-canonical GID (in `otherVariantRow`)
  private weight = new Int32Array(0);
  private length = new Int32Array(0);
  private width = new Int32Array(0);
  private height = new Int32Array(0);
  private codes = new Uint32Array(0); // 3 per row: flags, HS code, origin (pool ids)
  private skuStart = new Int32Array(0);
  private skuLength = new Int16Array(0); // -1: no SKU
  private skuHeap = new Uint8Array(0);
  private skuHeapUsed = 0;
  private stockStart = new Int32Array(0); // into stockCells, in pairs (warehouse pool id, quantity)
  private stockCount = new Uint8Array(0);
  private stockRoom = new Uint8Array(0); // pairs reserved at stockStart, reused by an update with as many or fewer
  private stockCells = new Int32Array(0);
  private stockCellsUsed = 0;
  private readonly pool = new StringPool();
  private readonly otherVariantRow = new Map<string, number>();
  private readonly otherVariantOf = new Map<number, string>();
  private variantIndex = new Int32Array(0); // open addressing, power-of-two size; row or EMPTY/TOMBSTONE
  private skuIndex = new Int32Array(0);
  private scratch = new Uint8Array(256);
  private tombstones = 0;

  /** `expectedRows`: the row count about to be loaded, so the columns are sized once. */
  constructor(expectedRows = 0) {
    if (expectedRows > 0) this.reserve(expectedRows);
  }

  get size(): number {
    return this.live;
  }

  /** The table's memory: every column's bytes (allocated capacity), the indexes, the pooled strings. */
  get bytes(): number {
    const arrays = [this.variantNum, this.weight, this.length, this.width, this.height, this.codes, this.skuStart, this.skuLength, this.skuHeap,
      this.stockStart, this.stockCount, this.stockRoom, this.stockCells, this.variantIndex, this.skuIndex, this.scratch];
    let total = 512 + this.pool.bytes + (this.otherVariantRow.size + this.free.length / 8) * 120;
    for (const a of arrays) total += residentBytes(a);
    return total;
  }

  /** Inserts or replaces the mapping of `record.variantGid`. */
  upsert(record: MappingRecord): void {
    const num = numericVariant(record.variantGid);
    let row = num === null ? this.otherVariantRow.get(record.variantGid) ?? -1 : this.findVariant(num);
    if (row < 0) {
      row = this.free.pop() ?? this.grow();
      this.live++;
      if (num === null) {
        this.variantNum[row] = NaN;
        this.otherVariantRow.set(record.variantGid, row);
        this.otherVariantOf.set(row, record.variantGid);
      } else {
        this.variantNum[row] = num;
        this.indexVariant(num, row);
      }
      this.skuLength[row] = -1;
      this.stockCount[row] = 0;
      this.stockRoom[row] = 0;
    } else if (this.skuOf(row) !== record.shopifySku) this.unindexSku(row);
    this.weight[row] = intOrNull(record.weightGrams);
    this.length[row] = intOrNull(record.lengthMm);
    this.width[row] = intOrNull(record.widthMm);
    this.height[row] = intOrNull(record.heightMm);
    this.codes[row * 3] = this.pool.id(record.flags);
    this.codes[row * 3 + 1] = this.pool.id(record.hsCode);
    this.codes[row * 3 + 2] = this.pool.id(record.originCountry);
    this.setStock(row, stockEntries(record.stock));
    // A SKU shared by several mappings resolves to the one written last, as a per-SKU query's last row did.
    if (record.shopifySku) {
      if (this.skuOf(row) !== record.shopifySku) this.storeSku(row, record.shopifySku);
      this.indexSku(row);
    }
  }

  /** Drops every mapping whose variant GID is not in `live` (rows deleted in the database). Returns how many. */
  retainOnly(liveGids: ReadonlySet<string>): number {
    const keep = new Set<number>();
    for (const gid of liveGids) {
      const num = numericVariant(gid);
      if (num !== null) keep.add(num);
    }
    let removed = 0;
    for (let row = 0; row < this.rows; row++) {
      if (!this.isLive(row)) continue;
      const num = this.variantNum[row]!;
      const other = this.otherVariantOf.get(row);
      if (other === undefined ? keep.has(num) : liveGids.has(other)) continue;
      if (other !== undefined) {
        this.otherVariantRow.delete(other);
        this.otherVariantOf.delete(row);
      }
      this.variantNum[row] = NaN;
      this.skuLength[row] = -1;
      this.stockCount[row] = 0;
      this.free.push(row);
      this.live--;
      removed++;
    }
    if (removed) this.rebuildIndexes();
    return removed;
  }

  byVariantGid(variantGid: string): MappingFields | null {
    const num = numericVariant(variantGid);
    const row = num === null ? this.otherVariantRow.get(variantGid) ?? -1 : this.findVariant(num);
    return row < 0 ? null : this.fields(row);
  }

  /** The mapping of `gid://shopify/ProductVariant/<variant>`, without building that string (the rate callback's
   *  lines carry the number). Same answer as byVariantGid for every canonical GID. */
  byVariantNumber(variant: number): MappingFields | null {
    if (!Number.isSafeInteger(variant) || variant < 1) return this.byVariantGid(GID_PREFIX + String(variant));
    const row = this.findVariant(variant);
    return row < 0 ? null : this.fields(row);
  }

  bySkuValue(sku: string): MappingFields | null {
    const row = this.findSku(sku);
    return row < 0 ? null : this.fields(row);
  }

  private fields(row: number): MappingFields {
    let stock: Record<string, number> | null = null;
    const count = this.stockCount[row]!;
    if (count) {
      stock = {};
      for (let i = 0, at = this.stockStart[row]! * 2; i < count; i++, at += 2) stock[this.pool.value(this.stockCells[at]!)!] = this.stockCells[at + 1]!;
      Object.freeze(stock); // enrich.ts takes a frozen stock object as already checked
    }
    return {
      weightGrams: fromInt(this.weight[row]!), lengthMm: fromInt(this.length[row]!), widthMm: fromInt(this.width[row]!), heightMm: fromInt(this.height[row]!),
      flags: this.pool.value(this.codes[row * 3]!) ?? "", hsCode: this.pool.value(this.codes[row * 3 + 1]!), originCountry: this.pool.value(this.codes[row * 3 + 2]!),
      stock,
    };
  }

  private isLive(row: number): boolean {
    return !Number.isNaN(this.variantNum[row]!) || this.otherVariantOf.has(row);
  }

  private setStock(row: number, entries: [string, number][]): void {
    const count = Math.min(entries.length, 255);
    if (count > this.stockRoom[row]!) {
      const pairs = this.stockCellsUsed / 2;
      if (this.stockCellsUsed + count * 2 > this.stockCells.length) this.stockCells = grown(this.stockCells, Math.max(1024, (this.stockCellsUsed + count * 2) * 2));
      this.stockStart[row] = pairs;
      this.stockRoom[row] = count;
      this.stockCellsUsed += count * 2;
    }
    for (let i = 0, at = this.stockStart[row]! * 2; i < count; i++, at += 2) {
      this.stockCells[at] = this.pool.id(entries[i]![0]);
      this.stockCells[at + 1] = entries[i]![1];
    }
    this.stockCount[row] = count;
  }

  private skuOf(row: number): string | null {
    const length = this.skuLength[row]!;
    if (length < 0) return null;
    return Buffer.from(this.skuHeap.buffer, this.skuHeap.byteOffset + this.skuStart[row]!, length).toString("utf8");
  }

  /** Encodes straight into the heap (no per-SKU buffer); SKUs beyond 32,767 bytes are cut (Shopify allows 255 chars). */
  private storeSku(row: number, sku: string): void {
    const room = sku.length * 3;
    if (this.skuHeapUsed + room > this.skuHeap.length) this.skuHeap = grown(this.skuHeap, Math.max(4096, (this.skuHeapUsed + room) * 2));
    const length = Math.min(encoder.encodeInto(sku, this.skuHeap.subarray(this.skuHeapUsed)).written, 32_767);
    this.skuStart[row] = this.skuHeapUsed;
    this.skuLength[row] = length;
    this.skuHeapUsed += length;
  }

  private grow(): number {
    if (this.rows === this.capacity) this.reserve(Math.max(1024, this.capacity * 2));
    return this.rows++;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.capacity = capacity;
    this.variantNum = grown(this.variantNum, capacity, NaN);
    this.weight = grown(this.weight, capacity);
    this.length = grown(this.length, capacity);
    this.width = grown(this.width, capacity);
    this.height = grown(this.height, capacity);
    this.codes = grown(this.codes, capacity * 3);
    this.skuStart = grown(this.skuStart, capacity);
    this.skuLength = grown(this.skuLength, capacity, -1);
    this.stockStart = grown(this.stockStart, capacity);
    this.stockCount = grown(this.stockCount, capacity);
    this.stockRoom = grown(this.stockRoom, capacity);
    this.rebuildIndexes();
  }

  /**
   * Frees every column now and leaves an empty table (finds nothing, counts ~0 bytes). For a table the store has
   * dropped: its typed arrays would otherwise stay allocated until a major GC finds them, and under eviction churn
   * ~100 MB of dropped tables waited so beside the budget's (ADR 0720, "Tenth round"). Detaching a buffer
   * (`ArrayBuffer.prototype.transfer(0)`) frees its memory at once; a view of it anyone still holds reads as empty.
   */
  release(): void {
    for (const array of [this.variantNum, this.weight, this.length, this.width, this.height, this.codes, this.skuStart, this.skuLength, this.skuHeap,
      this.stockStart, this.stockCount, this.stockRoom, this.stockCells, this.variantIndex, this.skuIndex, this.scratch]) free(array);
    this.variantNum = new Float64Array(0);
    this.weight = new Int32Array(0);
    this.length = new Int32Array(0);
    this.width = new Int32Array(0);
    this.height = new Int32Array(0);
    this.codes = new Uint32Array(0);
    this.skuStart = new Int32Array(0);
    this.skuLength = new Int16Array(0);
    this.skuHeap = new Uint8Array(0);
    this.stockStart = new Int32Array(0);
    this.stockCount = new Uint8Array(0);
    this.stockRoom = new Uint8Array(0);
    this.stockCells = new Int32Array(0);
    this.variantIndex = new Int32Array(0);
    this.skuIndex = new Int32Array(0);
    this.scratch = new Uint8Array(256);
    this.capacity = this.rows = this.live = this.skuHeapUsed = this.stockCellsUsed = this.tombstones = 0;
    this.free.length = 0;
    this.otherVariantRow.clear();
    this.otherVariantOf.clear();
  }

  /** After a bulk load: the SKU heap and stock cells shrink to what they hold (they grow by doubling). */
  trim(): void {
    if (this.skuHeap.length > this.skuHeapUsed) this.skuHeap = shrunk(this.skuHeap, this.skuHeapUsed);
    if (this.stockCells.length > this.stockCellsUsed) this.stockCells = shrunk(this.stockCells, this.stockCellsUsed);
  }

  // ---- open-addressing indexes (load factor ≤ 3/4 with tombstones; rebuilt on growth and after deletions) ----

  private rebuildIndexes(): void {
    let slots = 16;
    while (slots < this.capacity * 1.34) slots *= 2;
    free(this.variantIndex);
    free(this.skuIndex);
    this.variantIndex = column(Int32Array, slots, EMPTY);
    this.skuIndex = column(Int32Array, slots, EMPTY);
    this.tombstones = 0;
    for (let row = 0; row < this.rows; row++) {
      if (!this.isLive(row)) continue;
      if (!Number.isNaN(this.variantNum[row]!)) this.indexVariant(this.variantNum[row]!, row);
      if (this.skuLength[row]! >= 0) this.indexSku(row); // in row order: a shared SKU ends on its last row, as before
    }
  }

  private findVariant(num: number): number {
    const mask = this.variantIndex.length - 1;
    if (mask < 0) return -1;
    for (let slot = hashNumber(num) & mask; ; slot = (slot + 1) & mask) {
      const row = this.variantIndex[slot]!;
      if (row === EMPTY) return -1;
      if (row >= 0 && this.variantNum[row] === num) return row;
    }
  }

  private indexVariant(num: number, row: number): void {
    const mask = this.variantIndex.length - 1;
    let slot = hashNumber(num) & mask;
    while (this.variantIndex[slot]! >= 0) slot = (slot + 1) & mask;
    this.variantIndex[slot] = row;
  }

  private sameSku(row: number, bytes: Uint8Array, length: number): boolean {
    if (this.skuLength[row] !== length) return false;
    const start = this.skuStart[row]!;
    for (let i = 0; i < length; i++) if (this.skuHeap[start + i] !== bytes[i]) return false;
    return true;
  }

  /** The slot holding a row with these SKU bytes, or -1. */
  private skuSlot(bytes: Uint8Array, length: number): number {
    const mask = this.skuIndex.length - 1;
    if (mask < 0) return -1;
    for (let slot = hashBytes(bytes, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const row = this.skuIndex[slot]!;
      if (row === EMPTY) return -1;
      if (row >= 0 && this.sameSku(row, bytes, length)) return slot;
    }
  }

  private encodeQuery(sku: string): number {
    if (sku.length * 3 > this.scratch.length) this.scratch = new Uint8Array(sku.length * 3);
    return Math.min(encoder.encodeInto(sku, this.scratch).written, 32_767);
  }

  private findSku(sku: string): number {
    const length = this.encodeQuery(sku);
    const slot = this.skuSlot(this.scratch, length);
    return slot < 0 ? -1 : this.skuIndex[slot]!;
  }

  /** Points the row's SKU at this row (replacing another row with the same SKU). */
  private indexSku(row: number): void {
    const length = this.skuLength[row]!;
    const start = this.skuStart[row]!;
    const bytes = this.skuHeap.subarray(start, start + length);
    const existing = this.skuSlot(bytes, length);
    if (existing >= 0) {
      this.skuIndex[existing] = row;
      return;
    }
    const mask = this.skuIndex.length - 1;
    let slot = hashBytes(bytes, 0, length) & mask;
    while (this.skuIndex[slot]! >= 0) slot = (slot + 1) & mask;
    this.skuIndex[slot] = row;
  }

  /** Before a row's SKU changes: the old SKU moves to another row that has it, or leaves the index. */
  private unindexSku(row: number): void {
    const length = this.skuLength[row]!;
    if (length < 0) return;
    const start = this.skuStart[row]!;
    const bytes = this.skuHeap.slice(start, start + length);
    const slot = this.skuSlot(bytes, length);
    this.skuLength[row] = -1;
    if (slot < 0 || this.skuIndex[slot] !== row) return;
    this.skuIndex[slot] = TOMBSTONE;
    if (++this.tombstones > this.skuIndex.length / 8) this.rebuildIndexes();
    for (let other = this.rows - 1; other >= 0; other--) {
      if (other !== row && this.isLive(other) && this.sameSku(other, bytes, length)) {
        this.indexSku(other);
        return;
      }
    }
  }
}
