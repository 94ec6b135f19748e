import { z } from "zod";
import { parseDecimal, toDecimalString } from "../../money";
import { inferHazards } from "../hazard-inference";
import type { CatalogPage, CatalogQuery, SupplierProduct, VariantAvailability } from "../supplier-models";
import type { FreightQuote, FreightQuoteRequest, SupplierOrder, SupplierOrderRequest, SupplierOrderStatus, SupplierTracking } from "../supplier-order-models";
import { classifyTrackingText, latestStatus } from "../tracking-status";

/** CJ prices are USD decimals, sometimes a range ("3.20-5.60"): we keep the low end. */
const usd = (value: string | number) => parseDecimal(String(value).split("-")[0]!.trim(), "USD");
const num = z.union([z.number(), z.string()]);

export function toListQuery(q: CatalogQuery): Record<string, string | undefined> {
  return {
    keyWord: q.keyword?.trim() || undefined, categoryId: q.categoryId, countryCode: q.shipsFrom,
    startSellPrice: q.priceMin ? toDecimalString(q.priceMin) : undefined, endSellPrice: q.priceMax ? toDecimalString(q.priceMax) : undefined,
    page: String(q.page ?? 1), size: String(q.pageSize ?? 20),
    orderBy: q.sort === "price_asc" || q.sort === "price_desc" ? "2" : q.sort === "newest" ? "3" : undefined,
    sort: q.sort === "price_asc" ? "asc" : q.sort === "price_desc" ? "desc" : undefined,
  };
}

const ListWire = z.object({
  pageNumber: z.number(), pageSize: z.number(), totalRecords: z.number(),
  content: z.array(z.object({ productList: z.array(z.object({
    id: z.string(), nameEn: z.string(), bigImage: z.string().optional(), sellPrice: num, categoryId: z.string().optional(),
    warehouseInventoryNum: z.number().optional(),
  })) })),
});

export function parseList(data: unknown): CatalogPage {
  const l = ListWire.parse(data);
  return {
    page: l.pageNumber, pageSize: l.pageSize, total: l.totalRecords,
    items: l.content.flatMap((c) => c.productList).map((p) => ({
      supplierProductId: p.id, title: { en: p.nameEn }, categoryId: p.categoryId ?? "", imageUrl: p.bigImage,
      costFrom: usd(p.sellPrice), warehouses: [], inStock: (p.warehouseInventoryNum ?? 1) > 0,
    })),
  };
}

const ProductWire = z.object({
  pid: z.string(), productNameEn: z.string(), productName: z.string().optional(), description: z.string().optional(),
  categoryId: z.string().optional(), productImageSet: z.array(z.string()).optional(), bigImage: z.string().optional(),
  entryCode: z.string().optional(), productKeyEn: z.string().optional(), materialNameEn: z.string().optional(),
  productProEnSet: z.array(z.string()).optional(),
  variants: z.array(z.object({
    vid: z.string(), variantSku: z.string(), variantKey: z.string().optional(), variantImage: z.string().optional(),
    variantSellPrice: num, variantWeight: num.optional(), variantLength: num.optional(), variantWidth: num.optional(), variantHeight: num.optional(),
  })),
});

