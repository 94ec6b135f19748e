import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { listImportItems } from "../import-list/import-list.server";
import { loadPricingContext } from "../pricing/pricing-context.server";
import { shopCountry } from "../settings.server";
import { pushImportItem, type PushContext } from "../push/push-product.server";
import { warehouseLocations } from "../warehouse-locations.server";
import { failureReason, finishJob, settleJobItem } from "./import-jobs.server";
import { startBulkImport } from "./bulk-import.server";

export interface ImportDeps {
  adminFor(shop: string): Promise<AdminClient>;
  appUrl: string;
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): Promise<void>;
  /** Parallel productSet calls; the Admin client's cost pacer decides how fast they actually go. */
  concurrency?: number;
}

export async function pushContextFor(shop: string, deps: ImportDeps): Promise<PushContext> {
  const admin = await deps.adminFor(shop);
  const locations = await warehouseLocations(admin);
  return { admin, shop, locations, appUrl: deps.appUrl, pricing: await loadPricingContext(shop, await shopCountry(admin).catch(() => null)) };
}

/**
 * Runs (or resumes) an import job. Only products still pending are pushed, and each push is keyed by the
 * stored product GID or our handle, so a job re-run after a killed worker neither skips nor duplicates.
 */
export async function runImportJob(importJobId: string, deps: ImportDeps): Promise<void> {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: importJobId } });
  if (job.status === "completed" || job.status === "failed" || job.status === "awaiting_bulk") return;
  await db.importJob.update({ where: { id: job.id }, data: { status: "running" } });
  const ctx = await pushContextFor(job.shop, deps);
  if (job.mode === "bulk") return startBulkImport(job.id, ctx);

  const pending = await db.importJobItem.findMany({ where: { jobId: job.id, status: "pending" }, orderBy: { lineNumber: "asc" } });
  const items = new Map((await listImportItems(job.shop, pending.map((p) => p.importItemId))).map((i) => [i.id, i]));
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      deps.signal?.throwIfAborted();
      const row = pending[next++]!;
      const item = items.get(row.importItemId);
      if (!item) {
        await settleJobItem(job.id, row.importItemId, { error: "The product was removed from the import list." });
        continue;
      }
      try {
        await settleJobItem(job.id, item.id, { productGid: await pushImportItem(ctx, item, `import-job:${job.id}:item:${item.id}`) });
      } catch (error) {
        if (deps.signal?.aborted) throw error; // lease lost or worker stopping: resume later, record nothing
        await settleJobItem(job.id, item.id, { error: failureReason(error) });
      }
      const counts = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { done: true, failed: true, total: true } });
      await deps.onProgress?.({ done: counts.done + counts.failed, total: counts.total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 6, pending.length || 1) }, worker));
  await finishJob(job.id);
}
