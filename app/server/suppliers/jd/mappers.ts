// Pure JD VOP wire ⇄ Silkroute mapping. Shapes: jd-contract.json → endpoints (each parser names its entry).
import { z } from "zod";
import { parseDecimal, toDecimalString, type Money } from "../../money";
import { inferHazards } from "../hazard-inference";
import { supplierGtin } from "../gtin";
import type { ProductSummary, StockState, SupplierProduct, VariantAvailability } from "../supplier-models";
import type { Parcel, SupplierOrder, SupplierOrderRequest, SupplierOrderStatus } from "../supplier-order-models";
import { classifyTrackingText, latestStatus } from "../tracking-status";

// n0 carries a JD watermark; n1–n4 and n12 do not (review F24, bububa SkuImage.Path comment).
const IMAGE_BASE = "https://img13.360buyimg.com/n12/";
const Num = z.union([z.number(), z.string()]);

/** JD's prices: a decimal number (or string) in CNY; -1 means "not found" (review F13) → null, never a negative cost. */
export function jdPrice(value: string | number | undefined | null): Money | null {
  if (value === undefined || value === null || Number(value) < 0) return null;
  return parseDecimal(value, "CNY");
}

// getSkuByPage → {pageCount, skuIds}
const SkuPageWire = z.object({ pageCount: z.number(), skuIds: z.array(Num) });
export function parseSkuPage(data: unknown): { pageCount: number; skuIds: string[] } {
  const p = SkuPageWire.parse(data);
  return { pageCount: p.pageCount, skuIds: p.skuIds.map(String) };
}

// getPageNum → [{name, page_num}]
const PoolsWire = z.array(z.object({ name: z.string(), page_num: Num }));
export const parsePools = (data: unknown) => PoolsWire.parse(data).map((p) => ({ id: String(p.page_num), name: p.name }));

// getDetail (response_result_fields)
const DetailWire = z.object({
  sku: Num, name: z.string(), brandName: z.string().optional(), weight: Num.optional(), imagePath: z.string().optional(),
  state: z.number().optional(), productArea: z.string().optional(), category: z.string().optional(),
  introduction: z.string().optional(), param: z.string().optional(), saleUnit: z.string().optional(), upc: Num.nullish(),
});

// getSellPrice → [{skuId, price, jdPrice}]
const SellPriceWire = z.array(z.object({ skuId: Num, price: Num, jdPrice: Num.optional() }));
export function parsePrices(data: unknown): Map<string, { cost: Money | null; list: Money | null }> {
  return new Map(SellPriceWire.parse(data).map((p) => [String(p.skuId), { cost: jdPrice(p.price), list: jdPrice(p.jdPrice) }]));
}

/** JD detail is Chinese only: the English fields stay empty until the merchant (or a translator) writes them. */
export function parseProduct(detail: unknown, cost: Money): SupplierProduct {
  const d = DetailWire.parse(detail);
  const sku = String(d.sku);
  // weight is a string "重量" with no published unit (review F27); we read kg, as JD's mall pages show.
  const weightKg = d.weight === undefined ? null : Number(d.weight);
  const image = d.imagePath ? IMAGE_BASE + d.imagePath : undefined;
  return {
    supplierProductId: sku,
    title: { en: "", zh: d.name },
    description: { en: "", zh: stripHtml(d.introduction ?? "") },
    categoryId: d.category ?? "",
    images: image ? [image] : [],
    options: [],
    variants: [{
      supplierVariantId: sku, sku, options: {}, cost,
      weightGrams: weightKg !== null && Number.isFinite(weightKg) ? Math.round(weightKg * 1000) : null, dimensions: null, imageUrl: image,
      barcode: supplierGtin(d.upc == null ? null : String(d.upc)),
    }],
    hsCode: null,
    originCountry: /中国|大陆|国产|广东|浙江|江苏|福建|上海|北京|深圳/.test(d.productArea ?? "") ? "CN" : null,
    hazards: inferHazards(`${d.name} ${d.param ?? ""}`),
    warehouses: [],
    compliance: { manufacturer: d.brandName?.trim() || null },
  };
}

export const isOnShelf = (detail: unknown) => DetailWire.parse(detail).state !== 0;

export function toSummary(product: SupplierProduct): ProductSummary {
  return { supplierProductId: product.supplierProductId, title: product.title, categoryId: product.categoryId,
    imageUrl: product.images[0], costFrom: product.variants[0]!.cost, warehouses: [], inStock: true };
}

// getNewStockById: result is a JSON string of [{skuId, areaId, stockStateId, stockStateDesc|StockStateDesc, remainNum}]
const StockWire = z.array(z.object({
  skuId: Num, areaId: z.string().optional(), stockStateId: z.number(), stockStateDesc: z.string().optional(), StockStateDesc: z.string().optional(), remainNum: z.number(),
}));
// enums.stockStateId: 33 现货, 39 在途, 40 可配货, 36 预订, 34 无货, 99 无货开预定 (review F20)
const STOCK_STATES: Record<number, StockState> = { 33: "in_stock", 39: "in_transit", 40: "allocatable", 36: "preorder", 99: "preorder", 34: "out_of_stock" };

