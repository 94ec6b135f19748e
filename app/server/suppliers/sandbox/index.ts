import type { SupplierAdapter, SupplierDescriptor } from "../supplier-adapter";
import type { SupplierOrder } from "../supplier-order-models";
import { fail, mapResult, ok, supplierError, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createResilientCaller, type ResiliencePolicy } from "../resilience/resilient-call";
import { createSandboxClient } from "./client";
import * as map from "./mappers";

export const sandboxDescriptor: SupplierDescriptor = {
  code: "sandbox",
  label: "Sandbox supplier (offline demo)",
  capabilities: [
    "catalog.keyword", "catalog.category", "catalog.price-range", "catalog.ships-from", "catalog.in-stock-only", "catalog.sort",
    "product.detail", "stock.by-warehouse", "order.create", "order.query", "order.cancel", "order.two-phase", "tracking",
  ],
  credentialFields: [],
  costCurrency: "CNY",
};

export const DEFAULT_SANDBOX_BASE_URL = "http://127.0.0.1:4010";

export interface SandboxAdapterOptions {
  baseUrl?: string;
  clock?: Clock;
  resilience?: Partial<ResiliencePolicy>;
  fetch?: typeof fetch;
}

export function createSandboxAdapter(options: SandboxAdapterOptions = {}): SupplierAdapter {
  const client = createSandboxClient({ baseUrl: options.baseUrl ?? DEFAULT_SANDBOX_BASE_URL, fetch: options.fetch });
  const caller = createResilientCaller("sandbox", options.resilience, options.clock ?? systemClock);
  const orderCall = (op: (signal: AbortSignal) => Promise<SupplierResult<unknown>>) =>
    caller.call(op).then((r) => mapResult(r, map.parseOrder));

  // Order creation is idempotent on the service by our key, so retrying after a lost response is safe.
  const placeOrder = (reserveOnly: boolean): SupplierAdapter["createOrder"] => (request) =>
    orderCall((signal) => client.createOrder(map.toCreateOrderBody(request, reserveOnly), signal));

  return {
    descriptor: sandboxDescriptor,
    async searchCatalog(query) {
      for (const bound of [query.priceMin, query.priceMax]) {
        if (bound && bound.currency !== "CNY") {
          return fail(supplierError("sandbox", "unsupported", "Sandbox prices are in CNY; give the price range in CNY."));
        }
      }
      const r = await caller.call((signal) => client.searchProducts(map.toSearchParams(query), signal));
      return mapResult(r, map.parseCatalogPage);
    },
    async getProduct(id) {
      return mapResult(await caller.call((signal) => client.getProduct(id, signal)), map.parseProduct);
    },
    async getAvailability(query) {
      if (query.location.kind !== "warehouse") {
        return fail(supplierError("sandbox", "unsupported", "The sandbox supplier reports stock per warehouse, not per delivery area."));
      }
      const code = query.location.code;
      return mapResult(await caller.call((signal) => client.getStock(query.supplierVariantIds, code, signal)), map.parseStock);
    },
    createOrder: placeOrder(false),
    async findOrder(key) {
      const r = await caller.call((signal) => client.getOrder(key, signal));
      if (!r.ok && r.error.supplierCode === "ORDER_NOT_FOUND") return ok(null);
      return mapResult(r, map.parseOrder) as SupplierResult<SupplierOrder | null>;
    },
    async cancelOrder(key) {
      const r = await caller.call((signal) => client.cancelOrder(key, signal));
      if (!r.ok && r.error.supplierCode === "ALREADY_SHIPPED") {
        return ok({ outcome: "refused_already_shipped", message: "The supplier has already shipped this order, so it can no longer be cancelled. Offer the customer a return instead." });
      }
      return mapResult(r, map.parseCancel);
    },
    async getTracking(key) {
      return mapResult(await caller.call((signal) => client.getTracking(key, signal)), map.parseTracking);
    },
    twoPhase: {
      reserveOrder: placeOrder(true),
      confirmOrder: (key) => orderCall((signal) => client.confirmOrder(key, signal)),
    },
  };
}
