import { adminSchema, prepareDocument, selectOperation } from "./schema";
import { actualCost, requestedCost } from "./cost";
import { runOperation } from "./executor";
import { SINGLE_QUERY_MAX_COST } from "./plans";
import type { ResolverContext } from "./context";
import type { ShopifyError } from "./shopify-errors";

export interface GraphqlRequestBody { query?: string; variables?: Record<string, unknown> | null; operationName?: string | null }

export interface GraphqlResponse { status: number; body: Record<string, unknown> }

const THROTTLE_DOCS = "https://shopify.dev/api/usage/rate-limits";

/** One Admin API call: validate (cached), price, charge the bucket, execute, refund the difference. */
export async function handleGraphql(ctx: ResolverContext, request: GraphqlRequestBody): Promise<GraphqlResponse> {
  if (typeof request.query !== "string" || !request.query.trim()) {
    return { status: 400, body: { errors: [{ message: "No query string was present" }] } };
  }
  const prepared = prepareDocument(request.query);
  if (!prepared.ok) return { status: 200, body: { errors: prepared.errors } };
  const op = selectOperation(prepared, request.operationName);
  if (!op) {
    const message = request.operationName ? `No operation named "${request.operationName}"` : "An operation name is required";
    return { status: 200, body: { errors: [{ message, extensions: { code: "OPERATION_NAME_REQUIRED" } }] } };
  }
  const variables = request.variables ?? {};
  const bucket = ctx.shop.bucket;
  const requested = requestedCost(adminSchema(), prepared.document, op, variables);
  if (requested > SINGLE_QUERY_MAX_COST) {
    const error: ShopifyError = {
      message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\nSee ${THROTTLE_DOCS} for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/docs/api/usage/bulk-operations/queries for usage details.\n`,
      extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
    };
    return { status: 200, body: { errors: [error], extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } } } };
  }
  if (!bucket.tryTake(requested)) {
    return {
      status: 200,
      body: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: THROTTLE_DOCS } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
      },
    };
  }
  const { result, errors } = await runOperation(ctx, prepared.document, op, variables);
  const actual = result.data ? Math.min(requested, actualCost(adminSchema(), prepared.document, op, variables, result.data)) : 0;
  bucket.refund(requested - actual);
  const body: Record<string, unknown> = {};
  if (result.data !== undefined) body.data = result.data;
  if (errors?.length) body.errors = errors;
  body.extensions = { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } };
  return { status: 200, body };
}