export function parseProduct(data: unknown): SupplierProduct {
  const p = ProductWire.parse(data);
  const optionNames = (p.productKeyEn ?? "").split("-").filter(Boolean);
  const variants = p.variants.map((v) => {
    const values = (v.variantKey ?? "").split("-");
    const options = Object.fromEntries(optionNames.map((name, i) => [name, values[i] ?? ""]));
    const dims = [v.variantLength, v.variantWidth, v.variantHeight].map((d) => (d === undefined ? NaN : Number(d)));
    return {
      supplierVariantId: v.vid, sku: v.variantSku, options, cost: usd(v.variantSellPrice),
      weightGrams: v.variantWeight === undefined ? null : Math.round(Number(v.variantWeight)),
      dimensions: dims.every((d) => d > 0) ? { lengthMm: dims[0]!, widthMm: dims[1]!, heightMm: dims[2]! } : null,
      imageUrl: v.variantImage,
    };
  });
  const props = (p.productProEnSet ?? []).join(" ");
  const inferred = inferHazards(`${p.productNameEn} ${props}`);
  return {
    supplierProductId: p.pid,
    title: { en: p.productNameEn, zh: p.productName },
    description: { en: (p.description ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() },
    categoryId: p.categoryId ?? "",
    images: p.productImageSet ?? (p.bigImage ? [p.bigImage] : []),
    options: optionNames.map((name) => ({ name, values: [...new Set(variants.map((v) => v.options[name] ?? ""))] })),
    variants,
    hsCode: p.entryCode ? p.entryCode.replace(/\D/g, "") || null : null,
    originCountry: "CN",
    // CJ's property tags (e.g. ELECTRIFIED, LIQUID, MAGNETIC, POWDER) are supplier-declared when present.
    hazards: props ? { ...inferHazards(props.replace(/ELECTRIFIED|BATTERY/g, "battery")), source: "supplier" } : inferred,
    warehouses: [],
  };
}

const StockWire = z.array(z.object({ vid: z.string(), areaId: num.optional(), countryCode: z.string(), totalInventoryNum: z.number() }));

export function parseStock(data: unknown, warehouse: string): VariantAvailability[] {
  return StockWire.parse(data).filter((s) => s.countryCode === warehouse).map((s) => ({
    supplierVariantId: s.vid, location: { kind: "warehouse", code: s.countryCode }, cost: null,
    state: s.totalInventoryNum > 0 ? "in_stock" : "out_of_stock", quantity: s.totalInventoryNum,
  }));
}

export function toFreightBody(r: FreightQuoteRequest) {
  const start = r.from.kind === "country" ? r.from.countryCode : r.from.kind === "warehouse" ? r.from.code : "CN";
  return { startCountryCode: start, endCountryCode: r.toCountryCode, zip: r.toZip,
    products: r.lines.map((l) => ({ quantity: l.quantity, vid: l.supplierVariantId })) };
}

const FreightWire = z.array(z.object({ logisticName: z.string(), logisticAging: z.string().optional(), logisticPrice: num }));

export function parseFreight(data: unknown): FreightQuote[] {
  return FreightWire.parse(data).map((f) => {
    const [min, max] = (f.logisticAging ?? "").split("-").map((d) => Number.parseInt(d, 10));
    return { serviceName: f.logisticName, price: usd(f.logisticPrice), minDays: Number.isFinite(min) ? min! : null, maxDays: Number.isFinite(max) ? max! : Number.isFinite(min) ? min! : null };
  });
}

export function toCreateOrderBody(r: SupplierOrderRequest) {
  const a = r.shipTo;
  return {
    orderNumber: r.idempotencyKey, shippingCountryCode: a.countryCode, shippingProvince: a.province ?? "", shippingCity: a.city,
    shippingZip: a.zip ?? "", shippingAddress: a.address1, shippingAddress2: a.address2 ?? "", shippingCustomerName: a.name,
    shippingPhone: a.phone, email: a.email ?? "", taxId: a.taxId ?? "", logisticName: r.shippingMethod ?? "",
    fromCountryCode: r.fromWarehouse ?? "CN",
    payType: 2, // create, confirm and pay from the CJ balance in one step: no manual gate per order
    products: r.lines.map((l) => ({ vid: l.supplierVariantId, quantity: l.quantity })),
  };
}

const STATUS: Record<string, SupplierOrderStatus> = {
  CREATED: "accepted", IN_CART: "accepted", UNPAID: "accepted", UNSHIPPED: "processing",
  SHIPPED: "shipped", DELIVERED: "delivered", CANCELLED: "cancelled",
};
const OrderWire = z.object({
  orderId: z.string(), orderNum: z.string().optional(), orderNumber: z.string().optional(), orderStatus: z.string().optional(),
  orderAmount: num.optional(), trackNumber: z.string().nullable().optional(),
});

export function parseOrder(data: unknown, idempotencyKey: string): SupplierOrder {
  const o = OrderWire.parse(data);
  return {
    idempotencyKey, supplierOrderId: o.orderId, status: o.orderStatus ? STATUS[o.orderStatus] ?? "unknown" : "accepted",
    total: o.orderAmount === undefined ? null : usd(o.orderAmount), trackingNumbers: o.trackNumber ? o.trackNumber.split(",") : [],
    supplierStatus: o.orderStatus,
  };
}

const TrackWire = z.array(z.object({
  trackingNumber: z.string(), logisticName: z.string(),
  routes: z.array(z.object({ date: z.string(), description: z.string(), location: z.string().optional() })).optional(),
}));

export function parseTracking(data: unknown, idempotencyKey: string): SupplierTracking {
  return {
    idempotencyKey,
    parcels: TrackWire.parse(data).map((t) => {
      const events = (t.routes ?? []).map((e) => ({
        at: new Date(e.date.includes("T") ? e.date : `${e.date.replace(" ", "T")}Z`).toISOString(),
        status: classifyTrackingText(e.description) ?? "in_transit", description: e.description, location: e.location,
      })).sort((a, b) => a.at.localeCompare(b.at));
      return { trackingNumber: t.trackingNumber, carrier: { name: t.logisticName }, status: latestStatus(events), events };
    }),
  };
}

