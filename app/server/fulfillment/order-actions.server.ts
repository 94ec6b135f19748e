// What the merchant can do to a supplier order from the admin: approve, retry, cancel, check tracking now.
import db from "../../db.server";
import { jobQueue } from "../jobs/queue.server";
import { loadSupplierOrder, transition } from "./supplier-orders.server";
import { enqueuePlacement, Q } from "./queues.server";
import { cancelSupplierOrder } from "./cancellation.server";
import { TRACKED, type SupplierOrderState } from "./state-machine";
import { recordEvent } from "./supplier-orders.server";
import { replacementOf, supplierLabel } from "./backup-supplier.server";
import { isFulfillmentOrderHeld } from "./holds.server";
import { adminClientForShop } from "../shopify/admin.server";
import { closeFulfillmentOrder } from "./shopify/fulfillment-api.server";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

export async function approveSupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  if (row.state !== "awaiting_approval" && row.state !== "needs_attention") return { ok: false, message: `Only orders waiting for approval or needing attention can be approved (this one is ${row.state.replace("_", " ")}).` };
  if (await isFulfillmentOrderHeld(shop, row.fulfillmentOrderGid)) return { ok: false, message: "This order is on hold in Shopify. Release the hold there first; Silkroute places it as soon as the hold is released." };
  const moved = await transition(row, "placing", "Approved by the merchant; sending to the supplier.", { approvedAt: new Date(), reasonCode: null, reasonMessage: null, fixHint: null });
  if (!moved) return { ok: false, message: "The order changed meanwhile; reload and try again." };
  await enqueuePlacement(shop, id, `approved-${moved.version}`);
  return { ok: true, message: "Approved. The order is on its way to the supplier." };
}

export async function retrySupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  if (row.state !== "failed" && row.state !== "needs_attention") return { ok: false, message: "Only failed orders or orders needing attention can be retried." };
  const replacement = await replacementOf(row);
  if (replacement) return { ok: false, message: `These items went to the backup supplier ${supplierLabel(replacement.supplier)} instead; retrying here would order them twice.` };
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

/** Clicks within this window ask once: one job per order and window, whatever the number of clicks. */
export const CHECK_TRACKING_WINDOW_MS = 10_000;

/**
 * "Check tracking now": makes this order due for its tracking poll and enqueues the per-shop tracking job, so
 * the merchant (or a demo) need not wait for the next scheduled poll. Safe to repeat (dedupe per window).
 */
export async function checkTrackingNow(shop: string, id: string, now = new Date()): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  if (!TRACKED.includes(row.state as SupplierOrderState)) {
    return { ok: false, message: row.state === "delivered" || row.state === "cancelled" ? "This order needs no more tracking updates." : "Tracking starts once the supplier has accepted the order." };
  }
  // Due now, unless its poll time changed meanwhile (a job took it: that job is checking it already).
  await db.supplierOrder.updateMany({ where: { id, state: { in: [...TRACKED] }, nextAttemptAt: row.nextAttemptAt }, data: { nextAttemptAt: now } });
  const window = Math.floor(now.getTime() / CHECK_TRACKING_WINDOW_MS);
  await jobQueue().enqueue(Q.syncShopTracking, { shop }, { shop, dedupeKey: `${shop}:check:${id}:${window}` });
  return { ok: true, message: "Checking with the supplier now; new tracking shows here in a few seconds." };
}

/** Nothing of these reached the supplier, so the whole request can go back to the merchant. */
const NOT_SENT: readonly string[] = ["pending", "needs_attention", "awaiting_approval", "failed", "cancelled"] satisfies SupplierOrderState[];

/**
 * "Fulfill another way": for an order Silkroute cannot place (out of stock everywhere, an address the line cannot
 * serve…), cancels what is ours and closes the fulfillment order in Shopify, which marks it incomplete and gives it
 * back to the merchant to fulfill from another location or by hand. Refused while any part of the same request is
 * with a supplier, because closing the fulfillment order would orphan that parcel. Safe to repeat.
 */
export async function handBackToShopify(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: "This supplier order does not exist." };
  const siblings = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid: row.fulfillmentOrderGid } });
  const sent = siblings.find((s) => !NOT_SENT.includes(s.state));
  if (sent) {
    return { ok: false, message: `Part of this request is already with ${sent.supplier} (${sent.state.replace("_", " ")}). Cancel that supplier order first, or let it ship.` };
  }
  for (const s of siblings) {
    if (s.state === "cancelled") continue;
    const result = await cancelSupplierOrder(s.id, "Handed back to the merchant to fulfill another way.");
    if (result.outcome !== "cancelled") return { ok: false, message: result.message };
  }
  const message = "Silkroute could not fulfill this from its suppliers; the merchant will fulfill it another way.";
  await closeFulfillmentOrder(await adminClientForShop(shop), row.fulfillmentOrderGid, message);
  await recordEvent(id, "shopify", "Handed back to Shopify: the fulfillment order is marked incomplete, so you can move it to another location or fulfill it yourself.");
  return { ok: true, message: "Handed back to Shopify. Fulfill the order from another location or mark it fulfilled yourself." };
}
