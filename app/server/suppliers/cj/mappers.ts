// Pure translations between our models and CJ API 2.0's published shapes (cj-contract.json, field by field).
import { z } from "zod";
import { parseDecimal, toDecimalString } from "../../money";
import { inferHazards } from "../hazard-inference";
import type { CatalogPage, CatalogQuery, SupplierProduct, VariantAvailability, WarehouseCode } from "../supplier-models";
import type { FreightQuote, FreightQuoteRequest, SupplierOrder, SupplierOrderRequest, SupplierOrderStatus, SupplierTracking, TrackingEvent, TrackingStatus } from "../supplier-order-models";
import { classifyTrackingText, latestStatus } from "../tracking-status";

/** CJ prices are USD decimals (contract "units"), sometimes a range ("3.20-5.60"): we keep the low end. */
const usd = (value: string | number) => parseDecimal(String(value).split("-")[0]!.trim(), "USD");
const num = z.union([z.number(), z.string()]);

/** CJ names warehouses by country (CN, US, DE, GB…); our older codes (CN-GZ, UK) fold into CJ's. */
export function cjCountryOf(warehouse: WarehouseCode): string {
  if (warehouse.startsWith("CN")) return "CN";
  return warehouse === "UK" ? "GB" : warehouse.toUpperCase();
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(n)));

/** listV2 (product.html 1.2): page 1..1000, size 1..100. */
export function toListQuery(q: CatalogQuery): Record<string, string | undefined> {
  return {
    keyWord: q.keyword?.trim() || undefined, categoryId: q.categoryId, countryCode: q.shipsFrom ? cjCountryOf(q.shipsFrom) : undefined,
    startSellPrice: q.priceMin ? toDecimalString(q.priceMin) : undefined, endSellPrice: q.priceMax ? toDecimalString(q.priceMax) : undefined,
    page: String(clamp(q.page ?? 1, 1, 1000)), size: String(clamp(q.pageSize ?? 20, 1, 100)),
    orderBy: q.sort === "price_asc" || q.sort === "price_desc" ? "2" : q.sort === "newest" ? "3" : undefined,
    sort: q.sort === "price_asc" ? "asc" : q.sort === "price_desc" || q.sort === "newest" ? "desc" : undefined,
  };
}

const ListWire = z.object({
  pageNumber: z.number(), pageSize: z.number(), totalRecords: z.number(),
  content: z.array(z.object({ productList: z.array(z.object({
    id: z.string(), nameEn: z.string(), bigImage: z.string().nullish(), sellPrice: num, categoryId: z.string().nullish(),
    warehouseInventoryNum: z.number().nullish(),
  })) })),
});

export function parseList(data: unknown, shipsFrom?: string): CatalogPage {
  const l = ListWire.parse(data);
  return {
    page: l.pageNumber, pageSize: l.pageSize, total: l.totalRecords,
    items: l.content.flatMap((c) => c.productList).map((p) => ({
      supplierProductId: p.id, title: { en: p.nameEn }, categoryId: p.categoryId ?? "", imageUrl: p.bigImage ?? undefined,
      // listV2 carries no per-country stock; with a countryCode filter every hit has stock there.
      costFrom: usd(p.sellPrice), warehouses: shipsFrom ? [shipsFrom] : [], inStock: (p.warehouseInventoryNum ?? 1) > 0,
    })),
  };
}

const Inventory = z.object({ countryCode: z.string(), totalInventory: z.number().nullish() });
const ProductWire = z.object({
  pid: z.string(), productNameEn: z.string(), productName: z.string().nullish(), description: z.string().nullish(),
  categoryId: z.string().nullish(), productImage: z.string().nullish(), productImageSet: z.array(z.string()).nullish(),
  entryCode: z.string().nullish(), entryNameEn: z.string().nullish(), materialNameEn: z.string().nullish(), productKeyEn: z.string().nullish(), productProEnSet: z.array(z.string()).nullish(),
  variants: z.array(z.object({
    vid: z.string(), variantSku: z.string(), variantKey: z.string().nullish(), variantImage: z.string().nullish(),
    variantSellPrice: num, variantWeight: num.nullish(), variantLength: num.nullish(), variantWidth: num.nullish(), variantHeight: num.nullish(),
    inventories: z.array(Inventory).nullish(),
  })),
});

/** productName is a JSON-array string ("[\"攀爬车 拖斗车 \",…]"); variantKey is "Black" or "[\"XS\"]" depending on the endpoint. */
function jsonList(text: string | null | undefined): string[] | null {
  if (!text?.startsWith("[")) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(String) : null;
  } catch {
    return null;
  }
}

