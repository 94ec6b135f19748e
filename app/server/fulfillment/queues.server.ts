// Queue names and the enqueue calls of the fulfillment flow. Dedupe keys make every enqueue safe to repeat.
import db from "../../db.server";
import { jobQueue } from "../jobs/queue.server";
import type { TrackingCadence } from "./tracking/poll-schedule";

export const Q = {
  processRequests: "fulfillment.process-requests",
  syncOrder: "fulfillment.sync-order",
  place: "fulfillment.place-supplier-order",
  cancelOrder: "fulfillment.cancel-order",
  pollTracking: "fulfillment.poll-tracking",
  syncTracking: "fulfillment.sync-tracking",
  syncShopTracking: "fulfillment.sync-shop-tracking",
  detectStuck: "fulfillment.detect-stuck",
  sweep: "fulfillment.sweep",
  reconcileHold: "fulfillment.reconcile-hold",
} as const;

// Notifications carry no id; one job per shop, kind and 5-second window, run after the window closes,
// reads every request pending by then, so a burst of notifications costs one query.
const WINDOW_MS = 5_000;

export async function enqueueRequestProcessing(shop: string, kind: string, now = Date.now()): Promise<void> {
  const window = Math.floor(now / WINDOW_MS);
  await jobQueue().enqueue(Q.processRequests, { shop, kind }, { shop, dedupeKey: `${shop}:${kind}:${window}`, delayMs: WINDOW_MS });
}

export async function enqueueOrderSync(shop: string, orderGid: string): Promise<void> {
  await jobQueue().enqueue(Q.syncOrder, { shop, orderGid }, { shop, dedupeKey: `${shop}:${orderGid}` });
}

/**
 * A fresh look at Shopify's fulfillment requests after an event that can make one answerable (a hold released,
 * routing complete): one job per webhook delivery, because enqueueOrderSync's key is per order forever and would
 * not run again. With the order known, that order's fulfillment orders are synced; an FO we have no rows for
 * carries no order id, so then every request pending for the shop is read, as a notification would.
 */
export async function enqueueRequestResync(shop: string, webhookId: string, orderGid: string | null): Promise<void> {
  const dedupeKey = `${shop}:resync:${webhookId}`;
  if (orderGid) await jobQueue().enqueue(Q.syncOrder, { shop, orderGid }, { shop, dedupeKey });
  else await jobQueue().enqueue(Q.processRequests, { shop, kind: "FULFILLMENT_REQUEST" }, { shop, dedupeKey });
}

/**
 * Hold webhooks can arrive out of order (a retried placed_on_hold after its hold_released): shortly after each,
 * a job reads the FO's holds from Shopify and corrects what the webhook wrote.
 */
export async function enqueueHoldReconcile(shop: string, fulfillmentOrderGid: string, webhookId: string): Promise<void> {
  await jobQueue().enqueue(Q.reconcileHold, { shop, fulfillmentOrderGid }, { shop, dedupeKey: `${shop}:hold:${webhookId}`, delayMs: WINDOW_MS, maxAttempts: 10 });
}

/**
 * `generation` changes whenever a new run is due (a retry, an approval), so each gets its own job. The row keeps
 * the latest job's id so the sweeper can tell work that waits in a long queue from work whose job is gone.
 */
export async function enqueuePlacement(shop: string, supplierOrderId: string, generation: string, delayMs = 0): Promise<string> {
  const jobId = await jobQueue().enqueue(Q.place, { supplierOrderId }, { shop, dedupeKey: `${supplierOrderId}:${generation}`, delayMs, maxAttempts: 10 });
  await db.supplierOrder.updateMany({ where: { id: supplierOrderId }, data: { placementJobId: jobId } });
  return jobId;
}

export async function enqueueOrderCancellation(shop: string, orderGid: string): Promise<void> {
  await jobQueue().enqueue(Q.cancelOrder, { shop, orderGid }, { shop, dedupeKey: `${shop}:${orderGid}`, maxAttempts: 20 });
}

export async function enqueueTrackingSync(shop: string, supplierOrderId: string, bucket: string): Promise<void> {
  await jobQueue().enqueue(Q.syncTracking, { supplierOrderId }, { shop, dedupeKey: `${supplierOrderId}:${bucket}` });
}

/** One job per shop (or group of shops) and poll window; it syncs whichever of their rows are due when it runs. */
export async function enqueueShopTrackingSync(shops: string[], bucket: string, cadence?: TrackingCadence): Promise<void> {
  const [first] = shops;
  const payload = shops.length === 1 ? { shop: first! } : { shops };
  // A single shop's job counts against that shop's job slots; a group's belongs to no one shop.
  await jobQueue().enqueue(Q.syncShopTracking, { ...payload, ...(cadence ? { cadence } : {}) }, { shop: shops.length === 1 ? first : undefined, dedupeKey: `${first}:${shops.length}:${bucket}` });
}
