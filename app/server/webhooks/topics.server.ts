// What each webhook topic does. Quick work runs inline; slow work is enqueued keyed by the webhook id,
// so a redelivery never enqueues it twice.
import { recordScopes, recordUninstall } from "../shops.server";
import { markOrderCancelled, saveOrderSnapshot } from "../orders/order-snapshots.server";
import { jobQueue } from "../jobs/queue.server";
import type { WebhookHandler } from "./receive.server";
import { z } from "zod";
import { removeProductMappings, syncProductMappings } from "../sourcing/variant-mappings.server";
import { enqueueOrderCancellation, enqueueOrderSync } from "../fulfillment/queues.server";
import { toGid } from "../shopify/gid";
import { recordCustomerRequest, requestOrderGids } from "../compliance/requests.server";
import { markRedacted } from "../compliance/redaction-markers.server";
import { reconcileInventoryLevel, reconcileProductUpdate } from "../sourcing/sync/shopify-edits.server";
import { applySubscriptionUpdate } from "../billing/plan-state.server";

export const onAppUninstalled: WebhookHandler = async ({ shop }) => {
  // Webhooks can arrive after the uninstall has already been handled; both steps are idempotent.
  // Compliance jobs are enqueued without a shop, so this never cancels them: Shopify expects data requests
  // and redactions answered whether or not the app is still installed.
  await recordUninstall(shop);
  await jobQueue().cancelShopJobs(shop);
};

export const onScopesUpdate: WebhookHandler = async ({ shop, payload }) => {
  const { current } = z.object({ current: z.array(z.string()) }).parse(payload);
  await recordScopes(shop, current);
};

export const onOrderCreated: WebhookHandler = async ({ shop, payload }) => {
  const snapshot = await saveOrderSnapshot(shop, payload);
  await enqueueOrderSync(shop, snapshot.orderGid);
};

export const onOrderCancelled: WebhookHandler = async ({ shop, payload }) => {
  await markOrderCancelled(shop, payload);
  const { id } = z.object({ id: z.union([z.number(), z.string()]) }).parse(payload);
  await enqueueOrderCancellation(shop, toGid("Order", id));
};

// Compliance work is recorded as a ComplianceRequest row and its job carries only that row's id: the payload's
// email and phone never reach a queue. The job carries the shop (its failure shows on that shop's failed-jobs page);
// app/uninstalled's cancel leaves compliance queues alone (jobs/types.ts `survivesUninstall`).
export const onCustomersDataRequest: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const request = await recordCustomerRequest(shop, "customers/data_request", webhookId, payload);
  await jobQueue().enqueue("compliance.customers-data-request", { requestId: request.id }, { dedupeKey: webhookId, shop });
};

export const onCustomersRedact: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const request = await recordCustomerRequest(shop, "customers/redact", webhookId, payload);
  // Marked at once, so an orders/create arriving before the job runs already stores no personal data.
  await markRedacted(shop, [...(request.customerGid ? [request.customerGid] : []), ...requestOrderGids(request)]);
  await jobQueue().enqueue("compliance.customers-redact", { requestId: request.id }, { dedupeKey: webhookId, shop });
};

export const onShopRedact: WebhookHandler = async ({ shop, webhookId }) => {
  await jobQueue().enqueue("compliance.shop-redact", { shop }, { dedupeKey: webhookId });
};

export const onProductUpdated: WebhookHandler = async ({ shop, payload }) => {
  await syncProductMappings(shop, payload);
  // A synced field the merchant edited in Shopify is locked for sync (their edit wins).
  await reconcileProductUpdate(shop, payload);
};

export const onInventoryLevelUpdated: WebhookHandler = async ({ shop, payload }) => {
  await reconcileInventoryLevel(shop, payload);
};

export const onProductDeleted: WebhookHandler = async ({ shop, payload }) => {
  await removeProductMappings(shop, payload);
};

// Topics whose work belongs to domains that subscribe below; until a domain handles one, the delivery
// is verified, deduplicated and recorded, and nothing else happens.
export const acknowledgeOnly: WebhookHandler = async () => {};

export const onAppSubscriptionUpdate: WebhookHandler = async ({ shop, payload }) => {
  await applySubscriptionUpdate(shop, payload);
};
