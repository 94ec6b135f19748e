import { randomUUID } from "node:crypto";
import type { Core, ResolverContext } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { prepareDocument, selectOperation } from "../schema";
import { runOperation } from "../executor";
import { num } from "../webhooks/rest-payloads";

const MAX_CONCURRENT = 5; // 2026-01+: five bulk operations per app per shop

export function stagedUploadsCreate(core: Core, state: ShopState, inputs: Rec[]): Rec {
  const url = `${core.baseUrl()}/_emulator/staged-uploads/${state.domain}`;
  const stagedTargets = inputs.map((input) => {
    const key = `tmp/${num(state.shop.id)}/bulk/${randomUUID()}/${input.filename}`;
    const bulk = input.resource === "BULK_MUTATION_VARIABLES";
    return {
      url,
      resourceUrl: bulk ? null : `${url}/${key}`,
      parameters: [
        { name: "key", value: key },
        { name: "Content-Type", value: input.mimeType },
        { name: "success_action_status", value: "201" },
        { name: "acl", value: "private" },
        { name: "policy", value: Buffer.from(JSON.stringify({ key, emulator: true })).toString("base64") },
        { name: "x-goog-credential", value: "emulator@shopify-emulator.invalid" },
        { name: "x-goog-algorithm", value: "GOOG4-RSA-SHA256" },
        { name: "x-goog-date", value: isoAt(core.clock).replace(/[-:]/g, "") },
        { name: "x-goog-signature", value: "emulator" },
      ],
    };
  });
  return { stagedTargets, userErrors: [] };
}

export function bulkOperationRunMutation(ctx: ResolverContext, args: Rec): Rec {
  const { core, shop: state } = ctx;
  const fail = (field: string[] | null, message: string, code: string) => ({ bulkOperation: null, userErrors: [{ field, message, code }] });
  const running = state.bulkOperations.filter((b) => b.status === "CREATED" || b.status === "RUNNING");
  if (running.length >= MAX_CONCURRENT) return fail(null, `A maximum of ${MAX_CONCURRENT} bulk operations can run at the same time for this app and shop.`, "LIMIT_REACHED");
  const prepared = prepareDocument(args.mutation);
  const op = prepared.ok ? selectOperation(prepared) : undefined;
  if (!prepared.ok || !op || op.operation !== "mutation" || op.selectionSet.selections.length !== 1) {
    const why = prepared.ok ? "the document must contain exactly one mutation with one root field" : prepared.errors.map((e) => e.message).join(", ");
    return fail(["mutation"], `Invalid mutation: ${why}`, "INVALID_MUTATION");
  }
  const content = state.stagedUploads.get(args.stagedUploadPath);
  if (content === undefined) {
    return fail(["stagedUploadPath"], "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.", "NO_SUCH_FILE");
  }
  const now = isoAt(core.clock);
  const bulk: Rec = register(state, {
    __typename: "BulkOperation",
    id: core.ids.next("BulkOperation"),
    type: "MUTATION",
    status: "CREATED",
    query: args.mutation,
    clientIdentifier: args.clientIdentifier ?? null,
    createdAt: now,
    completedAt: null,
    errorCode: null,
    objectCount: "0",
    rootObjectCount: "0",
    fileSize: null,
    url: null,
    partialDataUrl: null,
  });
  state.bulkOperations.push(bulk);
  core.background(async () => {
    await new Promise((r) => setImmediate(r));
    bulk.status = "RUNNING";
    const lines = content.split(/\r?\n/).filter((l) => l.trim());
    const out: string[] = [];
    for (const [i, line] of lines.entries()) {
      let variables: Record<string, unknown>;
      try { variables = JSON.parse(line); } catch {
        out.push(JSON.stringify({ errors: [{ message: `Invalid JSON on line ${i + 1}` }], __lineNumber: i }));
        continue;
      }
      const { result, errors } = await runOperation(ctx, prepared.document, op, variables);
      out.push(JSON.stringify({ ...(result.data ? { data: result.data } : {}), ...(errors ? { errors } : {}), __lineNumber: i }));
      bulk.objectCount = String(i + 1);
      bulk.rootObjectCount = String(i + 1);
    }
    const body = out.join("\n") + (out.length ? "\n" : "");
    const resultKey = `${num(bulk.id)}.jsonl`;
    state.bulkResults.set(resultKey, body);
    bulk.status = "COMPLETED";
    bulk.completedAt = isoAt(core.clock);
    bulk.fileSize = String(Buffer.byteLength(body));
    bulk.url = `${core.baseUrl()}/_emulator/bulk-results/${state.domain}/${resultKey}`;
    core.emit(state, "bulk_operations/finish", {
      admin_graphql_api_id: bulk.id, completed_at: bulk.completedAt, created_at: bulk.createdAt,
      error_code: null, status: "completed", type: "mutation",
    });
  });
  return { bulkOperation: bulk, userErrors: [] };
}

export function currentBulkOperation(state: ShopState, type: string | null | undefined): Rec | null {
  const wanted = type ?? "QUERY";
  return [...state.bulkOperations].reverse().find((b) => b.type === wanted) ?? null;
}
