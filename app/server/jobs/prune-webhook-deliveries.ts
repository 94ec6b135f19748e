import type { Db } from "~/db.server";
import { retentionDays } from "./retention";

export const PRUNE_WEBHOOK_DELIVERIES = "maintenance.prune-webhook-deliveries";

export interface PrunePayload {
  /** Overrides the configured retention (`SILKROUTE_RETENTION_DAYS`) for one run. */
  olderThanDays?: number;
}

const FINISHED = ["completed", "cancelled", "dead"];

/**
 * The daily clean-up of finished work, older than the retention window:
 * - WebhookDelivery rows only exist to acknowledge Shopify's redeliveries, which stop after 48 hours.
 * - Finished jobs (DB backend): their payload, result and last error are copies; pg-boss deletes its own
 *   after the same window (`deleteAfterSeconds`). Queued and running jobs are never touched.
 * - Cron dedupe keys are one row per occurrence and never match again. Other dedupe keys stay: they are
 *   what makes an enqueue exactly-once, and hold ids only.
 */
export async function pruneWebhookDeliveries(db: Db, payload: PrunePayload = {}, now = new Date()) {
  const cutoff = new Date(now.getTime() - (payload.olderThanDays ?? retentionDays()) * 86_400_000);
  const deliveries = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const jobs = await db.job.deleteMany({ where: { state: { in: FINISHED }, updatedAt: { lt: cutoff } } });
  const cronKeys = await db.jobDedupe.deleteMany({ where: { key: { startsWith: "cron:" }, createdAt: { lt: cutoff } } });
  return { deliveries: deliveries.count, jobs: jobs.count, cronKeys: cronKeys.count };
}
