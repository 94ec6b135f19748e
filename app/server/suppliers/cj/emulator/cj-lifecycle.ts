// How an emulated CJ order moves on the clock: CJ's order statuses (cj-contract.json "order_status_enum", shopping.html
// 1.6/1.7 Order Status) and the LOGISTIC webhook's trackingStatus codes 0–14 ("LOGISTIC_trackingStatus_enum",
// https://developers.cjdropshipping.cn/en/api/start/webhook.html). Offsets are fixed so tests know what they will see.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type CjOrderStatus = "CREATED" | "IN_CART" | "UNPAID" | "UNSHIPPED" | "SHIPPED" | "DELIVERED" | "CANCELLED";

export interface CjOrderRecord {
  orderId: string;
  orderNumber: string;
  openId: number;
  createdAt: number;
  payType: number;
  paidAt: number | null;
  cancelledAt: number | null;
  fromCountryCode: string;
  shippingCountryCode: string;
  shippingProvince: string;
  shippingCity: string;
  shippingCustomerName: string;
  shippingAddress: string;
  shippingPhone: string;
  logisticName: string;
  products: { vid: string; quantity: number; sellPriceCents: number; lineItemId: string; storeLineItemId: string | null }[];
  productCents: number;
  postageCents: number;
  trackNumber: string;
}

export interface TrackStep { offset: number; status: number; statusDesc: string; activity: string; location: string }

/** The paid order leaves the warehouse a day later: that is when CJ gives it a tracking number (SHIPPED). */
export const SHIPS_AFTER = DAY;

const CROSS_BORDER: TrackStep[] = [
  { offset: DAY, status: 1, statusDesc: "Warehouse outbound", activity: "Parcel left the CJ warehouse", location: "Shenzhen, CN" },
  { offset: DAY + 6 * HOUR, status: 2, statusDesc: "Freight forwarder inbound", activity: "Received by the freight forwarder", location: "Shenzhen, CN" },
  { offset: 2 * DAY, status: 5, statusDesc: "First leg transportation", activity: "Departed on the first-leg flight", location: "Hong Kong, HK" },
  { offset: 4 * DAY, status: 6, statusDesc: "Arrival at destination country", activity: "Arrived in the destination country", location: "{dest}" },
  { offset: 5 * DAY, status: 7, statusDesc: "Starting customs clearance", activity: "Customs clearance started", location: "{dest}" },
  { offset: 6 * DAY, status: 8, statusDesc: "Customs clearance completed", activity: "Customs clearance completed", location: "{dest}" },
  { offset: 8 * DAY, status: 10, statusDesc: "Delivery", activity: "Out for delivery", location: "{dest}" },
  { offset: 9 * DAY, status: 12, statusDesc: "Delivered", activity: "Delivered, signed for", location: "{dest}" },
];
const DOMESTIC: TrackStep[] = [
  { offset: DAY, status: 1, statusDesc: "Warehouse outbound", activity: "Parcel left the CJ warehouse", location: "{from}" },
  { offset: 2 * DAY, status: 10, statusDesc: "Delivery", activity: "Out for delivery", location: "{dest}" },
  { offset: 3 * DAY, status: 12, statusDesc: "Delivered", activity: "Delivered", location: "{dest}" },
];

export function trackSteps(order: CjOrderRecord): TrackStep[] {
  const steps = order.fromCountryCode === order.shippingCountryCode ? DOMESTIC : CROSS_BORDER;
  return steps.map((s) => ({ ...s, location: s.location.replace("{dest}", order.shippingCountryCode).replace("{from}", order.fromCountryCode) }));
}

export function orderStatus(order: CjOrderRecord, now: number): CjOrderStatus {
  if (order.cancelledAt !== null) return "CANCELLED";
  if (order.paidAt === null) return order.payType === 3 ? "CREATED" : "UNPAID";
  const elapsed = now - order.paidAt;
  if (elapsed >= trackSteps(order).at(-1)!.offset) return "DELIVERED";
  return elapsed >= SHIPS_AFTER ? "SHIPPED" : "UNSHIPPED";
}

/** Scans that have happened by `now` (none before payment or after a cancel before shipping). */
export function stepsSoFar(order: CjOrderRecord, now: number): TrackStep[] {
  if (order.paidAt === null || order.cancelledAt !== null) return [];
  const paidAt = order.paidAt;
  return trackSteps(order).filter((s) => paidAt + s.offset <= now);
}

/** CJ's event timestamp format in the LOGISTIC example ("2024-01-18 07:59:22"); the emulator writes UTC. */
export const cjDateTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** trackInfo's free-text trackingStatus ("In transit" in the published example). */
export function trackingStatusText(order: CjOrderRecord, now: number): string {
  const last = stepsSoFar(order, now).at(-1);
  if (!last) return "No tracking information";
  return last.status === 12 ? "Delivered" : last.status === 10 ? "Out for delivery" : "In transit";
}
