// The sourcing domain's durable jobs: queue name → handler, plus cron schedules. app/server/jobs/handlers.ts
// registers everything listed here in the worker.
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import type { JobContext } from "../jobs/types";
import { adminClientForShop } from "../shopify/admin.server";
import { BULK_CHECK_QUEUE, type BulkCheckPayload } from "./imports/bulk-import.server";
import { finishBulkImport } from "./imports/bulk-finish.server";
import { IMPORT_QUEUE, type ImportJobPayload } from "./imports/import-jobs.server";
import { runImportJob, type ImportDeps } from "./imports/run-import.server";
import { STOCK_SYNC_QUEUE, STOCK_SYNC_ALL_QUEUE, enqueueStockSyncForAllShops, syncShopStock, type StockSyncPayload } from "./sync/stock-sync.server";

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
    [STOCK_SYNC_ALL_QUEUE]: { handler: async () => enqueueStockSyncForAllShops(deps.jobs), options: { concurrency: 1 } },
    [STOCK_SYNC_QUEUE]: {
      handler: async (ctx: JobContext<StockSyncPayload>) => syncShopStock(ctx.payload.shop, { adminFor: adminClientForShop, onProgress: (p) => ctx.updateProgress(p) }),
      options: { concurrency: 2, leaseMs: 15 * 60_000 },
    },
  };
}

// Every 15 minutes: peers sync hourly or every 12 h, and that lag is what oversells.
export const sourcingJobSchedules: JobScheduleSpec[] = [
  { name: "sourcing.stock-sync.quarter-hourly", cron: "*/15 * * * *", queue: STOCK_SYNC_ALL_QUEUE, payload: {} },
];
