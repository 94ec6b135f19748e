import db from "../../../db.server";
import { message } from "../../../i18n/message";
import { jobQueue } from "../../jobs/queue.server";
import { ImportListError } from "../import-list/import-list.server";
import { toImportItemView } from "../import-list/import-item-model";
import { englishGaps } from "../import-list/english-copy";
import { inChunks } from "../chunked";
import { assertImportAllowed, PlanLimitError } from "../../billing/limits.server";

export const IMPORT_QUEUE = "sourcing.import";
/** Above this many products one bulk operation beats paced productSet calls (and spares the cost bucket). */
export const BULK_THRESHOLD = 20;

export interface ImportJobPayload {
  importJobId: string;
}

/** Creates the job and its per-product rows, then enqueues it; the job id is the dedupe key. */
export async function startImport(shop: string, importItemIds: string[], options: { mode?: "sync" | "bulk" } = {}): Promise<string> {
  const busy = await itemsInActiveJobs(shop, importItemIds);
  const items = (await inChunks([...new Set(importItemIds)], (slice) => db.importItem.findMany({ where: { shop, id: { in: slice } }, select: { id: true, createdAt: true } })))
    .filter((i) => !busy.has(i.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  if (items.length === 0) throw new ImportListError(message(busy.size ? "import-item:errors.alreadyPushing" : "import-item:errors.selectOne"));
  await refuseMissingEnglish(shop, items.map((i) => i.id));
  // Plan allowance (products this month, real suppliers) is checked before anything is queued (ADR 1000).
  await assertImportAllowed(shop, items.map((i) => i.id)).catch((error) => {
    throw error instanceof PlanLimitError ? new ImportListError(error.i18n, true) : error;
  });
  const mode = options.mode ?? (items.length > BULK_THRESHOLD ? "bulk" : "sync");
  const job = await db.importJob.create({ data: { shop, mode, total: items.length } });
  await db.importJobItem.createMany({ data: items.map((item, lineNumber) => ({ jobId: job.id, importItemId: item.id, lineNumber })) });
  await inChunks(items.map((i) => i.id), async (slice) => [await db.importItem.updateMany({ where: { shop, id: { in: slice } }, data: { status: "queued", lastError: null } })]);
  await jobQueue().enqueue<ImportJobPayload>(IMPORT_QUEUE, { importJobId: job.id }, { shop, dedupeKey: job.id });
  return job.id;
}

/** Silkroute's storefronts are English: a product whose English copy is still missing is not pushed (Chinese supplier data). */
async function refuseMissingEnglish(shop: string, ids: string[]): Promise<void> {
  const rows = await inChunks(ids, (slice) => db.importItem.findMany({ where: { shop, id: { in: slice } } }));
  const missing = rows.map(toImportItemView).filter((item) => englishGaps(item).length > 0);
  if (missing.length === 0) return;
  const names = missing.slice(0, 3).map((m) => m.snapshot.titleZh ?? m.supplierProductId).join("、");
  throw new ImportListError(message("import-item:errors.englishMissing", { count: missing.length, names }));
}

const ACTIVE = ["queued", "running", "awaiting_bulk"];

/** Items another job is still pushing: two concurrent first pushes of one item could both create the product. */
async function itemsInActiveJobs(shop: string, importItemIds: string[]): Promise<Set<string>> {
  const active = await db.importJob.findMany({ where: { shop, status: { in: ACTIVE } }, select: { id: true } });
  if (active.length === 0) return new Set();
  const rows = await inChunks(importItemIds, (slice) => db.importJobItem.findMany({
    where: { jobId: { in: active.map((j) => j.id) }, importItemId: { in: slice }, status: "pending" }, select: { importItemId: true },
  }));
  return new Set(rows.map((r) => r.importItemId));
}

/** Marks one product's outcome once; a resumed job never counts a product twice. */
export async function settleJobItem(jobId: string, importItemId: string, outcome: { productGid: string } | { error: string }): Promise<void> {
  const pushed = "productGid" in outcome;
  const { count } = await db.importJobItem.updateMany({
    where: { jobId, importItemId, status: "pending" },
    data: pushed ? { status: "pushed", productGid: outcome.productGid } : { status: "failed", error: outcome.error },
  });
  if (count === 0) return;
  await db.importJob.update({ where: { id: jobId }, data: pushed ? { done: { increment: 1 } } : { failed: { increment: 1 } } });
  if (!pushed) await db.importItem.updateMany({ where: { id: importItemId }, data: { status: "failed", lastError: outcome.error } });
}

export async function finishJob(jobId: string, error?: string): Promise<void> {
  await db.importJob.update({ where: { id: jobId }, data: { status: error ? "failed" : "completed", error: error ?? null, finishedAt: new Date() } });
}

export interface ImportJobStatus {
  id: string;
  mode: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  error: string | null;
  failures: Array<{ importItemId: string; title: string; error: string }>;
}

export async function importJobStatus(shop: string, jobId: string): Promise<ImportJobStatus | null> {
  const job = await db.importJob.findFirst({ where: { shop, id: jobId } });
  if (!job) return null;
  const failedRows = await db.importJobItem.findMany({ where: { jobId, status: "failed" }, orderBy: { lineNumber: "asc" }, take: 100 });
  const titles = await db.importItem.findMany({ where: { id: { in: failedRows.map((r) => r.importItemId) } }, select: { id: true, title: true } });
  return {
    id: job.id, mode: job.mode, status: job.status, total: job.total, done: job.done, failed: job.failed, error: job.error,
    failures: failedRows.map((r) => ({ importItemId: r.importItemId, title: titles.find((t) => t.id === r.importItemId)?.title ?? r.importItemId, error: r.error ?? "" })),
  };
}

export async function latestImportJob(shop: string): Promise<ImportJobStatus | null> {
  const job = await db.importJob.findFirst({ where: { shop }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return job ? importJobStatus(shop, job.id) : null;
}

/** A merchant-readable reason: Shopify's userErrors say what to fix; anything else is summarised. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 497)}…` : message;
}
