import type { Db } from "~/db.server";

export const PRUNE_WEBHOOK_DELIVERIES = "maintenance.prune-webhook-deliveries";

export interface PrunePayload {
  olderThanDays?: number;
}

/**
 * WebhookDelivery rows only exist to acknowledge Shopify's redeliveries, which stop after days;
 * a month of them is plenty. Cron dedupe keys are one row per occurrence and never match again,
 * so old ones go too.
 */
export async function pruneWebhookDeliveries(db: Db, payload: PrunePayload = {}, now = new Date()) {
  const cutoff = new Date(now.getTime() - (payload.olderThanDays ?? 30) * 86_400_000);
  const deliveries = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const cronKeys = await db.jobDedupe.deleteMany({ where: { key: { startsWith: "cron:" }, createdAt: { lt: cutoff } } });
  return { deliveries: deliveries.count, cronKeys: cronKeys.count };
}
