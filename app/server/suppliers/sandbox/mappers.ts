import { z } from "zod";
import { money } from "../../money";
import type { CatalogPage, CatalogQuery, SupplierProduct, VariantAvailability } from "../supplier-models";
import type { CancelOutcome, SupplierOrder, SupplierOrderRequest, SupplierTracking, TrackingStatus } from "../supplier-order-models";
import { latestStatus, mapTrackingStatus, trackingStatusOf } from "../tracking-status";

const cny = (fen: number) => money(fen, "CNY");

export function toSearchParams(q: CatalogQuery): Record<string, string | undefined> {
  return {
    keyword: q.keyword?.trim() || undefined,
    category: q.categoryId,
    min_cost_fen: q.priceMin ? String(q.priceMin.amount) : undefined,
    max_cost_fen: q.priceMax ? String(q.priceMax.amount) : undefined,
    warehouse: q.shipsFrom,
    in_stock: q.inStockOnly ? "1" : undefined,
    sort: q.sort,
    page: q.page ? String(q.page) : undefined,
    page_size: q.pageSize ? String(q.pageSize) : undefined,
  };
}

const SearchWire = z.object({
  total: z.number(), page: z.number(), page_size: z.number(),
  items: z.array(z.object({
    pid: z.string(), title_en: z.string(), title_zh: z.string(), category: z.string(), image: z.string().nullable(),
    min_cost_fen: z.number().int(), warehouses: z.array(z.string()), in_stock: z.boolean(),
  })),
});

export function parseCatalogPage(data: unknown): CatalogPage {
  const wire = SearchWire.parse(data);
  return {
    page: wire.page, pageSize: wire.page_size, total: wire.total,
    items: wire.items.map((i) => ({
      supplierProductId: i.pid, title: { en: i.title_en, zh: i.title_zh }, categoryId: i.category,
      imageUrl: i.image ?? undefined, costFrom: cny(i.min_cost_fen), warehouses: i.warehouses, inStock: i.in_stock,
    })),
  };
}

const Flags = z.object({ battery: z.boolean(), liquid: z.boolean(), magnet: z.boolean(), powder: z.boolean() });
const ProductWire = z.object({
  pid: z.string(), title_en: z.string(), title_zh: z.string(), desc_en: z.string(), desc_zh: z.string(), category: z.string(),
  images: z.array(z.string()), options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  hs_code: z.string(), origin: z.string(), hazards: Flags, warehouses: z.array(z.string()),
  variants: z.array(z.object({
    vid: z.string(), sku: z.string(), specs: z.record(z.string(), z.string()), cost_fen: z.number().int(), weight_g: z.number(),
    dims_mm: z.tuple([z.number(), z.number(), z.number()]), image: z.string(),
  })),
});

export function parseProduct(data: unknown): SupplierProduct {
  const p = ProductWire.parse(data);
  return {
    supplierProductId: p.pid,
    title: { en: p.title_en, zh: p.title_zh },
    description: { en: p.desc_en, zh: p.desc_zh },
    categoryId: p.category,
    images: p.images,
    options: p.options,
    variants: p.variants.map((v) => ({
      supplierVariantId: v.vid, sku: v.sku, options: v.specs, cost: cny(v.cost_fen), weightGrams: v.weight_g,
      dimensions: { lengthMm: v.dims_mm[0], widthMm: v.dims_mm[1], heightMm: v.dims_mm[2] }, imageUrl: v.image,
    })),
    hsCode: p.hs_code,
    originCountry: p.origin,
    hazards: { ...p.hazards, source: "supplier" },
    warehouses: p.warehouses,
  };
}

const StockWire = z.array(z.object({ vid: z.string(), warehouse: z.string(), qty: z.number().int(), cost_fen: z.number().int() }));

export function parseStock(data: unknown): VariantAvailability[] {
  return StockWire.parse(data).map((s) => ({
    supplierVariantId: s.vid, location: { kind: "warehouse", code: s.warehouse }, cost: cny(s.cost_fen),
    state: s.qty > 0 ? "in_stock" : "out_of_stock", quantity: s.qty,
  }));
}

export function toCreateOrderBody(request: SupplierOrderRequest, reserveOnly: boolean) {
  return {
    order_key: request.idempotencyKey,
    reserve_only: reserveOnly,
    warehouse: request.fromWarehouse,
    ship_to: { country: request.shipTo.countryCode, zip: request.shipTo.zip, city: request.shipTo.city,
      name: request.shipTo.name, address1: request.shipTo.address1, phone: request.shipTo.phone },
    lines: request.lines.map((l) => ({
      vid: l.supplierVariantId, qty: l.quantity,
      expected_unit_cost_fen: l.expectedUnitCost?.currency === "CNY" ? l.expectedUnitCost.amount : undefined,
    })),
  };
}

const OrderWire = z.object({
  order_key: z.string(), order_id: z.string(),
  state: z.enum(["reserved", "accepted", "processing", "shipped", "delivered", "cancelled"]),
  total_fen: z.number().int(), tracking_numbers: z.array(z.string()), already_cancelled: z.boolean().optional(),
});

export function parseOrder(data: unknown): SupplierOrder {
  const o = OrderWire.parse(data);
  return { idempotencyKey: o.order_key, supplierOrderId: o.order_id, status: o.state, total: cny(o.total_fen),
    trackingNumbers: o.tracking_numbers, supplierStatus: o.state };
}

export function parseCancel(data: unknown): CancelOutcome {
  return OrderWire.parse(data).already_cancelled ? { outcome: "already_cancelled" } : { outcome: "cancelled" };
}

const TrackingWire = z.object({
  order_key: z.string(),
  parcels: z.array(z.object({
    tracking_number: z.string(), carrier: z.string(), carrier_code: z.string(),
    events: z.array(z.object({ time: z.string(), code: z.string(), text: z.string(), location: z.string().optional() })),
  })),
});

export function parseTracking(data: unknown): SupplierTracking {
  const t = TrackingWire.parse(data);
  return {
    idempotencyKey: t.order_key,
    parcels: t.parcels.map((p) => {
      const events = p.events.map((e) => {
        const mapped = mapTrackingStatus("sandbox", e.code) ?? mapTrackingStatus("text", e.text);
        return { at: e.time, description: e.text, location: e.location, status: mapped ? trackingStatusOf(mapped) : "in_transit" as const, eventStatus: mapped?.status };
      });
      return { trackingNumber: p.tracking_number, carrier: { name: p.carrier, code: p.carrier_code }, status: latestStatus(events), events };
    }),
  };
}

const ChangePageWire = z.object({
  next: z.number().int().nonnegative(),
  events: z.array(z.object({
    seq: z.number().int(), vid: z.string(), at: z.string(), kind: z.enum(["changed", "discontinued"]),
    cost_fen: z.number().int().optional(), stock: z.record(z.string(), z.number().int()).optional(),
  })),
});

/** The sandbox change feed → supplier change events (event key = the feed's sequence number). */
export function parseChangePage(data: unknown) {
  const page = ChangePageWire.parse(data);
  return {
    next: page.next,
    events: page.events.map((e) => ({
      eventKey: `sandbox-${e.seq}`, supplierSku: e.vid, occurredAt: new Date(e.at), kind: e.kind,
      ...(e.stock ? { stock: e.stock } : {}), ...(e.cost_fen !== undefined ? { cost: cny(e.cost_fen) } : {}),
    })),
  };
}
