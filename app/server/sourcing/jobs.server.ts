// The sourcing domain's durable jobs: queue name → handler, plus cron schedules. app/server/jobs/handlers.ts
// registers everything listed here in the worker.
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import type { JobContext } from "../jobs/types";
import { adminClientForShop } from "../shopify/admin.server";
import { BULK_CHECK_QUEUE, type BulkCheckPayload } from "./imports/bulk-import.server";
import { finishBulkImport } from "./imports/bulk-finish.server";
import { IMPORT_QUEUE, type ImportJobPayload } from "./imports/import-jobs.server";
import { runImportJob, type ImportDeps } from "./imports/run-import.server";
import { runSync, type SyncDeps } from "./sync/sync-engine.server";
import { enqueueDueShops, SYNC_QUEUE, SYNC_TICK_QUEUE, type SyncJobPayload } from "./sync/sync-jobs.server";
import { processSupplierEvents, SUPPLIER_EVENTS_QUEUE, type SupplierEventsPayload } from "./sync/supplier-events.server";
import { pollSandboxFeed, SANDBOX_FEED_QUEUE } from "./sync/sandbox-feed.server";
import { finishReconciliation, RECONCILE_QUEUE, startReconciliation, type ReconcilePayload } from "./sync/reconcile.server";

function syncDeps(ctx: JobContext<unknown>): SyncDeps {
  return { adminFor: adminClientForShop, onProgress: (p) => ctx.updateProgress(p) };
}

function importDeps(ctx: JobContext<unknown>): ImportDeps {
  return {
    adminFor: adminClientForShop,
    appUrl: process.env.SHOPIFY_APP_URL ?? "http://127.0.0.1:3000",
    signal: ctx.signal,
    onProgress: (p) => ctx.updateProgress(p),
  };
}

export function sourcingJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return {
    [IMPORT_QUEUE]: {
      handler: async (ctx: JobContext<ImportJobPayload>) => runImportJob(ctx.payload.importJobId, importDeps(ctx)),
      options: { concurrency: 2, leaseMs: 15 * 60_000 },
    },
    [BULK_CHECK_QUEUE]: {
      handler: async (ctx: JobContext<BulkCheckPayload>) => {
        const done = await finishBulkImport(ctx.payload.shop, ctx.payload.bulkOperationGid, importDeps(ctx));
        // Still running: look again shortly (a new key per attempt, so the dedupe does not swallow it).
        if (!done) await deps.jobs.enqueue(BULK_CHECK_QUEUE, ctx.payload, { shop: ctx.payload.shop, dedupeKey: `${ctx.id}:again`, delayMs: 60_000 });
      },
      options: { concurrency: 2 },
    },
    [SYNC_TICK_QUEUE]: { handler: async () => enqueueDueShops(deps.jobs), options: { concurrency: 1 } },
    [SYNC_QUEUE]: {
      handler: async (ctx: JobContext<SyncJobPayload>) => runSync(ctx.payload.shop, ctx.payload.trigger, ctx.payload.productGid ? { productGid: ctx.payload.productGid } : {}, syncDeps(ctx)),
      options: { concurrency: 2, leaseMs: 15 * 60_000 },
    },
    [SUPPLIER_EVENTS_QUEUE]: {
      handler: async (ctx: JobContext<SupplierEventsPayload>) => {
        const done = await processSupplierEvents(ctx.payload.shop, syncDeps(ctx));
        // Events that arrived while this run worked get their own run (a new key, so the dedupe keeps it).
        if (done) await deps.jobs.enqueue(SUPPLIER_EVENTS_QUEUE, ctx.payload, { shop: ctx.payload.shop, dedupeKey: `${ctx.id}:again` });
      },
      options: { concurrency: 2, leaseMs: 10 * 60_000 },
    },
    [RECONCILE_QUEUE]: {
      handler: async (ctx: JobContext<ReconcilePayload>) => {
        const admin = await adminClientForShop(ctx.payload.shop);
        const gid = ctx.payload.bulkOperationGid ?? (await startReconciliation(admin));
        const done = await finishReconciliation(ctx.payload.shop, admin, gid);
        // Still running: look again in a minute (a new key per attempt, so the dedupe does not swallow it).
        if (!done) await deps.jobs.enqueue<ReconcilePayload>(RECONCILE_QUEUE, { shop: ctx.payload.shop, bulkOperationGid: gid }, { shop: ctx.payload.shop, dedupeKey: `${ctx.id}:again`, delayMs: 60_000 });
      },
      options: { concurrency: 1, leaseMs: 10 * 60_000 },
    },
    [SANDBOX_FEED_QUEUE]: { handler: async () => pollSandboxFeed(deps.jobs), options: { concurrency: 1 } },
  };
}

// Each shop syncs on its own schedule (5 min – 24 h, default 15 min; peers sync hourly or every 12 h, and
// that lag is what oversells): a one-minute tick enqueues the shops that are due. The sandbox supplier's
// change feed is polled every minute too (CJ and JD push or queue their events through the same entry point).
export const sourcingJobSchedules: JobScheduleSpec[] = [
  { name: "sourcing.sync.tick", cron: "* * * * *", queue: SYNC_TICK_QUEUE, payload: {} },
  { name: "sourcing.sandbox-feed", cron: "* * * * *", queue: SANDBOX_FEED_QUEUE, payload: {} },
];
