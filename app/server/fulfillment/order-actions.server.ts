// What the merchant can do to a supplier order from the admin: approve, retry, cancel.
import { loadSupplierOrder, transition } from "./supplier-orders.server";
import { enqueuePlacement } from "./queues.server";
import { cancelSupplierOrder } from "./cancellation.server";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

export async function approveSupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  if (row.state !== "awaiting_approval" && row.state !== "needs_attention") return { ok: false, message: `Only orders waiting for approval or needing attention can be approved (this one is ${row.state.replace("_", " ")}).` };
  const moved = await transition(row, "placing", "Approved by the merchant; sending to the supplier.", { approvedAt: new Date(), reasonCode: null, reasonMessage: null, fixHint: null });
  if (!moved) return { ok: false, message: "The order changed meanwhile; reload and try again." };
  await enqueuePlacement(shop, id, `approved-${moved.version}`);
  return { ok: true, message: "Approved. The order is on its way to the supplier." };
}

export async function retrySupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  if (row.state !== "failed" && row.state !== "needs_attention") return { ok: false, message: "Only failed orders or orders needing attention can be retried." };
  const moved = await transition(row, "pending", "Retry requested by the merchant; checking again.", { reasonCode: null, reasonMessage: null, fixHint: null });
  if (!moved) return { ok: false, message: "The order changed meanwhile; reload and try again." };
  await enqueuePlacement(shop, id, `retry-by-merchant-${moved.version}`);
  return { ok: true, message: "Retrying: checks run again, then the order goes to the supplier." };
}

export async function cancelSupplierOrderByMerchant(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  const result = await cancelSupplierOrder(id, "Cancelled by the merchant from Silkroute.");
  if (result.outcome === "cancelled") return { ok: true, message: "Cancelled at the supplier. Remember to cancel or refund the Shopify order." };
  return { ok: false, message: result.message };
}
