import type { SupplierAdapter, SupplierDescriptor } from "../supplier-adapter";
import type { SupplierProduct } from "../supplier-models";
import type { SupplierOrder, SupplierOrderRequest } from "../supplier-order-models";
import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createResilientCaller, type ResiliencePolicy } from "../resilience/resilient-call";
import { createJdClient, type JdCredentials } from "./client";
import { JD_ALREADY_SHIPPED, JD_DUPLICATE_ORDER } from "./errors";
import * as map from "./mappers";

export const jdDescriptor: SupplierDescriptor = {
  code: "jd",
  label: "JD VOP (京东企业购)",
  capabilities: ["catalog.category", "product.detail", "stock.by-area", "order.create", "order.query", "order.cancel", "order.two-phase", "tracking"],
  credentialFields: [
    { key: "clientId", label: "Client ID", secret: false, required: true },
    { key: "clientSecret", label: "Client secret", secret: true, required: true },
    { key: "username", label: "VOP username", secret: false, required: true },
    { key: "password", label: "VOP password", secret: true, required: true, help: "Sent to JD only as its MD5, as VOP requires." },
  ],
  costCurrency: "CNY",
};

export interface JdAdapterOptions {
  credentials: JdCredentials;
  baseUrl?: string;
  clock?: Clock;
  resilience?: Partial<ResiliencePolicy>;
  fetch?: typeof fetch;
}

export function createJdAdapter(options: JdAdapterOptions): SupplierAdapter {
  const clock = options.clock ?? systemClock;
  const client = createJdClient({ credentials: options.credentials, baseUrl: options.baseUrl, clock, fetch: options.fetch });
  const caller = createResilientCaller("jd", options.resilience, clock);
  const call = (path: string, params: Record<string, string>) => caller.call((signal) => client.call(path, params, signal));

  async function jdOrderIdFor(key: string): Promise<SupplierResult<string | null>> {
    const r = await call("/api/order/selectJdOrderIdByThirdOrder", { thirdOrder: key });
    if (!r.ok) return r.error.kind === "not_found" ? ok(null) : r;
    return ok(r.value === null || r.value === "" ? null : String(r.value));
  }

  async function findOrder(key: string): Promise<SupplierResult<SupplierOrder | null>> {
    const id = await jdOrderIdFor(key);
    if (!id.ok || id.value === null) return id as SupplierResult<null>;
    const r = await call("/api/order/selectJdOrder", { jdOrderId: id.value });
    return r.ok ? ok(map.parseOrder(r.value, key)) : r;
  }

  async function getProduct(sku: string): Promise<SupplierResult<SupplierProduct>> {
    const detail = await call("/api/product/getDetail", { sku, isShow: "false" });
    if (!detail.ok) return detail;
    const prices = await call("/api/price/getSellPrice", { sku });
    return prices.ok ? ok(map.parseProduct(detail.value, prices.value)) : prices;
  }

  // Lookup before submit: a retry after a lost response must find the first order, not place a second.
  const submit = (submitState: 0 | 1) => async (request: SupplierOrderRequest): Promise<SupplierResult<SupplierOrder>> => {
    if (!request.shipTo.supplierAreaId) {
      return fail(supplierError("jd", "invalid_request", "JD needs the delivery address as JD area ids (province_city_county). Set them on the JD connection."));
    }
    const existing = await findOrder(request.idempotencyKey);
    if (!existing.ok) return existing;
    if (existing.value) return ok(existing.value);
    const r = await call("/api/order/submitOrder", map.toSubmitOrderParams(request, submitState));
    if (!r.ok && r.error.message === JD_DUPLICATE_ORDER) return findOrder(request.idempotencyKey).then(orNotFound(request.idempotencyKey));
    if (!r.ok) return r;
    return ok(map.parseOrder({ ...(r.value as object), submitState, orderState: 1 }, request.idempotencyKey));
  };

  return {
    descriptor: jdDescriptor,
    async searchCatalog(query) {
      if (query.keyword || query.priceMin || query.priceMax || query.shipsFrom || query.inStockOnly || (query.sort && query.sort !== "relevance")) {
        return fail(supplierError("jd", "unsupported", "JD VOP lists your product pools page by page; keyword search and filters are not available."));
      }
      if (!query.categoryId) return fail(supplierError("jd", "invalid_request", "Choose a JD product pool (商品池) to browse."));
      const page = query.page ?? 1;
      const r = await call("/api/product/getSkuByPage", { pageNum: query.categoryId, pageNo: String(page) });
      if (!r.ok) return r;
      const { skuIds, page: meta } = map.parseSkuPage(r.value, page, query.pageSize ?? 20);
      const items = [];
      for (const sku of skuIds) {
        const product = await getProduct(sku);
        if (!product.ok) return product;
        items.push(map.toSummary(product.value));
      }
      return ok({ ...meta, items });
    },
    getProduct,
    async getAvailability(query) {
      if (query.location.kind !== "area") {
        return fail(supplierError("jd", "unsupported", "JD reports stock per delivery area (JD area ids), not per warehouse."));
      }
      const skuNums = JSON.stringify(query.supplierVariantIds.map((skuId) => ({ skuId, num: query.quantity ?? 1 })));
      const stock = await call("/api/stock/getNewStockById", { skuNums, area: query.location.areaId.replaceAll("_", ",") });
      if (!stock.ok) return stock;
      const prices = await call("/api/price/getSellPrice", { sku: query.supplierVariantIds.join(",") });
      return prices.ok ? ok(map.parseAvailability(stock.value, prices.value)) : prices;
    },
    createOrder: submit(1),
    findOrder,
    async cancelOrder(key) {
      const order = await findOrder(key);
      if (!order.ok) return order;
      if (!order.value) return fail(supplierError("jd", "not_found", "JD has no order with this reference."));
      if (order.value.status === "cancelled") return ok({ outcome: "already_cancelled" });
      if (order.value.status === "shipped" || order.value.status === "delivered") return ok({ outcome: "refused_already_shipped", message: JD_ALREADY_SHIPPED });
      const r = await call("/api/order/cancel", { jdOrderId: order.value.supplierOrderId });
      if (!r.ok && r.error.message === JD_ALREADY_SHIPPED) return ok({ outcome: "refused_already_shipped", message: JD_ALREADY_SHIPPED });
      return r.ok ? ok({ outcome: "cancelled" }) : r;
    },
    async getTracking(key) {
      const id = await jdOrderIdFor(key);
      if (!id.ok) return id;
      if (id.value === null) return fail(supplierError("jd", "not_found", "JD has no order with this reference."));
      const r = await call("/api/order/orderTrack", { jdOrderId: id.value, waybillCode: "1" });
      return r.ok ? ok(map.parseTracking(r.value, key)) : r;
    },
    twoPhase: {
      reserveOrder: submit(0),
      async confirmOrder(key) {
        const id = await jdOrderIdFor(key);
        if (!id.ok) return id;
        if (id.value === null) return fail(supplierError("jd", "not_found", "There is no JD reservation with this reference to confirm."));
        const r = await call("/api/order/confirmOrder", { jdOrderId: id.value });
        if (!r.ok) return r;
        return findOrder(key).then(orNotFound(key));
      },
    },
  };
}

const orNotFound = (key: string) => (r: SupplierResult<SupplierOrder | null>): SupplierResult<SupplierOrder> =>
  !r.ok ? r : r.value ? ok(r.value) : fail(supplierError("jd", "not_found", `JD has no order for reference ${key}.`));
