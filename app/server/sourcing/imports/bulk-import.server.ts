import db from "../../../db.server";
import { jobQueue } from "../../jobs/queue.server";
import { listImportItems } from "../import-list/import-list.server";
import { knownSkusByProduct, planWith, type PushContext } from "../push/push-product.server";
import { BULK_OPERATION, BULK_PRODUCT_SET, BULK_RUN_MUTATION, STAGED_UPLOADS_CREATE } from "./bulk-operations";
import { finishJob } from "./import-jobs.server";

export const BULK_CHECK_QUEUE = "sourcing.bulk-import-check";
/** If the finish webhook never comes, a delayed check polls the operation instead. */
const SAFETY_CHECK_DELAY_MS = 10 * 60_000;

export interface BulkCheckPayload {
  shop: string;
  bulkOperationGid: string;
}

/**
 * Uploads one JSONL line per pending product (line n = ImportJobItem.lineNumber order) and starts one bulk
 * mutation. The operation id is stored at once; completion arrives via bulk_operations/finish.
 */
export async function startBulkImport(jobId: string, ctx: PushContext): Promise<void> {
  const rows = await db.importJobItem.findMany({ where: { jobId, status: "pending" }, orderBy: { lineNumber: "asc" } });
  const items = new Map((await listImportItems(ctx.shop, rows.map((r) => r.importItemId))).map((i) => [i.id, i]));
  const known = await knownSkusByProduct(ctx.shop, [...items.values()].map((i) => i.productGid));
  const lines: string[] = [];
  for (const [index, row] of rows.entries()) {
    const item = items.get(row.importItemId);
    // Results come back by line index, so each pending row is renumbered to its line in this upload.
    if (row.lineNumber !== index) await db.importJobItem.update({ where: { id: row.id }, data: { lineNumber: index } });
    const plan = item ? planWith(ctx, item, known.get(item.productGid ?? "") ?? new Set()) : null;
    lines.push(JSON.stringify(plan ? { input: plan.input, identifier: plan.identifier } : { input: {} }));
  }
  const path = await uploadJsonl(ctx, `silkroute-import-${jobId}.jsonl`, lines.join("\n"));
  const { bulkOperationRunMutation } = await ctx.admin.request(BULK_RUN_MUTATION, { mutation: BULK_PRODUCT_SET, stagedUploadPath: path, clientIdentifier: jobId });
  const operationId = bulkOperationRunMutation?.bulkOperation?.id;
  if (!operationId) throw new Error("bulkOperationRunMutation returned no operation");
  await db.importJob.update({ where: { id: jobId }, data: { status: "awaiting_bulk", bulkOperationGid: operationId } });
  await jobQueue().enqueue<BulkCheckPayload>(BULK_CHECK_QUEUE, { shop: ctx.shop, bulkOperationGid: operationId }, { shop: ctx.shop, dedupeKey: `safety:${operationId}`, delayMs: SAFETY_CHECK_DELAY_MS });
}

async function uploadJsonl(ctx: PushContext, filename: string, body: string): Promise<string> {
  const { stagedUploadsCreate } = await ctx.admin.request(STAGED_UPLOADS_CREATE, { filename });
  const target = stagedUploadsCreate?.stagedTargets?.[0];
  if (!target?.url) throw new Error("stagedUploadsCreate returned no target");
  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  form.append("file", new Blob([body], { type: "text/jsonl" }), filename);
  const response = await fetch(target.url, { method: "POST", body: form });
  if (!response.ok) throw new Error(`Staged upload failed with HTTP ${response.status}`);
  const key = target.parameters.find((p) => p.name === "key")?.value;
  if (!key) throw new Error("Staged upload target has no key");
  return key;
}

/** The operation's state as Shopify reports it; null while it still runs. */
export async function completedOperation(ctx: PushContext, bulkOperationGid: string) {
  const { bulkOperation } = await ctx.admin.request(BULK_OPERATION, { id: bulkOperationGid });
  if (!bulkOperation || bulkOperation.status === "CREATED" || bulkOperation.status === "RUNNING" || bulkOperation.status === "CANCELING") return null;
  return bulkOperation;
}

export async function failBulkJob(jobId: string, reason: string): Promise<void> {
  await finishJob(jobId, reason);
}
