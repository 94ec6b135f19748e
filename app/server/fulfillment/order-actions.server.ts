// What the merchant can do to a supplier order from the admin: approve, retry, cancel, check tracking now.
import db from "../../db.server";
import { jobQueue } from "../jobs/queue.server";
import { loadSupplierOrder, transition } from "./supplier-orders.server";
import { enqueuePlacement, Q } from "./queues.server";
import { cancelSupplierOrder } from "./cancellation.server";
import { TRACKED, type SupplierOrderState } from "./state-machine";
import { recordEvent } from "./supplier-orders.server";
import { replacementOf } from "./backup-supplier.server";
import { isFulfillmentOrderHeld } from "./holds.server";
import { adminClientForShop } from "../shopify/admin.server";
import { closeFulfillmentOrder } from "./shopify/fulfillment-api.server";
import { storedText } from "./order-text";
import { shopNotes } from "./notes.server";

/** `message` is a stored catalog message (order-text.ts): the order page shows it in the merchant's language. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

const NOT_FOUND = storedText("order:action.notFound");
const CHANGED = storedText("order:action.changedMeanwhile");

export async function approveSupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: NOT_FOUND };
  if (row.state !== "awaiting_approval" && row.state !== "needs_attention") return { ok: false, message: storedText("order:action.cannotApprove", { state: row.state }) };
  if (await isFulfillmentOrderHeld(shop, row.fulfillmentOrderGid)) return { ok: false, message: storedText("order:action.onHold") };
  const moved = await transition(row, "placing", storedText("order:event.approved"), { approvedAt: new Date(), reasonCode: null, reasonMessage: null, fixHint: null });
  if (!moved) return { ok: false, message: CHANGED };
  await enqueuePlacement(shop, id, `approved-${moved.version}`);
  return { ok: true, message: storedText("order:action.approved") };
}

export async function retrySupplierOrder(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: NOT_FOUND };
  if (row.state !== "failed" && row.state !== "needs_attention") return { ok: false, message: storedText("order:action.cannotRetry") };
  const replacement = await replacementOf(row);
  if (replacement) return { ok: false, message: storedText("order:action.replacedByBackup", { supplier: replacement.supplier }) };
  const moved = await transition(row, "pending", storedText("order:event.retryRequested"), { reasonCode: null, reasonMessage: null, fixHint: null });
  if (!moved) return { ok: false, message: CHANGED };
  await enqueuePlacement(shop, id, `retry-by-merchant-${moved.version}`);
  return { ok: true, message: storedText("order:action.retrying") };
}

export async function cancelSupplierOrderByMerchant(shop: string, id: string): Promise<ActionResult> {
  const row = await loadSupplierOrder(id);
  if (!row || row.shop !== shop) return { ok: false, message: NOT_FOUND };
  const result = await cancelSupplierOrder(id, storedText("order:event.cancelledByMerchant"));
  if (result.outcome === "cancelled") return { ok: true, message: storedText("order:action.cancelled") };
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
  if (!row || row.shop !== shop) return { ok: false, message: NOT_FOUND };
  if (!TRACKED.includes(row.state as SupplierOrderState)) {
    return { ok: false, message: storedText(row.state === "delivered" || row.state === "cancelled" ? "order:action.trackingDone" : "order:action.trackingNotYet") };
  }
  // Due now, unless its poll time changed meanwhile (a job took it: that job is checking it already).
  await db.supplierOrder.updateMany({ where: { id, state: { in: [...TRACKED] }, nextAttemptAt: row.nextAttemptAt }, data: { nextAttemptAt: now } });
  const window = Math.floor(now.getTime() / CHECK_TRACKING_WINDOW_MS);
  await jobQueue().enqueue(Q.syncShopTracking, { shop }, { shop, dedupeKey: `${shop}:check:${id}:${window}` });
  return { ok: true, message: storedText("order:action.checkingTracking") };
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
  if (!row || row.shop !== shop) return { ok: false, message: NOT_FOUND };
  const siblings = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid: row.fulfillmentOrderGid } });
  const sent = siblings.find((s) => !NOT_SENT.includes(s.state));
  if (sent) {
    return { ok: false, message: storedText("order:action.partWithSupplier", { supplier: sent.supplier, state: sent.state }) };
  }
  for (const s of siblings) {
    if (s.state === "cancelled") continue;
    const result = await cancelSupplierOrder(s.id, storedText("order:event.handedBackCancelled"));
    if (result.outcome !== "cancelled") return { ok: false, message: result.message };
  }
  // Shopify shows this on the order to every staff member: written in the shop staff's language (notes.server.ts).
  const note = await shopNotes(shop);
  await closeFulfillmentOrder(await adminClientForShop(shop), row.fulfillmentOrderGid, note("notes:handBack"));
  await recordEvent(id, "shopify", storedText("order:event.handedBack"));
  return { ok: true, message: storedText("order:action.handedBack") };
}
