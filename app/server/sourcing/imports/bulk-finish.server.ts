import db from "../../../db.server";
import { inChunks } from "../chunked";
import { listImportItems } from "../import-list/import-list.server";
import { knownSkusByProduct, planWith, type PushContext } from "../push/push-product.server";
import { releaseCustomsHolds } from "../../fulfillment/preflight/customs-hold.server";
import { pushedProductWrites, stockUpdatesFor, type PushedProduct, type StockUpdate } from "../push/record-push.server";
import { applyStockUpdates } from "../push/stock-updates.server";
import { publishImportedProduct } from "../push/sales-channels.server";
import { notifyMappingsChanged } from "../variant-mappings.server";
import { completedOperation } from "./bulk-import.server";
import { finishJob, settleJobItem } from "./import-jobs.server";
import { pushContextFor, type ImportDeps } from "./run-import.server";

interface ResultLine {
  __lineNumber: number;
  data?: { productSet?: { product?: PushedProduct | null; userErrors?: Array<{ message: string }> } | null };
  errors?: Array<{ message: string }>;
}

const CHUNK = 100;

/**
 * Maps a finished bulk import back: GIDs and mappings for every created/updated product, the reason for every
 * failed line, then stock corrections for variants that existed before. Idempotent: settled rows are skipped.
 * Returns false while the operation is still running (the caller checks again later).
 */
export async function finishBulkImport(shop: string, bulkOperationGid: string, deps: ImportDeps): Promise<boolean> {
  const job = await db.importJob.findFirst({ where: { shop, bulkOperationGid } });
  if (!job || job.status === "completed" || job.status === "failed") return true;
  const ctx = await pushContextFor(job.shop, deps);
  const operation = await completedOperation(ctx, bulkOperationGid);
  if (!operation) return false;
  const resultUrl = operation.url ?? operation.partialDataUrl;
  const results = resultUrl ? await download(resultUrl) : [];
  const completed = operation.status === "COMPLETED";
  await applyResults(ctx, job.id, results, completed ? null : `Bulk operation ${operation.status.toLowerCase()}${operation.errorCode ? ` (${operation.errorCode})` : ""}`);
  await finishJob(job.id, completed ? undefined : `Shopify stopped the bulk import: ${operation.status.toLowerCase()}`);
  return true;
}

async function download(url: string): Promise<ResultLine[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Bulk result download failed with HTTP ${response.status}`);
  return (await response.text()).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as ResultLine);
}

async function applyResults(ctx: PushContext, jobId: string, results: ResultLine[], missingReason: string | null): Promise<void> {
  const byLine = new Map(results.map((r) => [r.__lineNumber, r]));
  const stock: StockUpdate[] = [];
  const rows = await db.importJobItem.findMany({ where: { jobId, status: "pending" }, orderBy: { lineNumber: "asc" } });
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const items = new Map((await listImportItems(ctx.shop, chunk.map((r) => r.importItemId))).map((i) => [i.id, i]));
    const known = await knownSkusByProduct(ctx.shop, [...items.values()].map((i) => i.productGid));
    const writes = [];
    const pushed: Array<{ rowId: string; productGid: string }> = [];
    for (const row of chunk) {
      const line = byLine.get(row.lineNumber);
      const item = items.get(row.importItemId);
      const product = line?.data?.productSet?.product;
      if (!item || !product) {
        const why = line?.data?.productSet?.userErrors?.map((e) => e.message).join("; ") || line?.errors?.map((e) => e.message).join("; ")
          || (item ? missingReason ?? "Shopify returned no result for this product." : "The product was removed from the import list.");
        await settleJobItem(jobId, row.importItemId, { error: why });
        continue;
      }
      // The plan is rebuilt from the same import item (and the same known SKUs) as the uploaded line.
      const knownSkus = known.get(item.productGid ?? "") ?? new Set<string>();
      const plan = planWith(ctx, item, knownSkus);
      writes.push(...pushedProductWrites(ctx.shop, item, plan, product, ctx.locations));
      stock.push(...stockUpdatesFor(plan, product, knownSkus, ctx.locations));
      pushed.push({ rowId: row.id, productGid: product.id });
    }
    // Mappings and row status commit together, so a crash here leaves the chunk pending and it is redone whole.
    await db.$transaction([
      ...writes,
      ...pushed.map((p) => db.importJobItem.update({ where: { id: p.rowId }, data: { status: "pushed", productGid: p.productGid } })),
      db.importJob.update({ where: { id: jobId }, data: { done: { increment: pushed.length } } }),
    ]);
  }
  notifyMappingsChanged(ctx.shop);
  await releaseCustomsHolds(ctx.shop); // the pushed products may complete what EU orders were held for
  await publishPushedItems(ctx, jobId);
  await applyStockUpdates(ctx.admin, stock, "correction", `import-job:${jobId}`);
}

/** Publishes every product of the job not yet published, from the stored rows, so a crash here is resumed. */
async function publishPushedItems(ctx: PushContext, jobId: string): Promise<void> {
  const rows = await db.importJobItem.findMany({ where: { jobId, status: "pushed", productGid: { not: null } }, select: { importItemId: true, productGid: true } });
  const waiting = new Set((await inChunks(rows.map((r) => r.importItemId), (slice) => db.importItem.findMany({ where: { id: { in: slice }, publishedTo: "" }, select: { id: true } }))).map((i) => i.id));
  for (const r of rows) if (waiting.has(r.importItemId)) await publishImportedProduct(ctx.admin, ctx.shop, r.importItemId, r.productGid!, ctx.channels ??= {});
}
