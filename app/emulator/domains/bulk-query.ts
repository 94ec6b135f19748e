import type { ResolverContext } from "../context";
import { register, type Rec } from "../state";
import { isoAt } from "../clock";
import { prepareDocument, selectOperation } from "../schema";
import { runOperation } from "../executor";
import { num } from "../webhooks/rest-payloads";

/** Marks a resolver context as a bulk query's: connections need no first/last there (Shopify pages internally). */
export interface BulkResolverContext extends ResolverContext { bulk?: true }

const MAX_CONCURRENT = 5; // 2026-01+: five bulk operations per app per shop

/**
 * `bulkOperationRunQuery`: runs the query in the background over every node and writes JSONL the way
 * Shopify does — one line per connection node, nested connection nodes on their own lines with
 * `__parentId` — then emits bulk_operations/finish (https://shopify.dev/docs/api/usage/bulk-operations/queries).
 */
export function bulkOperationRunQuery(ctx: ResolverContext, args: Rec): Rec {
  const { core, shop: state } = ctx;
  const fail = (message: string, code: string) => ({ bulkOperation: null, userErrors: [{ field: ["query"], message, code }] });
  const running = state.bulkOperations.filter((b) => b.status === "CREATED" || b.status === "RUNNING");
  if (running.length >= MAX_CONCURRENT) return { bulkOperation: null, userErrors: [{ field: null, message: `A maximum of ${MAX_CONCURRENT} bulk operations can run at the same time for this app and shop.`, code: "LIMIT_REACHED" }] };
  const prepared = prepareDocument(args.query);
  const op = prepared.ok ? selectOperation(prepared) : undefined;
  if (!prepared.ok || !op || op.operation !== "query") return fail(`Invalid bulk query: ${prepared.ok ? "the document must be a query" : prepared.errors.map((e) => e.message).join(", ")}`, "INVALID");
  const now = isoAt(core.clock);
  const bulk: Rec = register(state, {
    __typename: "BulkOperation", id: core.ids.next("BulkOperation"), type: "QUERY", status: "CREATED", query: args.query,
    clientIdentifier: null, createdAt: now, completedAt: null, errorCode: null, objectCount: "0", rootObjectCount: "0", fileSize: null, url: null, partialDataUrl: null,
  });
  state.bulkOperations.push(bulk);
  core.background(async () => {
    await new Promise((r) => setImmediate(r));
    bulk.status = "RUNNING";
    const bulkCtx: BulkResolverContext = { ...ctx, bulk: true };
    const { result } = await runOperation(bulkCtx, prepared.document, op, {});
    const lines: string[] = [];
    let roots = 0;
    for (const value of Object.values(result.data ?? {})) {
      for (const node of nodesOf(value)) { roots++; flatten(node as Rec, null, lines); }
    }
    const body = lines.join("\n") + (lines.length ? "\n" : "");
    const key = `${num(bulk.id)}.jsonl`;
    state.bulkResults.set(key, body);
    Object.assign(bulk, {
      status: "COMPLETED", completedAt: isoAt(core.clock), objectCount: String(lines.length), rootObjectCount: String(roots),
      fileSize: String(Buffer.byteLength(body)), url: `${core.baseUrl()}/_emulator/bulk-results/${state.domain}/${key}`,
    });
    core.emit(state, "bulk_operations/finish", { admin_graphql_api_id: bulk.id, completed_at: bulk.completedAt, created_at: bulk.createdAt, error_code: null, status: "completed", type: "query" });
  });
  return { bulkOperation: bulk, userErrors: [] };
}

function nodesOf(value: unknown): unknown[] {
  if (!value || typeof value !== "object") return [];
  const v = value as Rec;
  if (Array.isArray(v.edges)) return v.edges.map((e: Rec) => e.node);
  if (Array.isArray(v.nodes)) return v.nodes;
  return [];
}

const isConnection = (v: unknown) => !!v && typeof v === "object" && (Array.isArray((v as Rec).edges) || Array.isArray((v as Rec).nodes));

/** One line for the node without its nested connections; their nodes follow with __parentId = this node's id. */
function flatten(node: Rec, parentId: string | null, lines: string[]): void {
  const children: Rec[] = [];
  const strip = (obj: Rec): Rec => Object.fromEntries(Object.entries(obj).flatMap(([k, v]) => {
    if (isConnection(v)) { children.push(...(nodesOf(v) as Rec[])); return []; }
    if (v && typeof v === "object" && !Array.isArray(v)) return [[k, strip(v as Rec)]];
    return [[k, v]];
  }));
  const line = strip(node);
  lines.push(JSON.stringify(parentId ? { ...line, __parentId: parentId } : line));
  for (const child of children) flatten(child, (node.id as string) ?? parentId, lines);
}
