import type { CatalogStore } from "./catalog-store";
import { orderState, type SandboxOrderRecord } from "./order-lifecycle";

export class SandboxApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface CreateOrderBody {
  order_key?: unknown;
  lines?: { vid?: unknown; qty?: unknown; expected_unit_cost_fen?: unknown }[];
  warehouse?: unknown;
  reserve_only?: unknown;
  ship_to?: { country?: unknown };
}

/** Orders keyed by the caller's key: the same key always returns the first order, never a second one. */
export function createOrderBook(catalog: CatalogStore, now: () => number) {
  const orders = new Map<string, SandboxOrderRecord>();
  let sequence = 0;

  function get(key: string): SandboxOrderRecord {
    const order = orders.get(key);
    if (!order) throw new SandboxApiError(404, "ORDER_NOT_FOUND", `No order with key ${key}`);
    return order;
  }

  function create(body: CreateOrderBody): { order: SandboxOrderRecord; created: boolean } {
    const key = typeof body.order_key === "string" ? body.order_key.trim() : "";
    if (!key || key.length > 64) throw new SandboxApiError(400, "INVALID_PARAM", "order_key is required (max 64 chars)");
    const existing = orders.get(key);
    if (existing) return { order: existing, created: false };
    if (typeof body.ship_to?.country !== "string") throw new SandboxApiError(400, "INVALID_PARAM", "ship_to.country is required");
    if (!Array.isArray(body.lines) || body.lines.length === 0) throw new SandboxApiError(400, "INVALID_PARAM", "lines are required");
    const lines = body.lines.map((line) => {
      const found = typeof line.vid === "string" ? catalog.variant(line.vid) : undefined;
      if (!found) throw new SandboxApiError(404, "VARIANT_NOT_FOUND", `Unknown variant ${String(line.vid)}`);
      const qty = Number(line.qty);
      if (!Number.isInteger(qty) || qty < 1) throw new SandboxApiError(400, "INVALID_PARAM", "qty must be a positive integer");
      const expected = line.expected_unit_cost_fen;
      if (expected !== undefined && expected !== found.variant.cost_fen) {
        throw new SandboxApiError(409, "PRICE_CHANGED", `Price of ${found.variant.vid} is now ${found.variant.cost_fen} fen`);
      }
      return { vid: found.variant.vid, qty, unit_cost_fen: found.variant.cost_fen, stock: found.variant.stock };
    });
    const warehouse = chooseWarehouse(lines, typeof body.warehouse === "string" ? body.warehouse : undefined);
    const at = now();
    const order: SandboxOrderRecord = {
      order_key: key,
      order_id: `SBO${String(++sequence).padStart(8, "0")}`,
      created_at: at,
      confirmed_at: body.reserve_only === true ? null : at,
      cancelled_at: null,
      warehouse,
      lines: lines.map(({ vid, qty, unit_cost_fen }) => ({ vid, qty, unit_cost_fen })),
      total_fen: lines.reduce((sum, l) => sum + l.qty * l.unit_cost_fen, 0),
    };
    orders.set(key, order);
    return { order, created: true };
  }

  function confirm(key: string): SandboxOrderRecord {
    const order = get(key);
    if (order.cancelled_at !== null) throw new SandboxApiError(409, "ORDER_CANCELLED", "The order was cancelled");
    if (order.confirmed_at === null) order.confirmed_at = now();
    return order;
  }

  function cancel(key: string): { order: SandboxOrderRecord; alreadyCancelled: boolean } {
    const order = get(key);
    const state = orderState(order, now());
    if (state === "cancelled") return { order, alreadyCancelled: true };
    if (state === "shipped" || state === "delivered") {
      throw new SandboxApiError(409, "ALREADY_SHIPPED", "The order has already shipped and can no longer be cancelled");
    }
    order.cancelled_at = now();
    return { order, alreadyCancelled: false };
  }

  return { get, create, confirm, cancel, get size() { return orders.size; } };
}

function chooseWarehouse(lines: { vid: string; qty: number; stock: Record<string, number> }[], wanted?: string): string {
  const candidates = wanted ? [wanted] : Object.keys(lines[0]!.stock);
  const ok = candidates.find((w) => lines.every((l) => (l.stock[w] ?? 0) >= l.qty));
  if (!ok) {
    throw new SandboxApiError(409, "OUT_OF_STOCK", wanted
      ? `Not enough stock in ${wanted} for every line`
      : "No single warehouse has enough stock for every line");
  }
  return ok;
}
