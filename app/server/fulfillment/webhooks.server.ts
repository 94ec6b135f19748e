// Fulfillment-order webhooks. Payloads are tiny (ids and status); the work runs in jobs that read Shopify.
// A payload that does not parse is acknowledged and ignored: Shopify would only redeliver the same bytes.
import { z } from "zod";
import type { WebhookHandler } from "../webhooks/receive.server";
import { enqueueHoldReconcile, enqueueRequestProcessing, enqueueRequestResync, Q } from "./queues.server";
import { jobQueue } from "../jobs/queue.server";
import db from "../../db.server";
import { toGid } from "../shopify/gid";
import { clearHold, recordHold, releaseHold } from "./holds.server";
import { enqueueLinkedRouting } from "../linking/merchant-fulfillment-orders.server";

export const onFulfillmentRequestSubmitted: WebhookHandler = async ({ shop }) => {
  await enqueueRequestProcessing(shop, "FULFILLMENT_REQUEST");
};

export const onCancellationRequestSubmitted: WebhookHandler = async ({ shop }) => {
  await enqueueRequestProcessing(shop, "CANCELLATION_REQUEST");
};

/** A GID or a legacy numeric id; anything else fails the parse instead of throwing later. */
const foGid = z.union([z.string(), z.number()]).transform((id, ctx) => {
  try {
    return toGid("FulfillmentOrder", id);
  } catch {
    ctx.addIssue({ code: "custom", message: "not a FulfillmentOrder id" });
    return z.NEVER;
  }
});
const fulfillmentOrder = z.object({ id: foGid, status: z.string().optional() });

const cancelledPayload = z.object({ fulfillment_order: fulfillmentOrder });

/** Shopify cancelled an FO outright (not yet accepted): make sure nothing is bought for it. */
export const onFulfillmentOrderCancelled: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const parsed = cancelledPayload.safeParse(payload);
  if (!parsed.success) return;
  const foGid = parsed.data.fulfillment_order.id;
  await clearHold(shop, foGid); // a cancelled FO is never released; its hold would otherwise stay forever
  const row = await db.supplierOrder.findFirst({ where: { shop, fulfillmentOrderGid: foGid }, select: { orderGid: true } });
  if (row) await jobQueue().enqueue(Q.cancelOrder, { shop, orderGid: row.orderGid }, { shop, dedupeKey: `fo-cancelled:${webhookId}`, maxAttempts: 20 });
};

const hold = z.object({ reason: z.string().nullish(), reason_notes: z.string().nullish() });
const placedOnHoldPayload = z.object({
  fulfillment_order: fulfillmentOrder.extend({ fulfillment_holds: z.array(hold).nullish() }),
  created_fulfillment_hold: hold.nullish(),
});

/**
 * The webhook fires once, when the first hold turns the FO ON_HOLD. `created_fulfillment_hold` (2024-10+) is the
 * hold that did it; `fulfillment_holds` may already be empty by delivery time, so it is only the fallback.
 */
export const onFulfillmentOrderPlacedOnHold: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const parsed = placedOnHoldPayload.safeParse(payload);
  if (!parsed.success) return;
  const { fulfillment_order: fo, created_fulfillment_hold: created } = parsed.data;
  const why = created ?? fo.fulfillment_holds?.[0];
  await recordHold(shop, fo.id, { reason: why?.reason ?? null, reasonNotes: why?.reason_notes ?? null });
  await enqueueHoldReconcile(shop, fo.id, webhookId);
};

const statusPayload = z.object({ fulfillment_order: fulfillmentOrder });

export const onFulfillmentOrderHoldReleased: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const parsed = statusPayload.safeParse(payload);
  if (!parsed.success) return;
  const fo = parsed.data.fulfillment_order;
  // Still ON_HOLD means another hold remains (several can stack since 2025-01): keep waiting.
  if (fo.status?.toLowerCase() !== "on_hold") await releaseHold(shop, fo.id, webhookId);
  await enqueueHoldReconcile(shop, fo.id, webhookId);
};

/** Routing is done, so the FO exists at its location and its request may already be submitted: look now. */
export const onOrderRoutingComplete: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const parsed = statusPayload.safeParse(payload);
  if (!parsed.success) return;
  const foGid = parsed.data.fulfillment_order.id;
  const row = await db.supplierOrder.findFirst({ where: { shop, fulfillmentOrderGid: foGid }, select: { orderGid: true } });
  await enqueueRequestResync(shop, webhookId, row?.orderGid ?? null);
  await enqueueLinkedRouting(shop, foGid, webhookId); // linked lines at a merchant location (ADR 2010)
};
