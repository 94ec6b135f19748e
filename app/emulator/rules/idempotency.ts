import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { ShopState } from "../state";
import { payloadUserError } from "./payload-errors";

/**
 * Shopify's @idempotent directive, as documented for the 2026-04+ inventory and refund mutations
 * (https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations):
 * - required: without it the call fails at runtime with a top-level BAD_REQUEST (the schema cannot say so);
 * - the same key with the same arguments returns the original result instead of running again;
 * - the same key with other arguments, or after a failed first attempt, answers with the payload's
 *   IDEMPOTENCY_KEY_PARAMETER_MISMATCH / IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED user errors (their wording is the
 *   2026-10 enum descriptions).
 * Keys are kept per shop; Shopify does not publish how long, so the newest MAX_KEYS per shop are kept.
 */
const MAX_KEYS = 5000;

interface Stored { field: string; fingerprint: string; result: unknown; failed: boolean }

const stores = new WeakMap<ShopState, Map<string, Stored>>();

function storeOf(shop: ShopState): Map<string, Stored> {
  let store = stores.get(shop);
  if (!store) stores.set(shop, (store = new Map()));
  return store;
}

export const MISSING_KEY_MESSAGE = "The @idempotent directive is required for this mutation but was not provided.";

export function badRequest(info: GraphQLResolveInfo, message: string): GraphQLError {
  return new GraphQLError(message, { nodes: info.fieldNodes, path: [info.fieldName], extensions: { code: "BAD_REQUEST" } });
}

/** The key given with @idempotent on this field, or undefined when the directive is absent. */
export function idempotencyKey(info: GraphQLResolveInfo): string | undefined {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  if (!directive || !node) return undefined;
  const values = getDirectiveValues(directive, node, info.variableValues);
  return values ? String(values.key ?? "") : undefined;
}

function fingerprint(field: string, args: Record<string, unknown>): string {
  return JSON.stringify([field, args], (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function failedResult(result: unknown): boolean {
  const errors = (result as { userErrors?: unknown[] } | null)?.userErrors;
  return Array.isArray(errors) && errors.length > 0;
}

/** Runs the mutation once per key; replays, refuses a changed reuse, or refuses a key whose first try failed. */
export async function runIdempotent(shop: ShopState, info: GraphQLResolveInfo, key: string, args: Record<string, unknown>, run: () => unknown): Promise<unknown> {
  const store = storeOf(shop);
  const print = fingerprint(info.fieldName, args);
  const seen = store.get(key);
  if (seen) {
    if (seen.fingerprint !== print) return reuseRefusal(info, "IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    if (seen.failed) return reuseRefusal(info, "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
    return seen.result;
  }
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    remember(store, key, { field: info.fieldName, fingerprint: print, result: null, failed: true });
    throw error;
  }
  remember(store, key, { field: info.fieldName, fingerprint: print, result, failed: failedResult(result) });
  return result;
}

function remember(store: Map<string, Stored>, key: string, entry: Stored): void {
  if (store.size >= MAX_KEYS) store.delete(store.keys().next().value!);
  store.set(key, entry);
}

function reuseRefusal(info: GraphQLResolveInfo, code: string): unknown {
  const payload = payloadUserError(info, null, code);
  if (payload) return payload;
  throw badRequest(info, code === "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"
    ? "The same idempotency key cannot be used with different operation parameters."
    : "A previous request with this idempotency key failed. Retry with a new idempotency key.");
}
