import type { SupplierAdapter, SupplierDescriptor } from "../supplier-adapter";
import type { CatalogPage, ProductSummary, SupplierProduct } from "../supplier-models";
import type { Parcel, SupplierOrder, SupplierOrderRequest } from "../supplier-order-models";
import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createResilientCaller, type ResiliencePolicy } from "../resilience/resilient-call";
import { createJdAreaApi, type JdAreaApi } from "./areas";
import { createJdClient, type JdCredentials } from "./client";
import {
  ALREADY_CANCELLED_CODE, ALREADY_CONFIRMED_CODE, DUPLICATE_SUBMIT_CODE, JD_PRODUCED_USE_AFTER_SALE, NO_DELIVERY_INFO_CODE,
  ORDER_NOT_FOUND_CODES, PRODUCED_CODES,
} from "./errors";
import { createJdMessageApi, type JdMessageApi } from "./messages";
import * as map from "./mappers";
import { createSkuPager } from "./sku-pager";

export const jdDescriptor: SupplierDescriptor = {
  code: "jd",
  label: "JD VOP (京东企业购)",
  capabilities: ["catalog.category", "product.detail", "stock.by-area", "order.create", "order.query", "order.cancel", "order.two-phase", "tracking"],
  credentialFields: [
    { key: "clientId", label: "Client ID", secret: false, required: true },
    { key: "clientSecret", label: "Client secret", secret: true, required: true },
    { key: "username", label: "VOP username", secret: false, required: true },
    { key: "password", label: "VOP password", secret: true, required: true, help: "Sent to JD only as its MD5, as VOP requires." },
    { key: "companyName", label: "Invoice company name (发票抬头)", secret: false, required: false, help: "Your company's registered name; JD invoices to it. Leave empty for a personal invoice title." },
    { key: "taxpayerId", label: "Taxpayer id (纳税人识别号)", secret: false, required: false },
    { key: "invoicePhone", label: "Invoice phone (收票人电话)", secret: false, required: false },
    { key: "baseUrl", label: "VOP gateway URL", secret: false, required: false, help: "Leave empty for https://bizapi.jd.com." },
  ],
  costCurrency: "CNY",
};

export interface JdAdapterOptions {
  credentials: JdCredentials;
  baseUrl?: string;
  invoice?: map.JdInvoiceProfile;
  clock?: Clock;
  resilience?: Partial<ResiliencePolicy>;
  fetch?: typeof fetch;
}

/** JD-only calls beyond the shared adapter interface (areas, pools, messages, split detail). */
export interface JdVopExtras {
  readonly areas: JdAreaApi;
  readonly messages: JdMessageApi;
  listPools(): Promise<SupplierResult<{ id: string; name: string }[]>>;
  /** The order with its child order ids when JD split it; null when JD has none under our key. */
  orderDetail(idempotencyKey: string): Promise<SupplierResult<map.JdOrderDetail | null>>;
  /** The top-level order a (child) jdOrderId belongs to: JD's messages name child orders. */
  topOrderId(jdOrderId: string): Promise<SupplierResult<string>>;
}

export type JdAdapter = SupplierAdapter & { readonly jd: JdVopExtras };

export function asJdAdapter(adapter: SupplierAdapter): JdAdapter | null {
  return adapter.descriptor.code === "jd" && "jd" in adapter ? (adapter as JdAdapter) : null;
}

const MAX_PAGE_SIZE = 50;
const DETAIL_CONCURRENCY = 5;
const CANCEL_REASON = "客户取消订单"; // cancelReason: 001~006 or free text ≤ 200 chars (2023 starter)

