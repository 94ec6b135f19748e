import type { CatalogStore } from "./catalog-store";
import type { SandboxChangeLog } from "./change-log";
import { SandboxApiError, type createOrderBook } from "./order-book";
import { orderWire, productSummaryWire, trackingWire } from "./wire-format";
import type { SandboxSearchQuery } from "../catalog/search-index";

export interface RouteContext {
  catalog: CatalogStore;
  orders: ReturnType<typeof createOrderBook>;
  changes: SandboxChangeLog;
  seed: number;
  now: () => number;
}

type Handler = (ctx: RouteContext, match: RegExpExecArray, url: URL, body: unknown) => unknown;

const SORTS = new Set(["relevance", "price_asc", "price_desc", "newest"]);

const routes: [string, RegExp, Handler][] = [
  ["GET", /^\/v1\/products$/, (ctx, _m, url) => {
    const q = parseSearch(url.searchParams);
    const result = ctx.catalog.index.search(q);
    return { total: result.total, page: q.page, page_size: q.pageSize,
      items: result.indices.map((i) => productSummaryWire(ctx.catalog.products[i]!)) };
  }],
  ["GET", /^\/v1\/products\/([^/]+)$/, (ctx, m) => {
    const product = ctx.catalog.product(decodeURIComponent(m[1]!));
    if (!product) throw new SandboxApiError(404, "PRODUCT_NOT_FOUND", "No such product");
    return product;
  }],
  ["POST", /^\/v1\/stock$/, (ctx, _m, _u, body) => {
    const { vids, warehouse } = (body ?? {}) as { vids?: unknown; warehouse?: unknown };
    if (!Array.isArray(vids) || typeof warehouse !== "string") throw new SandboxApiError(400, "INVALID_PARAM", "vids[] and warehouse are required");
    return vids.map((vid) => {
      const found = ctx.catalog.variant(String(vid));
      if (!found) throw new SandboxApiError(404, "VARIANT_NOT_FOUND", `Unknown variant ${String(vid)}`);
      return { vid: found.variant.vid, warehouse, qty: found.variant.stock[warehouse] ?? 0, cost_fen: found.variant.cost_fen };
    });
  }],
  ["GET", /^\/v1\/changes$/, (ctx, _m, url) => {
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 500)));
    if (!Number.isInteger(after) || after < 0) throw new SandboxApiError(400, "INVALID_PARAM", "after must be a non-negative integer");
    return ctx.changes.page(after, limit);
  }],
  ["POST", /^\/v1\/orders$/, (ctx, _m, _u, body) => orderWire(ctx.orders.create(body ?? {}).order, ctx.seed, ctx.now())],
  ["GET", /^\/v1\/orders\/([^/]+)$/, (ctx, m) => orderWire(ctx.orders.get(decodeURIComponent(m[1]!)), ctx.seed, ctx.now())],
  ["POST", /^\/v1\/orders\/([^/]+)\/confirm$/, (ctx, m) => orderWire(ctx.orders.confirm(decodeURIComponent(m[1]!)), ctx.seed, ctx.now())],
  ["POST", /^\/v1\/orders\/([^/]+)\/cancel$/, (ctx, m) => {
    const { order, alreadyCancelled } = ctx.orders.cancel(decodeURIComponent(m[1]!));
    return { ...orderWire(order, ctx.seed, ctx.now()), already_cancelled: alreadyCancelled };
  }],
  ["GET", /^\/v1\/orders\/([^/]+)\/tracking$/, (ctx, m) => trackingWire(ctx.orders.get(decodeURIComponent(m[1]!)), ctx.seed, ctx.now())],
];

export function routeRequest(ctx: RouteContext, method: string, url: URL, body: unknown): { status: number; payload: unknown } {
  for (const [m, pattern, handler] of routes) {
    const match = pattern.exec(url.pathname);
    if (match && m === method) return { status: 200, payload: { code: 0, data: handler(ctx, match, url, body) } };
  }
  throw new SandboxApiError(404, "NO_ROUTE", `No route for ${method} ${url.pathname}`);
}

function parseSearch(params: URLSearchParams): SandboxSearchQuery {
  const int = (name: string) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new SandboxApiError(400, "INVALID_PARAM", `${name} must be a non-negative integer`);
    return value;
  };
  const sort = params.get("sort") ?? "relevance";
  if (!SORTS.has(sort)) throw new SandboxApiError(400, "INVALID_PARAM", `sort must be one of ${[...SORTS].join(", ")}`);
  return {
    keyword: params.get("keyword") ?? undefined,
    category: params.get("category") ?? undefined,
    minCostFen: int("min_cost_fen"),
    maxCostFen: int("max_cost_fen"),
    warehouse: params.get("warehouse") ?? undefined,
    inStockOnly: params.get("in_stock") === "1",
    sort: sort as SandboxSearchQuery["sort"],
    page: Math.max(1, int("page") ?? 1),
    pageSize: Math.min(100, Math.max(1, int("page_size") ?? 20)),
  };
}
