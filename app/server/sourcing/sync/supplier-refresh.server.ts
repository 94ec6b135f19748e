import type { VariantMappingRow } from "../variant-mappings.server";
import type { SupplierAdapter } from "../../suppliers/supplier-adapter";
import type { Money } from "../../money";

export interface FreshSupplierState {
  stock: Record<string, number>;
  cost: Money | null;
  error: string | null;
}

const CHUNK = 50;

/**
 * Current stock per warehouse and unit cost for mapped supplier variants, asked per warehouse the mapping
 * already knows (the product's warehouses otherwise). A warehouse that fails keeps no entry, never zero.
 */
export async function refreshFromSupplier(adapter: SupplierAdapter, mappings: readonly VariantMappingRow[], sku: (m: VariantMappingRow) => string): Promise<Map<string, FreshSupplierState>> {
  const out = new Map<string, FreshSupplierState>(mappings.map((m) => [m.id, { stock: {}, cost: null, error: null }]));
  const warehousesOf = new Map<string, string[]>();
  for (const m of mappings) {
    let codes = Object.keys((m.stock as Record<string, number> | null) ?? {});
    if (codes.length === 0) {
      const product = await adapter.getProduct(m.supplierProductId);
      codes = product.ok ? [...product.value.warehouses] : [];
      if (!product.ok) out.get(m.id)!.error = product.error.message;
    }
    warehousesOf.set(m.id, codes);
  }
  const allCodes = [...new Set([...warehousesOf.values()].flat())];
  for (const code of allCodes) {
    const wanted = mappings.filter((m) => warehousesOf.get(m.id)!.includes(code));
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const chunk = wanted.slice(i, i + CHUNK);
      const answer = await adapter.getAvailability({ supplierVariantIds: chunk.map(sku), location: { kind: "warehouse", code } });
      for (const m of chunk) {
        const state = out.get(m.id)!;
        if (!answer.ok) { state.error = answer.error.message; continue; }
        const a = answer.value.find((x) => x.supplierVariantId === sku(m));
        if (!a) continue;
        state.stock[code] = a.state === "out_of_stock" ? 0 : a.quantity ?? 0;
        if (a.cost && (!state.cost || a.cost.amount < state.cost.amount)) state.cost = a.cost;
      }
    }
  }
  return out;
}
