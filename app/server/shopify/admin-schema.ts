import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export const ADMIN_SCHEMA_FILE = path.resolve(import.meta.dirname, "../../graphql/admin_2026-10.json.gz");

let schema: GraphQLSchema | undefined;

/** The real Admin API 2026-10 schema (vendored from @shopify/dev-mcp), built once per process. */
export function adminSchema(): GraphQLSchema {
  if (!schema) {
    const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(ADMIN_SCHEMA_FILE)).toString("utf8")) as { data: IntrospectionQuery };
    schema = buildClientSchema(json.data);
  }
  return schema;
}
