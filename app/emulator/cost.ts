import {
  getNamedType, isCompositeType, isListType, isNonNullType, isObjectType, isInterfaceType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField,
  type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
  type DocumentNode, valueFromASTUntyped,
} from "graphql";

/**
 * Shopify's calculated query cost (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
 * scalars and enums 0, objects 1, connections 2 + first|last x (cost of one node), a mutation field 10.
 * The same walk gives the actual cost when fed the response data (connections count the nodes returned).
 */
export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function requestedCost(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const walk = makeWalk(schema, document, variables);
  if (op.operation === "mutation") return op.selectionSet.selections.length * MUTATION_FIELD_COST;
  const root = schema.getQueryType()!;
  return Math.ceil(selectionCost(walk, op.selectionSet, root, undefined));
}

export function actualCost(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>, data: unknown): number {
  const walk = makeWalk(schema, document, variables);
  if (op.operation === "mutation") return op.selectionSet.selections.length * MUTATION_FIELD_COST;
  if (!data) return 0;
  return Math.ceil(selectionCost(walk, op.selectionSet, schema.getQueryType()!, data as Record<string, unknown>));
}

function makeWalk(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): Walk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === "FragmentDefinition") fragments.set(d.name.value, d);
  return { schema, fragments, variables };
}

/** data === undefined means "estimate"; otherwise costs follow what was actually returned. */
function selectionCost(w: Walk, set: SelectionSetNode, parent: GraphQLCompositeType, data: Record<string, unknown> | undefined): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === "Field") total += fieldCost(w, sel, parent, data);
    else if (sel.kind === "InlineFragment") {
      const t = sel.typeCondition ? (w.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
      total += selectionCost(w, sel.selectionSet, t ?? parent, data);
    } else {
      const frag = w.fragments.get(sel.name.value);
      if (frag) total += selectionCost(w, frag.selectionSet, (w.schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType) ?? parent, data);
    }
  }
  return total;
}

function fieldCost(w: Walk, node: FieldNode, parent: GraphQLCompositeType, data: Record<string, unknown> | undefined): number {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
  const def: GraphQLField<unknown, unknown> | undefined = parent.getFields()[node.name.value];
  if (!def || !node.selectionSet) return 0;
  const named = getNamedType(def.type);
  if (!isCompositeType(named)) return 0;
  const key = node.alias?.value ?? node.name.value;
  const value = data === undefined ? undefined : data[key];
  if (data !== undefined && (value === null || value === undefined)) return 0;

  if (named.name.endsWith("Connection") && isObjectType(named)) {
    const size = data === undefined ? pageSize(w, node) : connectionLength(value);
    const nodeType = connectionNodeType(named);
    const perNode = nodeType ? 1 + nestedConnectionCost(w, node.selectionSet, named, value, data === undefined) : 1;
    return CONNECTION_BASE_COST + size * perNode;
  }
  if (isListOf(def.type)) {
    const items = Array.isArray(value) ? value : [undefined];
    const n = data === undefined ? (argNumber(w, node, "first") ?? 1) : items.length;
    const child = items[0] as Record<string, unknown> | undefined;
    return n * (1 + selectionCost(w, node.selectionSet, named, data === undefined ? undefined : child ?? {}));
  }
  return 1 + selectionCost(w, node.selectionSet, named, data === undefined ? undefined : (value as Record<string, unknown>));
}

/** Cost of what is selected under edges.node / nodes for one node (the node itself counted by the caller). */
function nestedConnectionCost(w: Walk, set: SelectionSetNode, conn: GraphQLCompositeType, value: unknown, estimate: boolean): number {
  let worst = 0;
  const v = value as { edges?: { node?: Record<string, unknown> }[]; nodes?: Record<string, unknown>[] } | undefined;
  const sample = estimate ? undefined : (v?.nodes?.[0] ?? v?.edges?.[0]?.node ?? {});
  for (const sel of set.selections) {
    if (sel.kind !== "Field" || !sel.selectionSet) continue;
    const connType = conn as import("graphql").GraphQLObjectType;
    if (sel.name.value === "nodes") {
      worst = Math.max(worst, selectionCost(w, sel.selectionSet, getNamedType(connType.getFields().nodes!.type) as GraphQLCompositeType, sample));
    } else if (sel.name.value === "edges") {
      const edgeType = getNamedType(connType.getFields().edges!.type) as import("graphql").GraphQLObjectType;
      for (const inner of sel.selectionSet.selections) {
        if (inner.kind === "Field" && inner.name.value === "node" && inner.selectionSet) {
          worst = Math.max(worst, selectionCost(w, inner.selectionSet, getNamedType(edgeType.getFields().node!.type) as GraphQLCompositeType, sample));
        }
      }
    }
  }
  return worst;
}

function connectionNodeType(conn: import("graphql").GraphQLObjectType): GraphQLOutputType | undefined {
  return conn.getFields().nodes?.type ?? conn.getFields().edges?.type;
}

function connectionLength(value: unknown): number {
  const v = value as { edges?: unknown[]; nodes?: unknown[] } | undefined;
  return Math.max(v?.edges?.length ?? 0, v?.nodes?.length ?? 0);
}

function pageSize(w: Walk, node: FieldNode): number {
  return argNumber(w, node, "first") ?? argNumber(w, node, "last") ?? 1;
}

function argNumber(w: Walk, node: FieldNode, name: string): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const v = valueFromASTUntyped(arg.value, w.variables);
  return typeof v === "number" ? v : undefined;
}

function isListOf(t: GraphQLOutputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}
