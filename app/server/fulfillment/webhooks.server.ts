// Fulfillment-order webhooks. Payloads are tiny (ids and status); the work runs in jobs that read Shopify.
import { z } from "zod";
import type { WebhookHandler } from "../webhooks/receive.server";
import { enqueueRequestProcessing, Q } from "./queues.server";
import { jobQueue } from "../jobs/queue.server";
import db from "../../db.server";
import { toGid } from "../shopify/gid";

export const onFulfillmentRequestSubmitted: WebhookHandler = async ({ shop }) => {
  await enqueueRequestProcessing(shop, "FULFILLMENT_REQUEST");
};

export const onCancellationRequestSubmitted: WebhookHandler = async ({ shop }) => {
  await enqueueRequestProcessing(shop, "CANCELLATION_REQUEST");
};

const cancelledPayload = z.object({ fulfillment_order: z.object({ id: z.union([z.string(), z.number()]) }) });

/** Shopify cancelled an FO outright (not yet accepted): make sure nothing is bought for it. */
export const onFulfillmentOrderCancelled: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const parsed = cancelledPayload.safeParse(payload);
  if (!parsed.success) return;
  const foGid = toGid("FulfillmentOrder", parsed.data.fulfillment_order.id);
  const row = await db.supplierOrder.findFirst({ where: { shop, fulfillmentOrderGid: foGid }, select: { orderGid: true } });
  if (row) await jobQueue().enqueue(Q.cancelOrder, { shop, orderGid: row.orderGid }, { shop, dedupeKey: `fo-cancelled:${webhookId}`, maxAttempts: 20 });
};
