import {
  execute, getNamedType, GraphQLError, print, isObjectType,
  type DocumentNode, type ExecutionResult, type GraphQLResolveInfo, type GraphQLFieldResolver, type GraphQLTypeResolver, type OperationDefinitionNode,
} from "graphql";
import { adminSchema } from "./schema";
import { defaultFor } from "./defaults";
import { paginate } from "./connection";
import { isoAt } from "./clock";
import { legacyId, parseGid } from "../server/shopify/gid";
import { toShopifyVariableError, type ShopifyError } from "./shopify-errors";
import { queryResolvers, mutationResolvers } from "./resolvers";
import { filterMetafields, findMetafield } from "./domains/metafields";
import { applyRules } from "./rules/enforce";
import type { ResolverContext } from "./context";
import type { Rec } from "./state";

const GID_TYPENAMES: Record<string, string> = { DeliveryCarrierService: "DeliveryCarrierService" };

const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (value, _ctx, info, abstractType) => {
  const v = value as Rec | null;
  if (v?.__typename) return v.__typename as string;
  if (typeof v?.id === "string") {
    const resource = parseGid(v.id).resource;
    return GID_TYPENAMES[resource] ?? resource;
  }
  return info.schema.getPossibleTypes(abstractType)[0]?.name;
};

/** Plain records resolve by property; functions compute; arrays become connections where the schema says so. */
const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, ctx, info) => {
  const parent = info.parentType.name;
  if (parent === "QueryRoot" || parent === "Mutation") {
    const table = parent === "QueryRoot" ? queryResolvers : mutationResolvers;
    const resolver = table[info.fieldName];
    // Rules the descriptions state beyond the types (idempotency keys, mandatory inputs, limits): rules/table.ts.
    return applyRules(args, ctx, info, () => (resolver
      ? asConnection(resolver(args, ctx, info), args, ctx, info)
      : defaultFor(info.returnType, info, isoAt(ctx.core.clock), args)));
  }
  const src = source as Rec;
  let value = src?.[info.fieldName];
  if (typeof value === "function") value = value.call(src, args, ctx, info);
  if (value === undefined) {
    if (info.fieldName === "legacyResourceId" && typeof src?.id === "string") return legacyId(src.id).replace(/\?.*$/, "");
    if (info.fieldName === "metafield" && Array.isArray(src?.metafields)) return findMetafield(src.metafields, args, ctx.core.appId);
    return defaultFor(info.returnType, info, isoAt(ctx.core.clock), args);
  }
  return asConnection(value, args, ctx, info);
};

function asConnection(value: unknown, args: Rec, ctx: ResolverContext, info: GraphQLResolveInfo): unknown {
  const named = getNamedType(info.returnType);
  if (!isObjectType(named) || !named.name.endsWith("Connection")) return value;
  const toConnection = (items: unknown): unknown => {
    if (!Array.isArray(items)) return items;
    const list = named.name === "MetafieldConnection" ? filterMetafields(items, args, ctx.core.appId) : items;
    // A bulk query reads every node (Shopify pages internally); elsewhere first/last is required.
    if ((ctx as { bulk?: true }).bulk && args.first == null && args.last == null) return allNodes(list);
    return paginate(list, args);
  };
  return value instanceof Promise ? value.then(toConnection) : toConnection(value);
}

function allNodes(items: unknown[]): Rec {
  const edges = items.map((node, i) => ({ cursor: String(i), node }));
  return { edges, nodes: items, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

export interface ExecuteOutcome {
  result: ExecutionResult;
  /** Shopify-shaped top-level errors (variable coercion, resolver failures). */
  errors?: ShopifyError[];
}

export async function runOperation(
  ctx: ResolverContext, document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>,
): Promise<ExecuteOutcome> {
  const result = (await execute({
    schema: adminSchema(),
    document,
    operationName: op.name?.value,
    variableValues: variables,
    contextValue: ctx,
    rootValue: {},
    fieldResolver,
    typeResolver,
  })) as ExecutionResult;
  if (!result.errors?.length) return { result };
  if (!("data" in result) || result.data === undefined) {
    const declared = (name: string): string | undefined => {
      const def = op.variableDefinitions?.find((v) => v.variable.name.value === name);
      return def ? print(def.type) : undefined;
    };
    return { result, errors: result.errors.map((e) => toShopifyVariableError(e as GraphQLError, declared)) };
  }
  return {
    result,
    errors: result.errors.map((e) => ({
      message: e.message,
      locations: e.locations?.map((l) => ({ line: l.line, column: l.column })),
      path: e.path?.slice(),
      extensions: { code: (e.extensions?.code as string) ?? "INTERNAL_SERVER_ERROR", ...e.extensions },
    })),
  };
}
