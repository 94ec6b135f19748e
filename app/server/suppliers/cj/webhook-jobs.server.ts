// What a CJ message does once verified: LOGISTIC scans are stored and the supplier order's tracking synced (fulfillment
// and Shopify fulfillment events); ORDER updates sync tracking once CJ ships; STOCK/PRODUCT/VARIANT changes run the
// shop's stock and price sync through its usual entry point (debounced to one run per minute).
import db from "../../../db.server";
import type { JobDeps, JobRegistration } from "../../jobs/handlers";
import type { JobContext } from "../../jobs/types";
import { enqueueTrackingSync } from "../../fulfillment/queues.server";
import { SYNC_QUEUE, type SyncJobPayload } from "../../sourcing/sync/sync-jobs.server";
import { parseLogisticMessage, parseOrderMessage } from "./mappers";
import { storeLogisticScans } from "./tracking-scans.server";
import { CJ_WEBHOOK_QUEUE, type CjWebhookJob } from "./webhook-receiver.server";

export async function handleCjWebhook(job: CjWebhookJob, deps: Pick<JobDeps, "jobs">, now = Date.now()): Promise<string> {
  const { shop } = job;
  switch (job.type) {
    case "LOGISTIC": {
      const message = parseLogisticMessage(job.payload);
      const added = await storeLogisticScans(shop, message);
      const row = job.cjOrderId ? await db.supplierOrder.findFirst({ where: { shop, supplier: "cj", supplierOrderId: job.cjOrderId }, select: { id: true } }) : null;
      if (row) await enqueueTrackingSync(shop, row.id, `cj:${job.messageId}`);
      return `logistic: ${added} new scans${row ? ", tracking sync queued" : ""}`;
    }
    case "ORDER": {
      const message = parseOrderMessage(job.payload);
      if (!message.orderNumber) return "order: no orderNumber";
      const row = await db.supplierOrder.findFirst({ where: { shop, supplier: "cj", idempotencyKey: message.orderNumber }, select: { id: true } });
      if (row && (message.status === "shipped" || message.status === "delivered")) await enqueueTrackingSync(shop, row.id, `cj:${job.messageId}`);
      return `order: ${message.supplierStatus}${row ? "" : " (not ours)"}`;
    }
    case "STOCK":
    case "PRODUCT":
    case "VARIANT": {
      const minute = Math.floor(now / 60_000);
      await deps.jobs.enqueue<SyncJobPayload>(SYNC_QUEUE, { shop, trigger: "event" }, { shop, dedupeKey: `${shop}:cj-push:${minute}`, delayMs: 5_000 });
      return `${job.type.toLowerCase()}: stock sync queued`;
    }
    default:
      return `ignored ${job.type}`;
  }
}

export function cjWebhookJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return { [CJ_WEBHOOK_QUEUE]: { handler: async (ctx: JobContext<CjWebhookJob>) => handleCjWebhook(ctx.payload, deps), options: { concurrency: 2 } } };
}
