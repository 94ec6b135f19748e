import { createHash, randomUUID } from "node:crypto";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import { INVENTORY_LEVELS, INVENTORY_SET } from "./push-operations";
import type { StockUpdate } from "./record-push.server";

const BATCH = 250; // Shopify's input-array cap
const MAX_ROUNDS = 3;

/**
 * The @idempotent key of one inventorySetQuantities call: a name-based UUID of the persisted operation it belongs
 * to (an import job and item, a sync run) and the exact change (item, location, from, to). A retry of the same
 * operation sends the same key, so Shopify replays the first answer instead of applying it twice; a re-read after
 * a stale compare value is a different change and gets a new key (Shopify refuses a key reused with other input).
 */
export function stockUpdateKey(operation: string, reason: string, batch: readonly StockUpdate[]): string {
  const canonical = JSON.stringify([operation, reason, batch.map((u) => [u.inventoryItemId, u.locationId, u.changeFromQuantity, u.quantity])]);
  const hex = createHash("sha256").update(canonical).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Sets available quantities at our location with compare-and-swap, 250 per call. A stale compare value
 * (an order or the merchant moved stock since we read it) makes us re-read that batch and try again;
 * the reference document makes each logical update traceable in Shopify's inventory history.
 * `operation` names the persisted intent (job id); without one the call gets its own, so only the client's
 * transport retries replay.
 */
export async function applyStockUpdates(admin: AdminClient, updates: readonly StockUpdate[], reason = "correction", operation: string = `call:${randomUUID()}`): Promise<number> {
  let applied = 0;
  for (let start = 0; start < updates.length; start += BATCH) {
    let batch = updates.slice(start, start + BATCH);
    for (let round = 1; batch.length > 0; round++) {
      try {
        await admin.request(INVENTORY_SET, {
          idempotencyKey: stockUpdateKey(operation, reason, batch),
          input: {
            name: "available", reason, referenceDocumentUri: "silkroute://sourcing/stock-sync",
            quantities: batch.map((u) => ({ inventoryItemId: u.inventoryItemId, locationId: u.locationId, quantity: u.quantity, changeFromQuantity: u.changeFromQuantity })),
          },
        });
        applied += batch.length;
        break;
      } catch (error) {
        if (!(error instanceof AdminUserErrors) || !error.hasCode("CHANGE_FROM_QUANTITY_STALE") || round >= MAX_ROUNDS) throw error;
        batch = await refreshCompareValues(admin, batch);
      }
    }
  }
  return applied;
}

// 50 items × 3 levels keeps the query well under the 1,000-point cap.
async function refreshCompareValues(admin: AdminClient, batch: readonly StockUpdate[]): Promise<StockUpdate[]> {
  const current = new Map<string, number>();
  const ids = [...new Set(batch.map((u) => u.inventoryItemId))];
  for (let i = 0; i < ids.length; i += 50) {
    const { nodes } = await admin.request(INVENTORY_LEVELS, { ids: ids.slice(i, i + 50) });
    for (const node of nodes) {
      if (!node || !("inventoryLevels" in node)) continue;
      for (const level of node.inventoryLevels.nodes) current.set(`${node.id}|${level.location.id}`, level.quantities.find((q) => q.name === "available")?.quantity ?? 0);
    }
  }
  return batch.flatMap((u) => {
    const now = current.get(`${u.inventoryItemId}|${u.locationId}`) ?? null;
    return now === u.quantity ? [] : [{ ...u, changeFromQuantity: now }];
  });
}
