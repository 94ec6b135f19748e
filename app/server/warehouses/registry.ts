/**
 * The warehouse registry as a value (ADR 2000): pure, built from the table's rows (or the seed). Stock, rate
 * routing and fulfillment speak registry ids; suppliers' own codes are translated here and nowhere else.
 */
import type { Warehouse } from "../shipping/engine/card-types";
import type { WarehouseSeed } from "./registry-seed";

export type RegistryEntry = WarehouseSeed;
export interface SupplierCodeRow { readonly supplier: string; readonly code: string; readonly warehouseId: string }

export class WarehouseRegistry {
  private readonly byId: ReadonlyMap<string, RegistryEntry>;
  private readonly toId = new Map<string, string>(); // `${supplier}|${code}` → id
  private readonly toCode = new Map<string, string>(); // `${supplier}|${id}` → the supplier's first code for it

  constructor(entries: readonly RegistryEntry[], codes: readonly SupplierCodeRow[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    for (const row of codes) {
      if (!this.byId.has(row.warehouseId)) continue; // a code for a warehouse nobody registered is ignored
      this.toId.set(`${row.supplier}|${row.code}`, row.warehouseId);
      if (!this.toCode.has(`${row.supplier}|${row.warehouseId}`)) this.toCode.set(`${row.supplier}|${row.warehouseId}`, row.code);
    }
  }

  all(): readonly RegistryEntry[] {
    return [...this.byId.values()];
  }

  get(id: string): RegistryEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * The registry id for a supplier's code. A code that already is a registry id (stock written after the
   * migration, a request built from a mapping) maps to itself; an unknown code comes back unchanged so no stock
   * is lost, and routes nowhere until a row names it.
   */
  idFor(supplier: string, code: string): string {
    return this.toId.get(`${supplier}|${code}`) ?? code;
  }

  /** The supplier's own code for a registry id (CJ "US" for US-LA); ids the supplier has no code for pass through. */
  codeFor(supplier: string, id: string): string {
    return this.toCode.get(`${supplier}|${id}`) ?? id;
  }

  /** A stock report keyed by the supplier's codes, keyed by registry ids (quantities of one id are added). */
  stockToIds<T extends number | null>(supplier: string, stock: Readonly<Record<string, T>>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [code, qty] of Object.entries(stock)) {
      const id = this.idFor(supplier, code);
      const before = out[id];
      out[id] = (before === undefined ? qty : before === null || qty === null ? (before ?? qty) : before + qty) as T;
    }
    return out;
  }

  /**
   * Every supplier code that names one warehouse unambiguously (whatever the supplier), for lookups that do not
   * know the supplier: import-list rows saved before the registry still carry "US" or "CN".
   */
  unambiguousCodes(): ReadonlyMap<string, string> {
    const seen = new Map<string, string | null>();
    for (const [key, id] of this.toId) {
      const code = key.slice(key.indexOf("|") + 1);
      if (this.byId.has(code)) continue; // a registry id is never an alias of another warehouse
      seen.set(code, seen.has(code) && seen.get(code) !== id ? null : id);
    }
    return new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
  }

  /** The rate engine's warehouses: each registry warehouse with the rate-card lines that ship from it. */
  engineWarehouses(): Warehouse[] {
    return this.all().map((w) => ({
      code: w.id, name: w.name, country: w.country, timeZone: w.timeZone, kind: w.kind, serves: w.serves,
      ...(w.rateCards.length > 0 ? { services: w.rateCards } : {}),
    }));
  }

  /** Warehouses with a Silkroute fulfillment service of their own (consolidation ones have theirs elsewhere). */
  withLocations(): readonly RegistryEntry[] {
    return this.all().filter((w) => w.locationName !== null && w.address !== null);
  }
}
