import type { SandboxProductRecord } from "../catalog/catalog-types";
import { orderState, parcelFor, type SandboxOrderRecord } from "./order-lifecycle";

export function productSummaryWire(p: SandboxProductRecord) {
  const stocked = new Set(p.variants.flatMap((v) => Object.entries(v.stock).filter(([, q]) => q > 0).map(([w]) => w)));
  return {
    pid: p.pid,
    title_en: p.title_en,
    title_zh: p.title_zh,
    category: p.category,
    image: p.images[0] ?? null,
    min_cost_fen: Math.min(...p.variants.map((v) => v.cost_fen)),
    warehouses: p.warehouses,
    in_stock: stocked.size > 0,
  };
}

export function orderWire(order: SandboxOrderRecord, seed: number, now: number) {
  const parcel = parcelFor(order, seed, now);
  return {
    order_key: order.order_key,
    order_id: order.order_id,
    state: orderState(order, now),
    created_at: new Date(order.created_at).toISOString(),
    warehouse: order.warehouse,
    lines: order.lines,
    total_fen: order.total_fen,
    currency: "CNY",
    tracking_numbers: parcel ? [parcel.tracking_number] : [],
  };
}

export function trackingWire(order: SandboxOrderRecord, seed: number, now: number) {
  const parcel = parcelFor(order, seed, now);
  return { order_key: order.order_key, parcels: parcel ? [parcel] : [] };
}
