import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema, parse, validate, specifiedRules, GraphQLError,
  type DocumentNode, type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode,
} from "graphql";
import { toShopifyValidationError, toShopifyParseError, type ShopifyError } from "./shopify-errors";

const SCHEMA_PATH = fileURLToPath(new URL("../graphql/admin_2026-10.json.gz", import.meta.url));

let schema: GraphQLSchema | undefined;

/** Building the client schema costs ~0.3 s, so it happens once per process and is shared by every emulator. */
export function adminSchema(): GraphQLSchema {
  if (!schema) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_PATH)).toString("utf8")) as { data: IntrospectionQuery };
    schema = buildClientSchema(json.data);
  }
  return schema;
}

export type PreparedDocument =
  | { ok: true; document: DocumentNode; operations: OperationDefinitionNode[] }
  | { ok: false; errors: ShopifyError[] };

const MAX_CACHED = 2000;
const cache = new Map<string, PreparedDocument>();

/** Parses and validates once per distinct document text; benchmarks send the same productSet text thousands of times. */
export function prepareDocument(text: string): PreparedDocument {
  const hit = cache.get(text);
  if (hit) return hit;
  const prepared = prepareUncached(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, prepared);
  return prepared;
}

function prepareUncached(text: string): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return { ok: false, errors: [toShopifyParseError(error as GraphQLError)] };
  }
  const errors = validate(adminSchema(), document, specifiedRules, { maxErrors: 50 });
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => toShopifyValidationError(e, document)) };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  return { ok: true, document, operations };
}

export function selectOperation(prepared: Extract<PreparedDocument, { ok: true }>, name?: string | null): OperationDefinitionNode | undefined {
  if (name) return prepared.operations.find((o) => o.name?.value === name);
  return prepared.operations.length === 1 ? prepared.operations[0] : undefined;
}
