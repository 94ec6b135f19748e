import { buildS10 } from "../../tracking-number";
import { mixSeed } from "../catalog/prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type SandboxOrderState = "reserved" | "accepted" | "processing" | "shipped" | "delivered" | "cancelled";

export interface SandboxOrderRecord {
  order_key: string;
  order_id: string;
  created_at: number;
  confirmed_at: number | null;
  cancelled_at: number | null;
  warehouse: string;
  lines: { vid: string; qty: number; unit_cost_fen: number }[];
  total_fen: number;
}

export type SandboxEventCode = "INFO_RECEIVED" | "IN_TRANSIT" | "CUSTOMS" | "OUT_FOR_DELIVERY" | "DELIVERED";

// Fixed offsets after confirmation, so tests can move the clock and know exactly what they will see.
export const LIFECYCLE = { processingAfter: 6 * HOUR, shippedAfter: DAY } as const;

const CHINA_ROUTE: readonly [number, SandboxEventCode, string, string][] = [
  [DAY, "INFO_RECEIVED", "Electronic information received, parcel awaiting pickup", "Guangzhou, CN"],
  [DAY + 12 * HOUR, "IN_TRANSIT", "Departed from origin sorting centre", "Guangzhou, CN"],
  [3 * DAY, "IN_TRANSIT", "Arrived at destination country", "destination"],
  [5 * DAY, "CUSTOMS", "Customs clearance in progress", "destination"],
  [6 * DAY, "CUSTOMS", "Released by customs", "destination"],
  [8 * DAY, "OUT_FOR_DELIVERY", "Out for delivery", "destination"],
  [9 * DAY, "DELIVERED", "Delivered, signed for by recipient", "destination"],
];
const LOCAL_ROUTE: readonly [number, SandboxEventCode, string, string][] = [
  [DAY, "INFO_RECEIVED", "Shipping label created", "local warehouse"],
  [DAY + 6 * HOUR, "IN_TRANSIT", "Picked up by carrier", "local warehouse"],
  [2 * DAY, "OUT_FOR_DELIVERY", "Out for delivery", "destination"],
  [3 * DAY, "DELIVERED", "Delivered", "destination"],
];

export function orderState(order: SandboxOrderRecord, now: number): SandboxOrderState {
  if (order.cancelled_at !== null) return "cancelled";
  if (order.confirmed_at === null) return "reserved";
  const elapsed = now - order.confirmed_at;
  const route = routeFor(order);
  if (elapsed >= route.at(-1)![0]) return "delivered";
  if (elapsed >= LIFECYCLE.shippedAfter) return "shipped";
  return elapsed >= LIFECYCLE.processingAfter ? "processing" : "accepted";
}

export function parcelFor(order: SandboxOrderRecord, seed: number, now: number) {
  const state = orderState(order, now);
  if (order.confirmed_at === null || state === "cancelled" || state === "reserved") return null;
  if (state === "accepted" || state === "processing") return null;
  const serial = String(mixSeed(seed, hashKey(order.order_key)) % 100_000_000).padStart(8, "0");
  const local = !order.warehouse.startsWith("CN-");
  const confirmedAt = order.confirmed_at;
  return {
    tracking_number: local ? `SBL${serial}${order.warehouse}` : buildS10("LX", serial, "CN"),
    carrier: local ? "Sandbox Local Courier" : "China Post ePacket",
    carrier_code: local ? "sandbox-local" : "china-post",
    events: routeFor(order)
      .filter(([offset]) => confirmedAt + offset <= now)
      .map(([offset, code, text, location]) => ({ time: new Date(confirmedAt + offset).toISOString(), code, text, location })),
  };
}

function routeFor(order: SandboxOrderRecord) {
  return order.warehouse.startsWith("CN-") ? CHINA_ROUTE : LOCAL_ROUTE;
}

function hashKey(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}
