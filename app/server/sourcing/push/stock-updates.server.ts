import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import { INVENTORY_LEVELS, INVENTORY_SET } from "./push-operations";
import type { StockUpdate } from "./record-push.server";

const BATCH = 250; // Shopify's input-array cap
const MAX_ROUNDS = 3;

/**
 * Sets available quantities at our location with compare-and-swap, 250 per call. A stale compare value
 * (an order or the merchant moved stock since we read it) makes us re-read that batch and try again;
 * the reference document makes each logical update traceable in Shopify's inventory history.
 */
export async function applyStockUpdates(admin: AdminClient, locationGid: string, updates: readonly StockUpdate[], reason = "correction"): Promise<number> {
  let applied = 0;
  for (let start = 0; start < updates.length; start += BATCH) {
    let batch = updates.slice(start, start + BATCH);
    for (let round = 1; batch.length > 0; round++) {
      try {
        await admin.request(INVENTORY_SET, {
          input: {
            name: "available", reason, referenceDocumentUri: "silkroute://sourcing/stock-sync",
            quantities: batch.map((u) => ({ inventoryItemId: u.inventoryItemId, locationId: locationGid, quantity: u.quantity, changeFromQuantity: u.changeFromQuantity })),
          },
        });
        applied += batch.length;
        break;
      } catch (error) {
        if (!(error instanceof AdminUserErrors) || !error.hasCode("CHANGE_FROM_QUANTITY_STALE") || round >= MAX_ROUNDS) throw error;
        batch = await refreshCompareValues(admin, locationGid, batch);
      }
    }
  }
  return applied;
}

async function refreshCompareValues(admin: AdminClient, locationGid: string, batch: readonly StockUpdate[]): Promise<StockUpdate[]> {
  const { nodes } = await admin.request(INVENTORY_LEVELS, { ids: batch.map((u) => u.inventoryItemId), locationId: locationGid });
  const current = new Map<string, number | null>();
  for (const node of nodes) {
    if (node && "inventoryLevel" in node) current.set(node.id, node.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? null);
  }
  return batch.flatMap((u) => {
    const now = current.get(u.inventoryItemId) ?? null;
    return now === u.quantity ? [] : [{ ...u, changeFromQuantity: now }];
  });
}
