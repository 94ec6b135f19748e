import type { SupplierAdapter, SupplierDescriptor } from "../supplier-adapter";
import type { FreightQuote, SupplierOrder, SupplierOrderRequest, TrackingEvent } from "../supplier-order-models";
import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createResilientCaller, type ResiliencePolicy } from "../resilience/resilient-call";
import { createCjClient, type CjQuery } from "./client";
import { CJ_ALREADY_SHIPPED, DUPLICATE_ORDER_CODE } from "./errors";
import * as map from "./mappers";

/** The warehouse countries CJ reports stock in (stock/queryByVid countryCode), offered as "ships from" filters. */
export const CJ_WAREHOUSE_COUNTRIES = ["CN", "US", "DE", "GB"] as const;

export const cjDescriptor: SupplierDescriptor = {
  code: "cj",
  label: "CJ Dropshipping",
  capabilities: ["catalog.keyword", "catalog.category", "catalog.price-range", "catalog.ships-from", "catalog.sort",
    "product.detail", "stock.by-warehouse", "order.create", "order.query", "order.cancel", "freight.quote", "tracking"],
  credentialFields: [
    { key: "apiKey", label: "API key", secret: true, required: true, help: "CJ → Authorization → API: looks like CJUserNum@api@…" },
    { key: "baseUrl", label: "API base URL", secret: false, required: false, help: "Leave empty for CJ itself (https://developers.cjdropshipping.com/api2.0/v1)." },
  ],
  costCurrency: "USD",
};

/** LOGISTIC webhook scans we stored, by tracking number (trackInfo itself returns no scan list). */
export type CjLogisticEventSource = (trackingNumbers: readonly string[]) => Promise<ReadonlyMap<string, readonly TrackingEvent[]>>;

export interface CjAdapterOptions {
  apiKey: string;
  /** Tests only: fixes the pace instead of reading the account's qpsLimit from setting/get. */
  requestsPerSecond?: number;
  baseUrl?: string;
  clock?: Clock;
  resilience?: Partial<ResiliencePolicy>;
  fetch?: typeof fetch;
  logisticEvents?: CjLogisticEventSource;
}

export interface CjAdapter extends SupplierAdapter {
  /** The HMAC key of this account's webhook signatures: its openId as a string (webhook.html, Signature Authentication). */
  webhookSigningKey(): Promise<SupplierResult<string>>;
  /** CJ's level-3 categories (the ids listV2 filters by), labelled with their path. */
  listCategories(): Promise<SupplierResult<{ id: string; label: string }[]>>;
  /** Points PRODUCT, STOCK, ORDER and LOGISTIC messages at one URL (POST /webhook/set, one URL per topic). */
  registerWebhooks(url: string): Promise<SupplierResult<true>>;
}

export const isCjAdapter = (a: SupplierAdapter): a is CjAdapter => a.descriptor.code === "cj" && "webhookSigningKey" in a;

const NOT_FOUND_CODES = new Set(["1600300", "1603100"]);

