import type { SupplierAdapter, SupplierDescriptor } from "../supplier-adapter";
import type { SupplierOrder } from "../supplier-order-models";
import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createResilientCaller, type ResiliencePolicy } from "../resilience/resilient-call";
import { createCjClient } from "./client";
import { CJ_ALREADY_SHIPPED } from "./errors";
import * as map from "./mappers";

export const cjDescriptor: SupplierDescriptor = {
  code: "cj",
  label: "CJ Dropshipping",
  capabilities: ["catalog.keyword", "catalog.category", "catalog.price-range", "catalog.ships-from", "catalog.sort",
    "product.detail", "stock.by-warehouse", "order.create", "order.query", "order.cancel", "freight.quote", "tracking"],
  credentialFields: [
    { key: "apiKey", label: "API key", secret: true, required: true, help: "CJ → Authorization → API: looks like CJUserNum@api@…" },
    { key: "accountLevel", label: "Account level (0–5)", secret: false, required: false, help: "Sets our request pace: level 0–1 = 1/s … 4–5 = 6/s." },
  ],
  costCurrency: "USD",
};

export interface CjAdapterOptions {
  apiKey: string;
  requestsPerSecond?: number;
  baseUrl?: string;
  clock?: Clock;
  resilience?: Partial<ResiliencePolicy>;
  fetch?: typeof fetch;
}

export function requestsPerSecondForLevel(level: number | undefined): number {
  if (level === undefined || level <= 1) return 1;
  return level === 2 ? 2 : level === 3 ? 4 : 6;
}

export function createCjAdapter(options: CjAdapterOptions): SupplierAdapter {
  const clock = options.clock ?? systemClock;
  const client = createCjClient({ apiKey: options.apiKey, baseUrl: options.baseUrl, clock, fetch: options.fetch, requestsPerSecond: options.requestsPerSecond });
  const caller = createResilientCaller("cj", options.resilience, clock);
  type Init = { query?: Record<string, string | undefined>; body?: unknown };
  const get = (path: string, query: Init["query"]) => caller.call((signal) => client.call("GET", path, { query, signal }));
  const post = (path: string, body: unknown) => caller.call((signal) => client.call("POST", path, { body, signal }));

  async function findOrder(key: string): Promise<SupplierResult<SupplierOrder | null>> {
    const r = await get("/shopping/order/getOrderDetail", { orderId: key });
    if (!r.ok) return r.error.kind === "not_found" ? ok(null) : r;
    return ok(r.value === null ? null : map.parseOrder(r.value, key));
  }

  return {
    descriptor: cjDescriptor,
    async searchCatalog(query) {
      for (const bound of [query.priceMin, query.priceMax]) {
        if (bound && bound.currency !== "USD") return fail(supplierError("cj", "unsupported", "CJ prices are in USD; give the price range in USD."));
      }
      if (query.inStockOnly) return fail(supplierError("cj", "unsupported", "CJ search cannot filter to in-stock items; check stock per variant instead."));
      const r = await get("/product/listV2", map.toListQuery(query));
      return r.ok ? ok(map.parseList(r.value)) : r;
    },
    async getProduct(pid) {
      const r = await get("/product/query", { pid });
      if (r.ok && r.value === null) return fail(supplierError("cj", "not_found", "This product is no longer in CJ's catalog."));
      return r.ok ? ok(map.parseProduct(r.value)) : r;
    },
    async getAvailability(query) {
      if (query.location.kind !== "warehouse") return fail(supplierError("cj", "unsupported", "CJ reports stock per warehouse country, not per delivery area."));
      const results = [];
      for (const vid of query.supplierVariantIds) {
        const r = await get("/product/stock/queryByVid", { vid });
        if (!r.ok) return r;
        results.push(...map.parseStock(r.value, query.location.code));
      }
      return ok(results);
    },
    // CJ's createOrderV2 has no documented idempotency, so look our orderNumber up before every (re)try.
    async createOrder(request) {
      const existing = await findOrder(request.idempotencyKey);
      if (!existing.ok) return existing;
      if (existing.value) return ok(existing.value);
      const r = await caller.call(async (signal) => {
        const again = await findOrder(request.idempotencyKey);
        if (again.ok && again.value) return ok<unknown>({ orderId: again.value.supplierOrderId, orderStatus: again.value.supplierStatus });
        return client.call("POST", "/shopping/order/createOrderV2", { body: map.toCreateOrderBody(request), signal });
      });
      return r.ok ? ok(map.parseOrder(r.value, request.idempotencyKey)) : r;
    },
    findOrder,
    async cancelOrder(key) {
      const order = await findOrder(key);
      if (!order.ok) return order;
      if (!order.value) return fail(supplierError("cj", "not_found", "CJ has no order with this reference."));
      if (order.value.status === "cancelled") return ok({ outcome: "already_cancelled" });
      if (order.value.status === "shipped" || order.value.status === "delivered") return ok({ outcome: "refused_already_shipped", message: CJ_ALREADY_SHIPPED });
      const r = await caller.call((signal) => client.call("DELETE", "/shopping/order/deleteOrder", { query: { orderId: order.value!.supplierOrderId }, signal }));
      return r.ok ? ok({ outcome: "cancelled" }) : r;
    },
    async getTracking(key) {
      const order = await findOrder(key);
      if (!order.ok) return order;
      if (!order.value) return fail(supplierError("cj", "not_found", "CJ has no order with this reference."));
      if (order.value.trackingNumbers.length === 0) return ok({ idempotencyKey: key, parcels: [] });
      const r = await get("/logistic/trackInfo", { trackingNumber: order.value.trackingNumbers.join(",") });
      return r.ok ? ok(map.parseTracking(r.value, key)) : r;
    },
    freight: {
      async quoteFreight(request) {
        const r = await post("/logistic/freightCalculate", map.toFreightBody(request));
        return r.ok ? ok(map.parseFreight(r.value)) : r;
      },
    },
  };
}
