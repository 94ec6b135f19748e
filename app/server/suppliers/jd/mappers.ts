import { z } from "zod";
import { parseDecimal, toDecimalString } from "../../money";
import { inferHazards } from "../hazard-inference";
import type { CatalogPage, ProductSummary, StockState, SupplierProduct, VariantAvailability } from "../supplier-models";
import type { SupplierOrder, SupplierOrderRequest, SupplierOrderStatus, SupplierTracking } from "../supplier-order-models";
import { classifyTrackingText, latestStatus } from "../tracking-status";

const IMAGE_BASE = "https://img13.360buyimg.com/n0/";
const cny = (value: string | number) => parseDecimal(value, "CNY");

export const SkuPageWire = z.object({ pageCount: z.number(), skuIds: z.array(z.union([z.number(), z.string()])) });
export const DetailWire = z.object({
  sku: z.union([z.number(), z.string()]), name: z.string(), brandName: z.string().optional(), weight: z.union([z.string(), z.number()]).optional(),
  imagePath: z.string().optional(), state: z.number().optional(), productArea: z.string().optional(), category: z.string().optional(),
  introduction: z.string().optional(), param: z.string().optional(), saleUnit: z.string().optional(),
});
export const SellPriceWire = z.array(z.object({ skuId: z.union([z.number(), z.string()]), jdPrice: z.union([z.string(), z.number()]), price: z.union([z.string(), z.number()]) }));
const StockWire = z.array(z.object({
  areaId: z.string(), skuId: z.union([z.number(), z.string()]), stockStateId: z.number(), StockStateDesc: z.string().optional(), remainNum: z.number(),
}));
const OrderWire = z.object({
  jdOrderId: z.union([z.number(), z.string()]), orderState: z.number().optional(), submitState: z.number().optional(),
  jdOrderState: z.number().optional(), orderPrice: z.union([z.number(), z.string()]).optional(),
});
const TrackWire = z.object({
  jdOrderId: z.union([z.number(), z.string()]),
  orderTrack: z.array(z.object({ msgTime: z.string(), content: z.string(), operator: z.string().optional() })),
  waybillCode: z.array(z.object({ carrier: z.string(), deliveryOrderId: z.string() })).optional(),
});

export function parseProduct(detail: unknown, prices: unknown): SupplierProduct {
  const d = DetailWire.parse(detail);
  const price = SellPriceWire.parse(prices).find((p) => String(p.skuId) === String(d.sku));
  const sku = String(d.sku);
  const weightKg = d.weight === undefined ? null : Number(d.weight);
  const image = d.imagePath ? IMAGE_BASE + d.imagePath : undefined;
  return {
    supplierProductId: sku,
    title: { en: d.name, zh: d.name }, // JD gives Chinese only; translation happens at import
    description: { en: "", zh: stripHtml(d.introduction ?? "") },
    categoryId: d.category ?? "",
    images: image ? [image] : [],
    options: [],
    variants: [{
      supplierVariantId: sku, sku, options: {}, cost: cny(price?.price ?? 0),
      weightGrams: weightKg !== null && Number.isFinite(weightKg) ? Math.round(weightKg * 1000) : null, dimensions: null, imageUrl: image,
    }],
    hsCode: null,
    originCountry: /中国|大陆|国产|广东|浙江|江苏|福建|上海|北京|深圳/.test(d.productArea ?? "") ? "CN" : null,
    hazards: inferHazards(`${d.name} ${d.param ?? ""}`),
    warehouses: [],
  };
}

export function toSummary(product: SupplierProduct): ProductSummary {
  return { supplierProductId: product.supplierProductId, title: product.title, categoryId: product.categoryId,
    imageUrl: product.images[0], costFrom: product.variants[0]!.cost, warehouses: [], inStock: true };
}

export function parseSkuPage(data: unknown, page: number, pageSize: number): { skuIds: string[]; page: Omit<CatalogPage, "items"> } {
  const p = SkuPageWire.parse(data);
  return { skuIds: p.skuIds.slice(0, pageSize).map(String), page: { page, pageSize, total: null } };
}

