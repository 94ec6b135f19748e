import { GraphQLError } from "graphql";
import type { Rec } from "./state";

export interface ConnectionArgs { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }

export function encodeCursor(node: Rec, index: number): string {
  const id = typeof node?.id === "string" ? /\/(\d+)(\?.*)?$/.exec(node.id)?.[1] : undefined;
  return Buffer.from(JSON.stringify({ last_id: id ? Number(id) : index, last_value: id ?? String(index) })).toString("base64");
}

function cursorIndex(items: Rec[], cursor: string): number {
  try {
    const { last_id } = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id: number };
    const byId = items.findIndex((n) => typeof n?.id === "string" && n.id.replace(/\?.*$/, "").endsWith(`/${last_id}`));
    return byId >= 0 ? byId : last_id;
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`);
  }
}

/** Shopify refuses unbounded connections, so must we: exactly one of first/last is required. */
export function paginate(all: Rec[], args: ConnectionArgs): Rec {
  if (args.first == null && args.last == null) throw new GraphQLError("you must provide one of first or last");
  if ((args.first ?? 0) > 250 || (args.last ?? 0) > 250) {
    throw new GraphQLError(`The ${args.first != null ? "first" : "last"} argument must be less than or equal to 250.`);
  }
  const items = args.reverse ? [...all].reverse() : all;
  let start = 0;
  let end = items.length;
  if (args.after) start = cursorIndex(items, args.after) + 1;
  if (args.before) end = cursorIndex(items, args.before);
  let slice = items.slice(start, Math.max(start, end)).map((node, i) => ({ node, index: start + i }));
  let hasNextPage = end < items.length;
  let hasPreviousPage = start > 0;
  if (args.first != null) {
    hasNextPage = hasNextPage || slice.length > args.first;
    slice = slice.slice(0, args.first);
  } else if (args.last != null) {
    hasPreviousPage = hasPreviousPage || slice.length > args.last;
    slice = slice.slice(Math.max(0, slice.length - args.last));
  }
  const edges = slice.map(({ node, index }) => ({ cursor: encodeCursor(node, index), node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
