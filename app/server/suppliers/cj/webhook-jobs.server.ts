// What a CJ message does once verified: LOGISTIC scans are stored and the supplier order's tracking synced (fulfillment
// and Shopify fulfillment events); ORDER updates sync tracking once CJ ships; STOCK/PRODUCT/VARIANT changes run the
// SKUs they name through the supplier-event entry point (ADR 0810), so only those are re-read.
import db from "../../../db.server";
import type { JobDeps, JobRegistration } from "../../jobs/handlers";
import type { JobContext } from "../../jobs/types";
import { enqueueTrackingSync } from "../../fulfillment/queues.server";
import { SYNC_QUEUE, type SyncJobPayload } from "../../sourcing/sync/sync-jobs.server";
import { applySupplierChange, type SupplierChange } from "../../sourcing/sync/supplier-events.server";
import { parseLogisticMessage, parseOrderMessage, parseStockMessage } from "./mappers";
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
      // The message names what changed (cj-contract.json → webhooks: STOCK params keyed by vid, VARIANT params.vid,
      // PRODUCT params.pid): each mapped variant it names becomes a supplier event, and the event sync re-reads only
      // those at CJ (ADR 0810). Keyed by CJ's messageId and the vid, so a redelivery is recognised and ignored.
      const skus = await namedSkus(shop, job);
      if (skus === null) { // a message we cannot read names nothing: the whole shop is synced instead, once a minute
        const minute = Math.floor(now / 60_000);
        await deps.jobs.enqueue<SyncJobPayload>(SYNC_QUEUE, { shop, trigger: "event" }, { shop, dedupeKey: `${shop}:cj-push:${minute}`, delayMs: 5_000 });
        return `${job.type.toLowerCase()}: unreadable, stock sync queued`;
      }
      const events: SupplierChange[] = skus.map((vid) => ({ eventKey: `cj:${job.messageId}:${vid}`, supplierSku: vid, occurredAt: new Date(now), kind: "changed" }));
      const { accepted } = await applySupplierChange(shop, "cj", events, deps.jobs, now);
      return `${job.type.toLowerCase()}: ${accepted} mapped variant${accepted === 1 ? "" : "s"} to re-read`;
    }
    default:
      return `ignored ${job.type}`;
  }
}

/** The mapped CJ variants a STOCK / VARIANT / PRODUCT message names; null when the message cannot be read. */
async function namedSkus(shop: string, job: CjWebhookJob): Promise<string[] | null> {
  const params = (job.payload as { params?: { vid?: unknown; pid?: unknown } } | null)?.params;
  let where: { supplierSku: { in: string[] } } | { supplierProductId: string };
  if (job.type === "STOCK") {
    try { where = { supplierSku: { in: [...new Set(parseStockMessage(job.payload).rows.map((r) => r.vid))] } }; } catch { return null; }
  } else if (job.type === "VARIANT" && typeof params?.vid === "string") where = { supplierSku: { in: [params.vid] } };
  else if (job.type === "PRODUCT" && typeof params?.pid === "string") where = { supplierProductId: params.pid };
  else return null;
  const rows = await db.variantMapping.findMany({ where: { shop, supplier: "cj", ...where }, select: { supplierSku: true }, distinct: ["supplierSku"], take: 1_000 });
  return rows.map((r) => r.supplierSku);
}

export function cjWebhookJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return { [CJ_WEBHOOK_QUEUE]: { handler: async (ctx: JobContext<CjWebhookJob>) => handleCjWebhook(ctx.payload, deps), options: { concurrency: 2 } } };
}
