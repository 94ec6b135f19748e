// Cancels supplier orders: locally when nothing reached the supplier, at the supplier (by our key) otherwise,
// and records what could not be undone.
import db from "../../db.server";
import { supplierAdapter } from "./supplier-gateway.server";
import { loadSupplierOrder, recordEvent, transition, update } from "./supplier-orders.server";
import { AT_SUPPLIER, type SupplierOrderState } from "./state-machine";
import { orderText, storedText, storedTexts, textMessage } from "./order-text";

// `message`: the supplier's own words, or a stored catalog message (order-text.ts) for the page to translate.
export type CancelResult = { outcome: "cancelled" } | { outcome: "refused"; message: string } | { outcome: "retry"; message: string };

const LOCAL_ONLY: readonly string[] = ["pending", "needs_attention", "awaiting_approval", "failed"] satisfies SupplierOrderState[];

/** `why`: a stored catalog message (order-text.ts) for the timeline. */
export async function cancelSupplierOrder(id: string, why: string): Promise<CancelResult> {
  for (let i = 0; i < 5; i++) {
    let row = await loadSupplierOrder(id);
    if (!row) return { outcome: "cancelled" };
    if (row.state === "cancelled") return { outcome: "cancelled" };
    if (!row.cancelRequestedAt) {
      // Placement checks this flag before sending anything, so the request wins any race with a placing job.
      row = await update(row, { cancelRequestedAt: new Date() });
      if (!row) continue;
      await recordEvent(id, "state", why);
    }
    if (LOCAL_ONLY.includes(row.state)) {
      if (await transition(row, "cancelled", storedText("order:event.cancelledLocally"))) return { outcome: "cancelled" };
      continue;
    }
    if (!AT_SUPPLIER.includes(row.state as SupplierOrderState)) {
      const message = storedText("order:reason.alreadyShipped", { state: row.state });
      await recordUndoable(id, message);
      return { outcome: "refused", message };
    }
    const adapter = await supplierAdapter(row.shop, row.supplier);
    const result = await adapter.cancelOrder(row.idempotencyKey);
    if (!result.ok) {
      if (result.error.kind === "not_found" && row.state === "placing") {
        // Nothing under our key yet; the placing job sees the flag and will not send it.
        if (await transition(row, "cancelled", storedText("order:event.cancelledBeforeReceived"))) return { outcome: "cancelled" };
        continue;
      }
      if (result.error.retryable) return { outcome: "retry", message: result.error.message };
      const said = storedText("order:reason.supplierSaid", { detail: result.error.message });
      await recordUndoable(id, said);
      return { outcome: "refused", message: said };
    }
    if (result.value.outcome === "refused_already_shipped") {
      const said = storedText("order:reason.supplierSaid", { detail: result.value.message });
      await recordUndoable(id, said);
      return { outcome: "refused", message: said };
    }
    if (await transition(row, "cancelled", storedText(`order:event.cancelledAtSupplier.${result.value.outcome}`))) return { outcome: "cancelled" };
  }
  return { outcome: "retry", message: storedText("order:reason.keptChanging") };
}

async function recordUndoable(id: string, message: string): Promise<void> {
  await db.supplierOrder.update({ where: { id }, data: { reasonCode: "CANCEL_REFUSED", reasonMessage: message, fixHint: storedText("order:fix.cancelRefused") } });
  await recordEvent(id, "supplier", storedTexts(textMessage("order:event.couldNotCancel"), ...orderText(message)));
}

/** orders/cancelled: every supplier order of the order; throws (so the job retries) while a supplier is down. */
export async function cancelOrderAtSuppliers(shop: string, orderGid: string): Promise<{ cancelled: number; refused: number }> {
  let cancelled = 0;
  let refused = 0;
  const pending: string[] = [];
  const seen = new Set<string>();
  // Read the rows again after each pass: a backup-supplier switch may have added one while we cancelled.
  for (let pass = 0; pass < 3; pass++) {
    const rows = (await db.supplierOrder.findMany({ where: { shop, orderGid } })).filter((r) => !seen.has(r.id));
    if (!rows.length) break;
    for (const row of rows) {
      seen.add(row.id);
      const r = await cancelSupplierOrder(row.id, storedText("order:event.cancelledInShopify"));
      if (r.outcome === "cancelled") cancelled++;
      else if (r.outcome === "refused") refused++;
      else pending.push(row.id);
    }
  }
  if (pending.length) throw new Error(`supplier unavailable while cancelling ${pending.length} supplier order(s); will retry`);
  return { cancelled, refused };
}
