/**
 * One shop's supplier mappings held in memory, column-wise: sizes in typed arrays, repeated strings (flags,
 * HS codes, origins) pooled, so 100,000 mappings cost a few tens of bytes each plus their keys. Rows are keyed
 * by variant GID (unique per shop, as in the database) and indexed by Shopify SKU. Pure: no I/O.
 */
import type { MappingFields } from "./mapping-fields";

/** A database row as the store loads it: the lookup keys plus the fields the engine needs. */
export interface MappingRecord extends MappingFields {
  readonly variantGid: string;
  readonly shopifySku: string | null;
}

const NULL_INT = -2_147_483_648; // null in an Int32 column; out-of-range values read back as null too, and enrich drops null fields

class StringPool {
  private readonly values: (string | null)[] = [null];
  private readonly ids = new Map<string, number>();
  id(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.values.push(value) - 1));
    return id;
  }
  value(id: number): string | null {
    return this.values[id]!;
  }
}

const intOrNull = (v: number | null): number => (v === null || !Number.isInteger(v) || v < NULL_INT + 1 || v > 2_147_483_647 ? NULL_INT : v);
const fromInt = (v: number): number | null => (v === NULL_INT ? null : v);

export class MappingTable {
  private capacity = 0;
  private rows = 0;
  private readonly free: number[] = [];
  private weight = new Int32Array(0);
  private length = new Int32Array(0);
  private width = new Int32Array(0);
  private height = new Int32Array(0);
  private strings = new Uint32Array(0); // 3 per row: flags, HS code, origin (pool ids)
  private stock: unknown[] = [];
  private variantOf: (string | null)[] = [];
  private skuOf: (string | null)[] = [];
  private readonly pool = new StringPool();
  private readonly byVariant = new Map<string, number>();
  private bySku = new Map<string, number>();

  get size(): number {
    return this.byVariant.size;
  }

  /** Inserts or replaces the mapping of `record.variantGid`. */
  upsert(record: MappingRecord): void {
    let row = this.byVariant.get(record.variantGid);
    if (row === undefined) {
      row = this.free.pop() ?? this.grow();
      this.byVariant.set(record.variantGid, row);
      this.variantOf[row] = record.variantGid;
    } else if (this.skuOf[row] !== record.shopifySku) this.unindexSku(row);
    this.weight[row] = intOrNull(record.weightGrams);
    this.length[row] = intOrNull(record.lengthMm);
    this.width[row] = intOrNull(record.widthMm);
    this.height[row] = intOrNull(record.heightMm);
    this.strings[row * 3] = this.pool.id(record.flags);
    this.strings[row * 3 + 1] = this.pool.id(record.hsCode);
    this.strings[row * 3 + 2] = this.pool.id(record.originCountry);
    this.stock[row] = record.stock ?? null;
    this.skuOf[row] = record.shopifySku;
    // A SKU shared by several mappings resolves to the one written last, as a per-SKU query's last row did.
    if (record.shopifySku) this.bySku.set(record.shopifySku, row);
  }

  /** Drops every mapping whose variant GID is not in `live` (rows deleted in the database). Returns how many. */
  retainOnly(live: ReadonlySet<string>): number {
    let removed = 0;
    for (const [variantGid, row] of this.byVariant) {
      if (live.has(variantGid)) continue;
      this.byVariant.delete(variantGid);
      this.variantOf[row] = null;
      this.skuOf[row] = null;
      this.stock[row] = null;
      this.free.push(row);
      removed++;
    }
    if (removed) this.reindexSkus();
    return removed;
  }

  byVariantGid(variantGid: string): MappingFields | null {
    const row = this.byVariant.get(variantGid);
    return row === undefined ? null : this.fields(row);
  }

  bySkuValue(sku: string): MappingFields | null {
    const row = this.bySku.get(sku);
    return row === undefined ? null : this.fields(row);
  }

  private fields(row: number): MappingFields {
    return {
      weightGrams: fromInt(this.weight[row]!), lengthMm: fromInt(this.length[row]!), widthMm: fromInt(this.width[row]!), heightMm: fromInt(this.height[row]!),
      flags: this.pool.value(this.strings[row * 3]!) ?? "", hsCode: this.pool.value(this.strings[row * 3 + 1]!), originCountry: this.pool.value(this.strings[row * 3 + 2]!),
      stock: this.stock[row] as MappingFields["stock"],
    };
  }

  private grow(): number {
    if (this.rows === this.capacity) {
      this.capacity = Math.max(1024, this.capacity * 2);
      const widen = (a: Int32Array) => {
        const next = new Int32Array(this.capacity);
        next.set(a);
        return next;
      };
      this.weight = widen(this.weight);
      this.length = widen(this.length);
      this.width = widen(this.width);
      this.height = widen(this.height);
      const strings = new Uint32Array(this.capacity * 3);
      strings.set(this.strings);
      this.strings = strings;
    }
    return this.rows++;
  }

  private unindexSku(row: number): void {
    const sku = this.skuOf[row];
    if (sku && this.bySku.get(sku) === row) {
      this.bySku.delete(sku);
      for (let other = 0; other < this.rows; other++) if (other !== row && this.skuOf[other] === sku) this.bySku.set(sku, other);
    }
  }

  private reindexSkus(): void {
    this.bySku = new Map();
    for (let row = 0; row < this.rows; row++) {
      const sku = this.skuOf[row];
      if (sku && this.variantOf[row] !== null) this.bySku.set(sku, row);
    }
  }
}