// stockStateId per the VOP SDK: 33 in stock, 39 in transit to the warehouse, 40 allocatable, 36 pre-order, 34 out.
const STOCK_STATES: Record<number, StockState> = { 33: "in_stock", 39: "in_transit", 40: "allocatable", 36: "preorder", 34: "out_of_stock" };

export function parseAvailability(stock: unknown, prices: unknown): VariantAvailability[] {
  const priceBySku = new Map(SellPriceWire.parse(prices).map((p) => [String(p.skuId), p]));
  return StockWire.parse(stock).map((s) => {
    const price = priceBySku.get(String(s.skuId));
    return {
      supplierVariantId: String(s.skuId), location: { kind: "area", areaId: s.areaId },
      cost: price ? cny(price.price) : null, listPrice: price ? cny(price.jdPrice) : undefined,
      state: STOCK_STATES[s.stockStateId] ?? "out_of_stock", quantity: s.remainNum < 0 ? null : s.remainNum,
    };
  });
}

export function toSubmitOrderParams(r: SupplierOrderRequest, submitState: 0 | 1): Record<string, string> {
  const [province = "", city = "", county = "", town = "0"] = (r.shipTo.supplierAreaId ?? "").split("_");
  const withPrices = r.lines.every((l) => l.expectedUnitCost?.currency === "CNY");
  return {
    thirdOrder: r.idempotencyKey,
    sku: JSON.stringify(r.lines.map((l) => ({ skuId: l.supplierVariantId, num: l.quantity, bNeedAnnex: true, bNeedGift: false }))),
    name: r.shipTo.name, province, city, county, town,
    address: [r.shipTo.address1, r.shipTo.address2].filter(Boolean).join(" "),
    zip: r.shipTo.zip ?? "", phone: "", mobile: r.shipTo.phone, email: r.shipTo.email ?? "",
    invoiceState: "2", invoiceType: "4", selectedInvoiceTitle: "5", invoiceContent: "1",
    paymentType: "4", isUseBalance: "1", submitState: String(submitState),
    // Price-snapshot mode makes JD refuse the order instead of silently charging a new price.
    doOrderPriceMode: withPrices ? "1" : "0",
    orderPriceSnap: withPrices ? JSON.stringify(r.lines.map((l) => ({ skuId: l.supplierVariantId, price: toDecimalString(l.expectedUnitCost!) }))) : "",
  };
}

export function orderStatus(o: z.infer<typeof OrderWire>): SupplierOrderStatus {
  if (o.orderState === 0) return "cancelled";
  if (o.submitState === 0) return "reserved";
  const s = o.jdOrderState;
  if (s === undefined) return "accepted";
  if (s === 19) return "delivered";
  if ([11, 12, 13, 14, 16, 17, 18].includes(s)) return "shipped";
  if ([7, 8, 9, 10, 29, 30, 31].includes(s)) return "processing";
  return "accepted";
}

export function parseOrder(data: unknown, idempotencyKey: string, trackingNumbers: string[] = []): SupplierOrder {
  const o = OrderWire.parse(data);
  return { idempotencyKey, supplierOrderId: String(o.jdOrderId), status: orderStatus(o),
    total: o.orderPrice === undefined ? null : cny(o.orderPrice), trackingNumbers, supplierStatus: o.jdOrderState === undefined ? undefined : String(o.jdOrderState) };
}

/** JD tracking is free text (不是状态枚举), so each line is classified; unknown lines count as in transit. */
export function parseTracking(data: unknown, idempotencyKey: string): SupplierTracking {
  const t = TrackWire.parse(data);
  const events = t.orderTrack.map((e) => ({
    at: new Date(`${e.msgTime.replace(" ", "T")}+08:00`).toISOString(),
    status: classifyTrackingText(e.content) ?? "in_transit",
    description: e.content,
  }));
  const waybills = t.waybillCode ?? [];
  return {
    idempotencyKey,
    parcels: waybills.map((w) => ({ trackingNumber: w.deliveryOrderId, carrier: { name: w.carrier }, status: latestStatus(events), events })),
  };
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}
