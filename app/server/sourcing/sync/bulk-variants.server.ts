import type { AdminClient } from "../../shopify/admin-client";
import { BULK_RUN_MUTATION, STAGED_UPLOADS_CREATE } from "../imports/bulk-operations";
import { SYNC_BULK_OPERATION, SYNC_VARIANTS_UPDATE } from "./sync-operations";

/**
 * From this many products with variant changes in one write (a pipeline slice holds up to 2,000 SKUs: an exchange
 * rate move re-prices every single-variant product in it), they go out as ONE bulk mutation: 250 per-product calls
 * at 10 points each already exceed the Standard plan's 2,000-point bucket.
 */
export const BULK_VARIANTS_MIN_PRODUCTS = 250;

export interface ProductVariantsUpdate { productId: string; variants: Record<string, unknown>[] }
/** null: the result file does not mention the line, so whether it was written is unknown. */
export type LineOutcome = { ok: true } | { ok: false; error: string } | null;
export interface BulkVariantsOptions { fetchFile?: typeof fetch; pollMs?: number; maxWaitMs?: number }

/**
 * productVariantsBulkUpdate for many products as one bulk mutation operation
 * (https://shopify.dev/docs/api/usage/bulk-operations/imports): the variables go in a JSONL file, one line per
 * product, uploaded to a staged target (stagedUploadsCreate, resource BULK_MUTATION_VARIABLES); one
 * bulkOperationRunMutation runs SYNC_VARIANTS_UPDATE for each line; the result file has one line per input line
 * (`__lineNumber`) with that line's data or errors. Three Admin calls plus the status polls, however many
 * products. Returns each product's outcome in input order, or null outcomes when Shopify refused to start it.
 */
export async function updateVariantsInBulk(admin: AdminClient, updates: readonly ProductVariantsUpdate[], clientIdentifier: string, options: BulkVariantsOptions = {}): Promise<{ calls: number; outcomes: LineOutcome[] | null }> {
  let calls = 0;
  const body = updates.map((u) => JSON.stringify({ productId: u.productId, variants: u.variants })).join("\n");
  calls++;
  const { stagedUploadsCreate } = await admin.request(STAGED_UPLOADS_CREATE, { filename: `${clientIdentifier}.jsonl` });
  const target = stagedUploadsCreate?.stagedTargets?.[0];
  const key = target?.parameters.find((p) => p.name === "key")?.value;
  if (!target?.url || !key) throw new Error("stagedUploadsCreate returned no target");
  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  form.append("file", new Blob([body], { type: "text/jsonl" }), `${clientIdentifier}.jsonl`);
  const upload = await fetch(target.url, { method: "POST", body: form });
  if (!upload.ok) throw new Error(`Staged upload failed with HTTP ${upload.status}`);

  calls++;
  const { bulkOperationRunMutation } = await admin.request(BULK_RUN_MUTATION, { mutation: SYNC_VARIANTS_UPDATE, stagedUploadPath: key, clientIdentifier });
  const operationId = bulkOperationRunMutation?.bulkOperation?.id;
  // Refused (another bulk mutation of ours still runs, e.g. an import: LIMIT_REACHED): the caller writes per product.
  if (!operationId) return { calls, outcomes: null };

  const deadline = Date.now() + (options.maxWaitMs ?? 15 * 60_000);
  for (;;) {
    calls++;
    const { node } = await admin.request(SYNC_BULK_OPERATION, { id: operationId });
    if (!node || !("status" in node)) throw new Error(`No bulk operation ${operationId}`);
    if (node.status === "COMPLETED") {
      const outcomes: LineOutcome[] = updates.map(() => null);
      if (!node.url) return { calls, outcomes }; // no result file: nothing is known, so nothing is marked
      const text = await (await (options.fetchFile ?? fetch)(node.url)).text();
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { __lineNumber?: number; errors?: Array<{ message: string }>; data?: { productVariantsBulkUpdate?: { userErrors?: Array<{ message: string }> } } };
        if (row.__lineNumber === undefined || row.__lineNumber >= outcomes.length) continue;
        const problems = [...(row.errors ?? []), ...(row.data?.productVariantsBulkUpdate?.userErrors ?? [])].map((e) => e.message);
        outcomes[row.__lineNumber] = problems.length ? { ok: false, error: problems.join("; ").slice(0, 500) } : { ok: true };
      }
      return { calls, outcomes };
    }
    if (node.status !== "CREATED" && node.status !== "RUNNING") throw new Error(`The bulk variant update ended ${node.status}${node.errorCode ? ` (${node.errorCode})` : ""}`);
    if (Date.now() > deadline) throw new Error("The bulk variant update is still running; the changes stay pending for the next pass");
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1_000));
  }
}