export function parseAvailability(stock: unknown, prices: Map<string, { cost: Money | null; list: Money | null }>, areaId: string): VariantAvailability[] {
  return StockWire.parse(stock).map((s) => {
    const price = prices.get(String(s.skuId));
    const priced = !!price?.cost;
    return {
      supplierVariantId: String(s.skuId), location: { kind: "area", areaId },
      cost: price?.cost ?? null, ...(price?.list ? { listPrice: price.list } : {}),
      // No price (-1) means JD will refuse the order (3406 价格不存在): not available, whatever the stock says.
      state: priced ? STOCK_STATES[s.stockStateId] ?? "out_of_stock" : "out_of_stock",
      quantity: !priced ? 0 : s.remainNum < 0 ? null : s.remainNum,
    };
  });
}

/** "province_city_county[_town]" → numbers; town 0 when absent. */
export function parseAreaId(areaId: string): [number, number, number, number] | null {
  if (!/^\d+(_\d+){2,3}$/.test(areaId)) return null;
  const [p, c, co, t = 0] = areaId.split("_").map(Number);
  return [p!, c!, co!, t];
}

/** What goes on JD's invoice (review F4): a company title needs companyName (= regCompanyName) and its tax id. */
export interface JdInvoiceProfile {
  companyName?: string;
  taxpayerId?: string;
  invoicePhone?: string;
}

export function toSubmitOrderParams(r: SupplierOrderRequest, submitState: 0 | 1, invoice: JdInvoiceProfile): Record<string, string> {
  const [province, city, county, town] = parseAreaId(r.shipTo.supplierAreaId ?? "") ?? [0, 0, 0, 0];
  const withPrices = r.lines.every((l) => l.expectedUnitCost?.currency === "CNY");
  const company = invoice.companyName?.trim();
  const params: Record<string, string> = {
    thirdOrder: r.idempotencyKey,
    // skuId a JSON number (long) as every client sends it (review F19)
    sku: JSON.stringify(r.lines.map((l) => ({ skuId: Number(l.supplierVariantId), num: l.quantity, bNeedAnnex: true, bNeedGift: false }))),
    name: r.shipTo.name.slice(0, 20), province: String(province), city: String(city), county: String(county), town: String(town),
    address: [r.shipTo.address1, r.shipTo.address2].filter(Boolean).join(" ").slice(0, 100),
    mobile: r.shipTo.phone.slice(0, 20),
    email: r.shipTo.email || "xx", // "接口需要，无实际业务意义，可固值xx"
    // 集中开票 (2) and 电子票 (3) exist in both doc versions; 4 is not an invoiceType (review F4)
    invoiceState: "2", invoiceType: "3", invoiceContent: "1",
    selectedInvoiceTitle: company ? "5" : "4",
    invoicePhone: (invoice.invoicePhone || r.shipTo.phone).slice(0, 20),
    paymentType: "4", isUseBalance: "1", submitState: String(submitState),
    // Price-snapshot mode makes JD refuse the order instead of silently charging a new price.
    doOrderPriceMode: withPrices ? "1" : "0",
  };
  if (company) {
    params.companyName = company;
    params.regCompanyName = company; // "companyName must equal regCompanyName" (2023 starter)
    if (invoice.taxpayerId) params.regCode = invoice.taxpayerId;
  }
  if (r.shipTo.zip) params.zip = r.shipTo.zip;
  // price a BigDecimal NUMBER, skuId a long: [{"price":21.30,"skuId":123123}]
  if (withPrices) params.orderPriceSnap = JSON.stringify(r.lines.map((l) => ({ price: Number(toDecimalString(l.expectedUnitCost!)), skuId: Number(l.supplierVariantId) })));
  return params;
}

// selectJdOrder: a child/unsplit order (type 2), or a split parent (type 1: pOrder object + cOrder[], no top-level jdOrderId)
const LeafWire = z.object({
  jdOrderId: Num, pOrder: Num.optional(), orderState: z.number().optional(), submitState: z.number().optional(),
  state: z.number().optional(), type: z.number().optional(), jdOrderState: z.number().optional(), orderPrice: Num.optional(),
});
const ParentWire = z.object({
  pOrder: z.object({ jdOrderId: Num, orderPrice: Num.optional() }),
  orderState: z.number().optional(), submitState: z.number().optional(), type: z.literal(1), cOrder: z.array(LeafWire),
});
const SubmitWire = z.object({ jdOrderId: Num, orderPrice: Num.optional() });

export interface JdOrderDetail {
  order: SupplierOrder;
  /** Child order ids of a split (empty when JD did not split it). */
  childIds: string[];
  /** Each child's own status, in childIds' order (empty when JD did not split it). */
  children: { jdOrderId: string; status: SupplierOrderStatus }[];
}