export function createCjAdapter(options: CjAdapterOptions): CjAdapter {
  const clock = options.clock ?? systemClock;
  const client = createCjClient({ apiKey: options.apiKey, baseUrl: options.baseUrl, clock, fetch: options.fetch, requestsPerSecond: options.requestsPerSecond });
  const caller = createResilientCaller("cj", options.resilience, clock);
  const get = (path: string, query: CjQuery) => caller.call((signal) => client.call("GET", path, { query, signal }));
  const post = (path: string, body: unknown) => caller.call((signal) => client.call("POST", path, { body, signal }));

  // getOrderDetail takes our orderNumber as well as CJ's id ("support: Custom order id, CJ order id", shopping.html 1.7);
  // with a non-empty id its only documented refusal is 1600300 "order not found".
  async function findOrder(key: string): Promise<SupplierResult<SupplierOrder | null>> {
    const r = await get("/shopping/order/getOrderDetail", { orderId: key });
    if (!r.ok) return NOT_FOUND_CODES.has(r.error.supplierCode ?? "") ? ok(null) : r;
    return ok(r.value === null ? null : map.parseOrder(r.value, key));
  }

  async function quote(request: { lines: readonly { supplierVariantId: string; quantity: number }[]; from: string; to: string; zip?: string }) {
    const r = await post("/logistic/freightCalculate", map.toFreightBody({ lines: request.lines, from: { kind: "country", countryCode: request.from }, toCountryCode: request.to, toZip: request.zip }));
    return r.ok ? ok(map.parseFreight(r.value)) : r;
  }

  /** The buyer's checkout service when CJ offers it on this route, else CJ's cheapest quote (a sensible default). */
  function chooseLogistic(quotes: readonly FreightQuote[], wanted: string | undefined): { name: string; requested: boolean } | null {
    const match = wanted ? quotes.find((q) => q.serviceName.toLowerCase() === wanted.trim().toLowerCase()) : undefined;
    if (match) return { name: match.serviceName, requested: true };
    const cheapest = [...quotes].sort((a, b) => a.price.amount - b.price.amount)[0];
    return cheapest ? { name: cheapest.serviceName, requested: false } : null;
  }

  /** An order a failed balance payment left UNPAID (review F17) is paid now instead of being taken for placed. */
  async function payIfUnpaid(order: SupplierOrder): Promise<SupplierResult<SupplierOrder>> {
    if (!map.isUnpaid(order)) return ok(order);
    const paid = await post("/shopping/pay/payBalance", { orderId: order.supplierOrderId });
    if (!paid.ok) return paid;
    const again = await findOrder(order.idempotencyKey);
    return again.ok ? ok(again.value ?? order) : again;
  }

  async function createOrder(request: SupplierOrderRequest): Promise<SupplierResult<SupplierOrder>> {
    const gaps = map.missingAddressFields(request);
    if (gaps.length) {
      return fail(supplierError("cj", "invalid_request", `CJ needs the ${gaps.join(", ")} in the shipping address. Edit the order's shipping address, then retry.`));
    }
    const existing = await findOrder(request.idempotencyKey);
    if (!existing.ok) return existing;
    if (existing.value) return payIfUnpaid(existing.value);
    const from = request.fromWarehouse ? map.cjCountryOf(request.fromWarehouse) : "CN";
    const quotes = await quote({ lines: request.lines, from, to: request.shipTo.countryCode, zip: request.shipTo.zip });
    if (!quotes.ok) return quotes;
    const logistic = chooseLogistic(quotes.value, request.shippingMethod);
    if (!logistic) {
      return fail(supplierError("cj", "invalid_request", `CJ offers no shipping from ${from} to ${request.shipTo.countryCode} for these items. Choose another CJ warehouse or variant.`));
    }
    const created = await post("/shopping/order/createOrderV2", map.toCreateOrderBody(request, logistic.name, from));
    if (!created.ok) {
      // 1603003 "Order exist, please do not duplicate create": a retry after a lost answer; the first order wins.
      if (created.error.supplierCode !== DUPLICATE_ORDER_CODE) return created;
      const found = await findOrder(request.idempotencyKey);
      if (!found.ok) return found;
      return found.value ? payIfUnpaid(found.value) : created;
    }
    const parsed = map.parseOrder(created.value, request.idempotencyKey);
    if (parsed) return ok({ ...parsed, shippingMethod: logistic });
    const found = await findOrder(request.idempotencyKey); // createOrderV2 may omit orderId (review F15)
    if (!found.ok) return found;
    return found.value ? ok({ ...found.value, shippingMethod: logistic }) : fail(supplierError("cj", "unavailable", "CJ accepted the order but has not assigned its id yet. We will check again.", { retryable: true }));
  }

  return {
    descriptor: cjDescriptor,
    async webhookSigningKey() {
      const r = await caller.call((signal) => client.authenticate(signal));
      if (!r.ok) return r;
      return r.value ? ok(r.value) : fail(supplierError("cj", "auth", "CJ did not return the account's openId; reconnect CJ in Settings."));
    },
    async listCategories() {
      const r = await get("/product/getCategory", {});
      return r.ok ? ok(map.parseCategories(r.value)) : r;
    },
    async registerWebhooks(url) {
      const topic = { type: "ENABLE", callbackUrls: [url] };
      const r = await post("/webhook/set", { product: topic, stock: topic, order: topic, logistics: topic });
      return r.ok ? ok(true as const) : r;
    },
    async searchCatalog(query) {
      for (const bound of [query.priceMin, query.priceMax]) {
        if (bound && bound.currency !== "USD") return fail(supplierError("cj", "unsupported", "CJ prices are in USD; give the price range in USD."));
      }
      if (query.inStockOnly) return fail(supplierError("cj", "unsupported", "CJ search cannot filter to in-stock items; filter by the warehouse country instead."));
      const shipsFrom = query.shipsFrom ? map.cjCountryOf(query.shipsFrom) : undefined;
      const r = await get("/product/listV2", map.toListQuery(query));
      return r.ok ? ok(map.parseList(r.value, shipsFrom)) : r;
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
        results.push(map.parseStock(r.value, vid, query.location.code));
      }
      return ok(results);
    },
    createOrder,
    findOrder,
    async cancelOrder(key) {
      const order = await findOrder(key);
      if (!order.ok) return order;
      if (!order.value) return fail(supplierError("cj", "not_found", "CJ has no order with this reference."));
      if (order.value.status === "cancelled") return ok({ outcome: "already_cancelled" });
      if (order.value.status === "shipped" || order.value.status === "delivered") return ok({ outcome: "refused_already_shipped", message: CJ_ALREADY_SHIPPED });
      // deleteOrder takes CJ's own id (shopping.html 1.8).
      const r = await caller.call((signal) => client.call("DELETE", "/shopping/order/deleteOrder", { query: { orderId: order.value!.supplierOrderId }, signal }));
      if (r.ok) return ok({ outcome: "cancelled" });
      const after = await findOrder(key);
      if (after.ok && (after.value?.status === "shipped" || after.value?.status === "delivered")) return ok({ outcome: "refused_already_shipped", message: CJ_ALREADY_SHIPPED });
      if (after.ok && after.value?.status === "cancelled") return ok({ outcome: "already_cancelled" });
      return r;
    },
    async getTracking(key) {
      const order = await findOrder(key);
      if (!order.ok) return order;
      if (!order.value) return fail(supplierError("cj", "not_found", "CJ has no order with this reference."));
      const numbers = order.value.trackingNumbers;
      if (numbers.length === 0) return ok({ idempotencyKey: key, parcels: [] });
      const r = await get("/logistic/trackInfo", { trackNumber: numbers });
      if (!r.ok) return r;
      const stored = options.logisticEvents ? await options.logisticEvents(numbers) : new Map<string, readonly TrackingEvent[]>();
      return ok(map.parseTracking(r.value, key, stored));
    },
    freight: {
      async quoteFreight(request) {
        const r = await post("/logistic/freightCalculate", map.toFreightBody(request));
        return r.ok ? ok(map.parseFreight(r.value)) : r;
      },
    },
  };
}
