import type { SupplierAdapter } from "../../suppliers/supplier-adapter";
import type { Money } from "../../money";
import type { SupplierFacts } from "./sync-plan";

/**
 * SKUs per availability call, from each supplier's published limits: the sandbox answers up to 100; JD VOP's
 * getNewStockById and getSellPrice take up to 100 SKUs (reference/supplier-contracts/jd-contract.json);
 * CJ's stock/queryByVid takes one vid per call at 1 QPS (cj-contract.json), so CJ leans on its webhooks.
 */
export const SUPPLIER_BATCH: Record<string, number> = { sandbox: 100, jd: 100, cj: 1 };
const CONCURRENCY: Record<string, number> = { sandbox: 4, jd: 2, cj: 1 };

export interface SkuToRead {
  key: string; // the caller's id for this SKU (mapping id)
  supplierSku: string;
  /** Warehouses the SKU is stocked in at the supplier (from the last read or the import). */
  warehouses: readonly string[];
}

/**
 * Fresh cost and stock for SKUs, one warehouse at a time, in the supplier's batch size. A batch that fails
 * makes its SKUs "unknown" (never 0); a SKU missing from a successful answer is unknown too.
 */
export async function readSupplier(adapter: SupplierAdapter, skus: readonly SkuToRead[], onBatch?: () => Promise<void>): Promise<Map<string, SupplierFacts>> {
  const code = adapter.descriptor.code;
  const size = SUPPLIER_BATCH[code] ?? 50;
  const stock = new Map<string, Record<string, number>>();
  const cost = new Map<string, Money>();
  const failed = new Map<string, string>();
  const tasks: Array<() => Promise<void>> = [];
  const byWarehouse = new Map<string, SkuToRead[]>();
  for (const sku of skus) {
    if (sku.warehouses.length === 0) failed.set(sku.key, "no warehouse known for this SKU");
    for (const w of sku.warehouses) byWarehouse.set(w, [...(byWarehouse.get(w) ?? []), sku]);
  }
  for (const [warehouse, list] of byWarehouse) {
    for (let i = 0; i < list.length; i += size) {
      const chunk = list.slice(i, i + size);
      tasks.push(async () => {
        const answer = await adapter.getAvailability({ supplierVariantIds: chunk.map((s) => s.supplierSku), location: { kind: "warehouse", code: warehouse } });
        if (!answer.ok) { for (const s of chunk) failed.set(s.key, answer.error.message); return; }
        const found = new Map(answer.value.map((a) => [a.supplierVariantId, a]));
        for (const s of chunk) {
          const a = found.get(s.supplierSku);
          if (!a) { failed.set(s.key, "missing from the supplier's answer"); continue; }
          // A hidden count (JD shows counts only below 5) is published as 0, never guessed (ADR 0800).
          // Keyed as the answer names the warehouse: a registry id (ADR 2000), even if the mapping held an older code.
          const where = a.location.kind === "warehouse" ? a.location.code : warehouse;
          stock.set(s.key, { ...(stock.get(s.key) ?? {}), [where]: a.state === "out_of_stock" ? 0 : a.quantity ?? 0 });
          const prev = cost.get(s.key);
          if (a.cost && (!prev || a.cost.amount < prev.amount)) cost.set(s.key, a.cost);
        }
        await onBatch?.();
      });
    }
  }
  await runPool(tasks, CONCURRENCY[code] ?? 2);
  const out = new Map<string, SupplierFacts>();
  for (const sku of skus) {
    const error = failed.get(sku.key);
    out.set(sku.key, error ? { kind: "unknown", error } : { kind: "ok", stock: stock.get(sku.key) ?? {}, cost: cost.get(sku.key) ?? null });
  }
  return out;
}

async function runPool(tasks: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => { while (next < tasks.length) await tasks[next++]!(); };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}