export function createJdAdapter(options: JdAdapterOptions): JdAdapter {
  const clock = options.clock ?? systemClock;
  const client = createJdClient({ credentials: options.credentials, baseUrl: options.baseUrl, clock, fetch: options.fetch });
  const caller = createResilientCaller("jd", options.resilience, clock);
  const call = (path: string, params: Record<string, string> = {}) => caller.call((signal) => client.call(path, params, signal));
  const pager = createSkuPager(call);
  const invoice = options.invoice ?? {};

  async function jdOrderIdFor(key: string): Promise<SupplierResult<string | null>> {
    const r = await call("/api/order/selectJdOrderIdByThirdOrder", { thirdOrder: key });
    // Not found is success=false with an unpublished code (OYMLCN test); the published not-found codes and kind mean "none".
    if (!r.ok) return r.error.kind === "not_found" || ORDER_NOT_FOUND_CODES.has(r.error.supplierCode ?? "") ? ok(null) : r;
    return ok(r.value === null || r.value === "" ? null : String(r.value));
  }

  async function orderDetail(key: string): Promise<SupplierResult<map.JdOrderDetail | null>> {
    const id = await jdOrderIdFor(key);
    if (!id.ok || id.value === null) return id as SupplierResult<null>;
    // jdOrderState comes back ONLY when asked for (review F3).
    const r = await call("/api/order/selectJdOrder", { jdOrderId: id.value, queryExts: "jdOrderState,orderType,createOrderTime" });
    return r.ok ? ok(map.parseOrderDetail(r.value, key)) : r;
  }

  const findOrder = async (key: string): Promise<SupplierResult<SupplierOrder | null>> => {
    const d = await orderDetail(key);
    return d.ok ? ok(d.value?.order ?? null) : d;
  };

  async function prices(skus: readonly string[]) {
    const out = new Map<string, { cost: ReturnType<typeof map.jdPrice>; list: ReturnType<typeof map.jdPrice> }>();
    for (let i = 0; i < skus.length; i += 100) { // getSellPrice takes up to 100 SKUs (review F12)
      const r = await call("/api/price/getSellPrice", { sku: skus.slice(i, i + 100).join(","), queryExts: "Price" });
      if (!r.ok) return r;
      for (const [k, v] of map.parsePrices(r.value)) out.set(k, v);
    }
    return ok(out);
  }

  async function productWith(sku: string, cost: ReturnType<typeof map.jdPrice>): Promise<SupplierResult<SupplierProduct>> {
    if (!cost) return fail(supplierError("jd", "rejected", `JD has no price for item ${sku} on your account (price -1), so it is not available to buy.`, { supplierCode: "-1" }));
    const detail = await call("/api/product/getDetail", { sku });
    return detail.ok ? ok(map.parseProduct(detail.value, cost)) : detail;
  }

  async function getProduct(sku: string): Promise<SupplierResult<SupplierProduct>> {
    const p = await prices([sku]);
    if (!p.ok) return p;
    return productWith(sku, p.value.get(sku)?.cost ?? null);
  }

  const submit = (submitState: 0 | 1) => async (request: SupplierOrderRequest): Promise<SupplierResult<SupplierOrder>> => {
    if (!map.parseAreaId(request.shipTo.supplierAreaId ?? "")) {
      return fail(supplierError("jd", "invalid_request", "JD delivers only to JD area ids (province_city_county_town). Add a China consolidation warehouse in Settings."));
    }
    // Lookup before submit: a retry after a lost response must find the first order, not place a second.
    const existing = await findOrder(request.idempotencyKey);
    if (!existing.ok || existing.value) return existing as SupplierResult<SupplierOrder>;
    const r = await call("/api/order/submitOrder", map.toSubmitOrderParams(request, submitState, invoice));
    if (!r.ok && r.error.supplierCode === DUPLICATE_SUBMIT_CODE) return findOrder(request.idempotencyKey).then(orNotFound(request.idempotencyKey));
    return r.ok ? ok(map.parseSubmitted(r.value, request.idempotencyKey, submitState)) : r;
  };

  async function searchCatalog(query: Parameters<SupplierAdapter["searchCatalog"]>[0]): Promise<SupplierResult<CatalogPage>> {
    if (query.keyword || query.priceMin || query.priceMax || query.shipsFrom || query.inStockOnly || (query.sort && query.sort !== "relevance")) {
      return fail(supplierError("jd", "unsupported", "Silkroute browses your JD product pools (商品池) page by page: JD has a search call (/api/search/search), but its answer is not in the public contract, so keyword search and filters are not offered for JD."));
    }
    let pool = query.categoryId;
    if (!pool) { // no pool chosen: the first one the account has (also what the connection test browses)
      const pools = await extras.listPools();
      if (!pools.ok) return pools;
      pool = pools.value[0]?.id;
      if (!pool) return fail(supplierError("jd", "rejected", "Your JD account has no product pool (商品池). Ask your JD account manager to assign one."));
    }
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, query.pageSize ?? 20));
    const slice = await pager.slice(pool, (page - 1) * pageSize, pageSize);
    if (!slice.ok) return slice;
    const priced = await prices(slice.value.skuIds);
    if (!priced.ok) return priced;
    const items: ProductSummary[] = [];
    // SKUs with price -1 are not available to this account: they are left out, never shown at a negative cost.
    const sellable = slice.value.skuIds.filter((s) => priced.value.get(s)?.cost);
    for (let i = 0; i < sellable.length; i += DETAIL_CONCURRENCY) {
      const batch = await Promise.all(sellable.slice(i, i + DETAIL_CONCURRENCY).map((s) => productWith(s, priced.value.get(s)!.cost)));
      for (const product of batch) {
        if (!product.ok) return product;
        items.push(map.toSummary(product.value));
      }
    }
    return ok({ items, page, pageSize, total: slice.value.total });
  }

  async function cancelOrder(key: string) {
    const found = await findOrder(key);
    if (!found.ok) return found;
    const order = found.value;
    if (!order) return fail(supplierError("jd", "not_found", "JD has no order with this reference."));
    if (order.status === "cancelled") return ok({ outcome: "already_cancelled" as const });
    // Only an unconfirmed, stock-reserved parent order can be cancelled (review F9); after confirmation JD's
    // route is after-sales (api/afterSaleNew), which the merchant opens in JD.
    if (order.status !== "reserved") return ok({ outcome: "refused_already_shipped" as const, message: JD_PRODUCED_USE_AFTER_SALE });
    const r = await call("/api/order/cancel", { jdOrderId: order.supplierOrderId, cancelReason: CANCEL_REASON });
    if (r.ok) return ok({ outcome: "cancelled" as const });
    if (r.error.supplierCode === ALREADY_CANCELLED_CODE) return ok({ outcome: "already_cancelled" as const });
    if (PRODUCED_CODES.has(r.error.supplierCode ?? "")) return ok({ outcome: "refused_already_shipped" as const, message: JD_PRODUCED_USE_AFTER_SALE });
    return r;
  }

  async function trackOne(jdOrderId: string): Promise<SupplierResult<Parcel[]>> {
    const r = await call("/api/order/orderTrack", { jdOrderId, waybillCode: "1" });
    if (!r.ok) return r.error.supplierCode === NO_DELIVERY_INFO_CODE ? ok([]) : r;
    return ok(map.parseTrackParcels(r.value));
  }

  const extras: JdVopExtras = {
    areas: createJdAreaApi(call),
    messages: createJdMessageApi(call),
    async listPools() {
      const r = await call("/api/product/getPageNum");
      return r.ok ? ok(map.parsePools(r.value)) : r;
    },
    orderDetail,
    async topOrderId(jdOrderId) {
      const r = await call("/api/order/selectJdOrder", { jdOrderId });
      return r.ok ? ok(map.topOrderIdOf(r.value, jdOrderId)) : r;
    },
  };

  return {
    descriptor: jdDescriptor,
    jd: extras,
    searchCatalog,
    getProduct,
    async getAvailability(query) {
      if (query.location.kind !== "area") {
        return fail(supplierError("jd", "unsupported", "JD reports stock per delivery area (JD area ids), not per warehouse."));
      }
      const area = map.parseAreaId(query.location.areaId);
      if (!area) return fail(supplierError("jd", "invalid_request", `"${query.location.areaId}" is not a JD area id (province_city_county[_town]).`));
      const areaId = area.join("_"); // underscores, never commas (review F2)
      const priced = await prices(query.supplierVariantIds);
      if (!priced.ok) return priced;
      const out = [];
      for (let i = 0; i < query.supplierVariantIds.length; i += 100) {
        const chunk = query.supplierVariantIds.slice(i, i + 100);
        const skuNums = JSON.stringify(chunk.map((skuId) => ({ skuId: Number(skuId), num: query.quantity ?? 1 })));
        const stock = await call("/api/stock/getNewStockById", { skuNums, area: areaId });
        if (!stock.ok) return stock;
        out.push(...map.parseAvailability(stock.value, priced.value, query.location.areaId));
      }
      return ok(out);
    },
    createOrder: submit(1),
    findOrder,
    cancelOrder,
    async getTracking(key) {
      const detail = await orderDetail(key);
      if (!detail.ok) return detail;
      if (!detail.value) return fail(supplierError("jd", "not_found", "JD has no order with this reference."));
      // A split order ships as its children: each child is tracked on its own (review F8).
      const ids = detail.value.childIds.length ? detail.value.childIds : [detail.value.order.supplierOrderId];
      const parcels: Parcel[] = [];
      for (const id of ids) {
        const r = await trackOne(id);
        if (!r.ok) return r;
        parcels.push(...r.value);
      }
      return ok({ idempotencyKey: key, parcels });
    },
    twoPhase: {
      reserveOrder: submit(0),
      async confirmOrder(key) {
        const id = await jdOrderIdFor(key);
        if (!id.ok) return id;
        if (id.value === null) return fail(supplierError("jd", "not_found", "There is no JD reservation with this reference to confirm."));
        const r = await call("/api/order/confirmOrder", { jdOrderId: id.value });
        // 3103 该订单已确认下单: confirming twice is a success.
        if (!r.ok && r.error.supplierCode !== ALREADY_CONFIRMED_CODE) return r;
        return findOrder(key).then(orNotFound(key));
      },
    },
  };
}

const orNotFound = (key: string) => (r: SupplierResult<SupplierOrder | null>): SupplierResult<SupplierOrder> =>
  !r.ok ? r : r.value ? ok(r.value) : fail(supplierError("jd", "not_found", `JD has no order for reference ${key}.`));

/** For the supplier check and contract suite: a JD adapter against a base URL with the given credentials. */
export function buildJdAdapterFor(baseUrl: string, credentials: JdCredentials, extra: Partial<JdAdapterOptions> = {}): JdAdapter {
  return createJdAdapter({ credentials, baseUrl, ...extra });
}
