import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { RECONCILE_BULK_QUERY, SYNC_BULK_OPERATION, SYNC_BULK_QUERY_RUN } from "./sync-operations";
import { observeLevel, observePrice } from "./shopify-edits.server";

/** Starts the daily reconciliation; a delayed job checks on it. */
export const RECONCILE_QUEUE = "sourcing.sync-reconcile";
export interface ReconcilePayload { shop: string; bulkOperationGid?: string }

export async function startReconciliation(admin: AdminClient): Promise<string> {
  const { bulkOperationRunQuery } = await admin.request(SYNC_BULK_QUERY_RUN, { query: RECONCILE_BULK_QUERY });
  if (!bulkOperationRunQuery?.bulkOperation) throw new Error("bulkOperationRunQuery returned no operation");
  return bulkOperationRunQuery.bulkOperation.id;
}

export interface ReconcileResult { variants: number; priceLocks: number; stockLocks: number; recorded: number }

/**
 * Reads the bulk result (JSONL: a line per variant, a line per inventory level with `__parentId`) and
 * brings our "what Shopify holds" in line with it: sales lower the stock we compare against, edits by the
 * merchant lock the field, exactly as the webhooks do. Returns null while the operation still runs.
 */
export async function finishReconciliation(shop: string, admin: AdminClient, bulkOperationGid: string, fetchFile: typeof fetch = fetch): Promise<ReconcileResult | null> {
  const { node } = await admin.request(SYNC_BULK_OPERATION, { id: bulkOperationGid });
  if (!node || !("status" in node)) throw new Error(`No bulk operation ${bulkOperationGid}`);
  if (node.status === "CREATED" || node.status === "RUNNING") return null;
  const result: ReconcileResult = { variants: 0, priceLocks: 0, stockLocks: 0, recorded: 0 };
  if (node.status !== "COMPLETED" || !node.url) {
    await markReconciled(shop);
    return result; // no variants (no file) or a failed operation: tomorrow's run tries again
  }
  const text = await (await fetchFile(node.url)).text();
  const variants = new Map<string, { price: string; compareAtPrice: string | null; itemId: string | null; levels: Map<string, number> }>();
  const itemToVariant = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id?: string; price?: string; compareAtPrice?: string | null; inventoryItem?: { id: string }; location?: { id: string }; quantities?: Array<{ quantity: number }>; __parentId?: string };
    if (row.id && row.price !== undefined) {
      variants.set(row.id, { price: row.price, compareAtPrice: row.compareAtPrice ?? null, itemId: row.inventoryItem?.id ?? null, levels: new Map() });
      if (row.inventoryItem) itemToVariant.set(row.inventoryItem.id, row.id);
    } else if (row.location && row.__parentId) {
      variants.get(row.__parentId)?.levels.set(row.location.id, row.quantities?.[0]?.quantity ?? 0);
    }
  }
  const mappings = await db.variantMapping.findMany({ where: { shop, inventoryItemGid: { not: null } } });
  const pending = await db.syncChange.findMany({ where: { shop, status: "pending" }, select: { mappingId: true, field: true, toValue: true } });
  for (const m of mappings) {
    const seen = variants.get(m.variantGid);
    if (!seen) continue;
    result.variants++;
    const before = result.priceLocks + result.stockLocks;
    if (await observePrice(shop, m, seen.price, seen.compareAtPrice, pending)) result.priceLocks++;
    for (const [locationGid, available] of seen.levels) {
      const pushed = (m.pushedStock as Record<string, number> | null) ?? {};
      if (!(locationGid in pushed) || pushed[locationGid] === available) continue; // the common case: nothing to do
      const fresh = await db.variantMapping.findUniqueOrThrow({ where: { id: m.id } });
      if (await observeLevel(shop, fresh, locationGid, available)) result.stockLocks++;
    }
    if (result.priceLocks + result.stockLocks > before) result.recorded++;
  }
  await markReconciled(shop);
  return result;
}

async function markReconciled(shop: string): Promise<void> {
  const { count } = await db.sourcingSettings.updateMany({ where: { shop }, data: { lastReconciledAt: new Date() } });
  if (count > 0) return;
  const { saveSourcingSettings } = await import("../settings.server");
  await saveSourcingSettings(shop, {});
  await db.sourcingSettings.updateMany({ where: { shop }, data: { lastReconciledAt: new Date() } });
}