/** entryNameEn "model" with materialNameEn "[\"\",\"metal\"]" → "model (metal)" (product/query example, cj-contract.json). */
function customsDescription(entryNameEn: string | null | undefined, materials: string[]): string | null {
  const name = (entryNameEn ?? "").trim();
  if (!name) return null;
  const material = [...new Set(materials.map((m) => m.trim().replaceAll("_", " ")).filter(Boolean))].join(", ");
  return material ? `${name} (${material})` : name;
}

export function parseProduct(data: unknown): SupplierProduct {
  const p = ProductWire.parse(data);
  const optionNames = (p.productKeyEn ?? "").split("-").map((s) => s.trim()).filter(Boolean);
  const variants = p.variants.map((v) => {
    const values = jsonList(v.variantKey) ?? (v.variantKey ?? "").split("-");
    const options = Object.fromEntries(optionNames.map((name, i) => [name, values[i]?.trim() ?? ""]));
    const dims = [v.variantLength, v.variantWidth, v.variantHeight].map((d) => (d == null ? NaN : Number(d)));
    return {
      supplierVariantId: v.vid, sku: v.variantSku, options, cost: usd(v.variantSellPrice),
      weightGrams: v.variantWeight == null ? null : Math.round(Number(v.variantWeight)),
      dimensions: dims.every((d) => d > 0) ? { lengthMm: dims[0]!, widthMm: dims[1]!, heightMm: dims[2]! } : null,
      imageUrl: v.variantImage ?? undefined,
    };
  });
  const props = (p.productProEnSet ?? []).filter((x) => x !== "COMMON").join(" ");
  const inferred = inferHazards(p.productNameEn);
  // Documented images are productImage and variantImage (review F22); productImageSet is read when present.
  const images = [...new Set([...(p.productImageSet ?? []), p.productImage, ...p.variants.map((v) => v.variantImage)].filter((x): x is string => !!x))];
  const warehouses = [...new Set(p.variants.flatMap((v) => (v.inventories ?? []).filter((i) => (i.totalInventory ?? 0) > 0).map((i) => i.countryCode)))];
  return {
    supplierProductId: p.pid,
    title: { en: p.productNameEn, zh: jsonList(p.productName)?.[0]?.trim() || undefined },
    description: { en: (p.description ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() },
    categoryId: p.categoryId ?? "",
    images,
    options: optionNames.map((name) => ({ name, values: [...new Set(variants.map((v) => v.options[name] ?? ""))] })),
    variants,
    hsCode: p.entryCode ? p.entryCode.replace(/\D/g, "") || null : null,
    originCountry: "CN",
    compliance: { customsDescription: customsDescription(p.entryNameEn, jsonList(p.materialNameEn) ?? [p.materialNameEn ?? ""]) },
    // CJ's property tags (ELECTRIFIED, LIQUID, MAGNETIC, POWDER…) are supplier-declared when present.
    hazards: p.productProEnSet ? { ...inferHazards(props.replace(/ELECTRIFIED|BATTERY/g, "battery").replace(/MAGNETIC/g, "magnet")), source: "supplier" } : inferred,
    warehouses,
  };
}

// stock/queryByVid (product.html 3.1): storageNum is deprecated in favour of totalInventoryNum.
const StockWire = z.array(z.object({ vid: z.string(), areaId: num.nullish(), countryCode: z.string(), totalInventoryNum: z.number().nullish(), storageNum: z.number().nullish() }));

export function parseStock(data: unknown, vid: string, warehouse: WarehouseCode): VariantAvailability {
  const country = cjCountryOf(warehouse);
  const rows = StockWire.parse(data ?? []).filter((s) => s.countryCode === country);
  const quantity = rows.reduce((n, s) => n + (s.totalInventoryNum ?? s.storageNum ?? 0), 0);
  return { supplierVariantId: vid, location: { kind: "warehouse", code: country }, cost: null, state: quantity > 0 ? "in_stock" : "out_of_stock", quantity };
}

export function toFreightBody(r: FreightQuoteRequest) {
  const start = r.from.kind === "country" ? r.from.countryCode : r.from.kind === "warehouse" ? cjCountryOf(r.from.code) : "CN";
  return { startCountryCode: start, endCountryCode: r.toCountryCode, zip: r.toZip,
    products: r.lines.map((l) => ({ quantity: l.quantity, vid: l.supplierVariantId })) };
}

const FreightWire = z.array(z.object({ logisticName: z.string(), logisticAging: z.string().nullish(), logisticPrice: num }));

export function parseFreight(data: unknown): FreightQuote[] {
  return FreightWire.parse(data ?? []).map((f) => {
    const [min, max] = (f.logisticAging ?? "").split("-").map((d) => Number.parseInt(d, 10));
    return { serviceName: f.logisticName, price: usd(f.logisticPrice), minDays: Number.isFinite(min) ? min! : null, maxDays: Number.isFinite(max) ? max! : Number.isFinite(min) ? min! : null };
  });
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Required createOrderV2 fields we take from the address (shopping.html 1.1); the names go into the fix hint. */
export function missingAddressFields(r: SupplierOrderRequest): string[] {
  const a = r.shipTo;
  const missing: [string, string | undefined][] = [["name", a.name], ["address line 1", a.address1], ["city", a.city],
    ["province / state", a.province], ["country", a.countryCode]];
  return missing.filter(([, v]) => !v?.trim()).map(([label]) => label);
}

export function toCreateOrderBody(r: SupplierOrderRequest, logisticName: string, fromCountryCode: string) {
  const a = r.shipTo;
  return {
    orderNumber: r.idempotencyKey, shippingCountryCode: a.countryCode, shippingCountry: regionNames.of(a.countryCode) ?? a.countryCode,
    shippingProvince: a.province!, shippingCity: a.city, shippingZip: a.zip, shippingAddress: a.address1, shippingAddress2: a.address2,
    shippingCustomerName: a.name, shippingPhone: a.phone, email: a.email, taxId: a.taxId, logisticName, fromCountryCode,
    payType: 2, // balance: add to cart, confirm and deduct in one call, so no manual payment per order
    products: r.lines.map((l) => ({ vid: l.supplierVariantId, quantity: l.quantity })),
  };
}

// Order Status (shopping.html 1.6/1.7): CREATED/IN_CART/UNPAID are not paid yet, UNSHIPPED is paid and waiting.
const STATUS: Record<string, SupplierOrderStatus> = {
  CREATED: "accepted", IN_CART: "accepted", UNPAID: "accepted", UNSHIPPED: "processing",
  SHIPPED: "shipped", DELIVERED: "delivered", CANCELLED: "cancelled",
};
export const isUnpaid = (o: SupplierOrder) => ["CREATED", "IN_CART", "UNPAID"].includes(o.supplierStatus ?? "");

const OrderWire = z.object({
  orderId: num.nullish(), orderNum: z.string().nullish(), orderNumber: z.string().nullish(), orderStatus: z.string().nullish(),
  orderAmount: num.nullish(), trackNumber: z.string().nullish(),
});

/** getOrderDetail; createOrderV2 may omit orderId (review F15), so the caller looks the order up instead. */
export function parseOrder(data: unknown, idempotencyKey: string): SupplierOrder | null {
  const o = OrderWire.parse(data);
  if (o.orderId == null || o.orderId === "") return null;
  return {
    idempotencyKey, supplierOrderId: String(o.orderId), status: o.orderStatus ? STATUS[o.orderStatus] ?? "unknown" : "accepted",
    total: o.orderAmount == null || o.orderAmount === "" ? null : usd(o.orderAmount),
    trackingNumbers: o.trackNumber ? o.trackNumber.split(",").map((t) => t.trim()).filter(Boolean) : [],
    supplierStatus: o.orderStatus ?? undefined,
  };
}

// LOGISTIC webhook trackingStatus 0–14 (webhook.html, cj-contract.json LOGISTIC_trackingStatus_enum) → our statuses.
const LOGISTIC_STATUS: Record<number, TrackingStatus | null> = {
  0: null, 1: "info_received", 2: "info_received", 3: "exception", 4: "in_transit", 5: "in_transit", 6: "in_transit",
  7: "customs_clearance", 8: "customs_clearance", 9: "in_transit", 10: "out_for_delivery", 11: "out_for_delivery",
  12: "delivered", 13: "exception", 14: "returning",
};
export const logisticStatus = (code: number): TrackingStatus | null => LOGISTIC_STATUS[code] ?? null;

/** CJ writes "2024-01-18 07:59:22" without a zone; we read it as UTC like getOrderDetail's dates (unconfirmed, ADR 0300). */
export const cjTimeToIso = (t: string) => new Date(t.includes("T") ? t : `${t.replace(" ", "T")}Z`).toISOString();

const TrackEventWire = z.array(z.object({ status: z.coerce.number(), activity: z.string().nullish(), location: z.string().nullish(),
  eventTime: z.string(), statusDesc: z.string().nullish() }));
const LogisticWire = z.object({ type: z.literal("LOGISTIC"), messageId: z.string(), params: z.object({
  logisticName: z.string().nullish(), trackingNumber: z.string(), trackingStatus: z.coerce.number(), logisticsTrackEvents: z.string().nullish() }) });

export interface CjLogisticMessage { messageId: string; trackingNumber: string; carrier: string | null; status: TrackingStatus | null; events: TrackingEvent[] }

export function parseLogisticMessage(payload: unknown): CjLogisticMessage {
  const m = LogisticWire.parse(payload);
  const raw = m.params.logisticsTrackEvents ? TrackEventWire.parse(JSON.parse(m.params.logisticsTrackEvents)) : [];
  const events = raw.flatMap((e) => {
    const status = logisticStatus(e.status);
    return status ? [{ at: cjTimeToIso(e.eventTime), status, description: (e.activity ?? e.statusDesc ?? "").trim(), location: e.location?.trim() || undefined }] : [];
  }).sort((a, b) => a.at.localeCompare(b.at));
  return { messageId: m.messageId, trackingNumber: m.params.trackingNumber, carrier: m.params.logisticName ?? null, status: logisticStatus(m.params.trackingStatus), events };
}

const OrderMessageWire = z.object({ type: z.literal("ORDER"), messageId: z.string(), params: z.object({
  orderNumber: z.string().nullish(), orderNum: z.string().nullish(), orderStatus: z.string(), trackNumber: z.string().nullish(), logisticName: z.string().nullish() }) });

export function parseOrderMessage(payload: unknown) {
  const m = OrderMessageWire.parse(payload);
  return { messageId: m.messageId, orderNumber: m.params.orderNumber ?? m.params.orderNum ?? null, status: STATUS[m.params.orderStatus] ?? "unknown",
    supplierStatus: m.params.orderStatus, trackingNumbers: m.params.trackNumber ? m.params.trackNumber.split(",").map((t) => t.trim()) : [] };
}

const StockMessageWire = z.object({ type: z.literal("STOCK"), messageId: z.string(),
  params: z.record(z.string(), z.array(z.object({ vid: z.string(), countryCode: z.string(), storageNum: z.number().nullish(), totalInventoryNum: z.number().nullish() }))) });

export function parseStockMessage(payload: unknown) {
  const m = StockMessageWire.parse(payload);
  return { messageId: m.messageId, rows: Object.values(m.params).flat().map((r) => ({ vid: r.vid, countryCode: r.countryCode, quantity: r.totalInventoryNum ?? r.storageNum ?? 0 })) };
}

const TrackWire = z.array(z.object({ trackingNumber: z.string(), logisticName: z.string().nullish(), trackingStatus: z.string().nullish(), lastMileCarrier: z.string().nullish() }));

/** trackInfo rows (logistic.html 2.2) carry no scan list: events come from LOGISTIC webhook messages we stored. */
export function parseTracking(data: unknown, idempotencyKey: string, storedEvents: ReadonlyMap<string, readonly TrackingEvent[]>): SupplierTracking {
  return {
    idempotencyKey,
    parcels: TrackWire.parse(data ?? []).map((t) => {
      const events = [...(storedEvents.get(t.trackingNumber) ?? [])].sort((a, b) => a.at.localeCompare(b.at));
      const fromText = t.trackingStatus ? classifyTrackingText(t.trackingStatus) : null;
      return { trackingNumber: t.trackingNumber, carrier: { name: t.logisticName ?? t.lastMileCarrier ?? "CJ" }, status: latestStatus(events) ?? fromText, events };
    }),
  };
}

const CategoryTreeWire = z.array(z.object({ categoryFirstName: z.string(), categoryFirstList: z.array(z.object({
  categorySecondName: z.string(), categorySecondList: z.array(z.object({ categoryId: z.string(), categoryName: z.string() })).nullish() })).nullish() }));

/** getCategory's three levels, flattened to the level-3 ids listV2's categoryId takes, labelled "First / Second / Third". */
export function parseCategories(data: unknown): { id: string; label: string }[] {
  return CategoryTreeWire.parse(data ?? []).flatMap((one) => (one.categoryFirstList ?? []).flatMap((two) =>
    (two.categorySecondList ?? []).map((three) => ({ id: three.categoryId, label: `${one.categoryFirstName} / ${two.categorySecondName} / ${three.categoryName}` }))));
}