/** jdOrderState (enums, only with queryExts=jdOrderState) and state (0 新建, 1 妥投, 2 拒收) → our status. */
export function leafStatus(o: z.infer<typeof LeafWire>): SupplierOrderStatus {
  if (o.orderState === 0) return "cancelled";
  if (o.submitState === 0) return "reserved";
  const s = o.jdOrderState;
  if (s === 19 || o.state === 1) return "delivered";
  if (s === undefined) return "accepted";
  if ([11, 12, 13, 14, 16, 17, 18].includes(s)) return "shipped";
  if ([7, 8, 9, 10, 29, 30, 31].includes(s)) return "processing";
  return "accepted";
}

const RANK: SupplierOrderStatus[] = ["unknown", "reserved", "accepted", "processing", "shipped", "delivered"];

/** A split order is as far as its slowest live child; shipped once any child has shipped. */
function aggregate(children: SupplierOrderStatus[]): SupplierOrderStatus {
  const live = children.filter((s) => s !== "cancelled");
  if (live.length === 0) return "cancelled";
  if (live.every((s) => s === "delivered")) return "delivered";
  if (live.some((s) => s === "shipped" || s === "delivered")) return "shipped";
  return live.reduce((a, b) => (RANK.indexOf(a) <= RANK.indexOf(b) ? a : b));
}

export function parseOrderDetail(data: unknown, idempotencyKey: string): JdOrderDetail {
  const parent = ParentWire.safeParse(data);
  if (parent.success) {
    const p = parent.data;
    const childStatuses = p.cOrder.map(leafStatus);
    const status = p.orderState === 0 ? "cancelled" : p.submitState === 0 ? "reserved" : aggregate(childStatuses);
    return {
      order: {
        idempotencyKey, supplierOrderId: String(p.pOrder.jdOrderId), status, trackingNumbers: [],
        total: p.pOrder.orderPrice === undefined ? null : jdPrice(p.pOrder.orderPrice),
        supplierStatus: `split: ${p.cOrder.map((c, i) => `${c.jdOrderId} ${childStatuses[i]}`).join(", ")}`,
      },
      childIds: p.cOrder.map((c) => String(c.jdOrderId)),
      children: p.cOrder.map((c, i) => ({ jdOrderId: String(c.jdOrderId), status: childStatuses[i]! })),
    };
  }
  const o = LeafWire.parse(data);
  return {
    order: {
      idempotencyKey, supplierOrderId: String(o.jdOrderId), status: leafStatus(o), trackingNumbers: [],
      total: o.orderPrice === undefined ? null : jdPrice(o.orderPrice),
      supplierStatus: o.jdOrderState === undefined ? undefined : String(o.jdOrderState),
    },
    childIds: [],
    children: [],
  };
}

/** A child's pOrder is its parent's id (0 for an unsplit order); a split parent's pOrder is an object. */
export function topOrderIdOf(data: unknown, jdOrderId: string): string {
  const p = (data as { pOrder?: unknown } | null)?.pOrder;
  if (typeof p === "object" && p !== null && "jdOrderId" in p) return String((p as { jdOrderId: unknown }).jdOrderId);
  return p !== undefined && Number(p) > 0 ? String(p) : jdOrderId;
}

/** submitOrder's result {jdOrderId, freight, orderPrice, ...}: reserved (submitState 0) or accepted (1). */
export function parseSubmitted(data: unknown, idempotencyKey: string, submitState: 0 | 1): SupplierOrder {
  const o = SubmitWire.parse(data);
  return { idempotencyKey, supplierOrderId: String(o.jdOrderId), status: submitState === 0 ? "reserved" : "accepted",
    total: o.orderPrice === undefined ? null : jdPrice(o.orderPrice), trackingNumbers: [] };
}

// orderTrack → {orderTrack:[{msgTime, content, operator}], waybillCode:[{orderId, parentId, carrier, deliveryOrderId}]}
const TrackWire = z.object({
  jdOrderId: Num.optional(),
  orderTrack: z.array(z.object({ msgTime: z.string(), content: z.string(), operator: z.string().optional() })).nullable().optional(),
  waybillCode: z.array(z.object({ carrier: z.string(), deliveryOrderId: z.string(), orderId: Num.optional(), parentId: Num.optional() })).nullable().optional(),
});

/** JD tracking is free text, so each line is classified; one parcel per waybill of this (child) order. */
export function parseTrackParcels(data: unknown): Parcel[] {
  const t = TrackWire.parse(data);
  const events = (t.orderTrack ?? []).map((e) => ({
    at: new Date(`${e.msgTime.replace(" ", "T")}+08:00`).toISOString(),
    status: classifyTrackingText(e.content) ?? "in_transit",
    description: e.content,
  }));
  return (t.waybillCode ?? []).map((w) => ({ trackingNumber: w.deliveryOrderId, carrier: { name: w.carrier }, status: latestStatus(events), events }));
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}
