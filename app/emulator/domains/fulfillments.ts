import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";
import { fulfillmentPayload, num } from "../webhooks/rest-payloads";

/** Carriers Shopify knows build tracking URLs by themselves; the emulator knows a few the app uses. */
const KNOWN_CARRIER_URLS: Record<string, (n: string) => string> = {
  "China Post": (n) => `https://track.chinapost.com.cn/?trackNumber=${n}`,
  "4PX": (n) => `https://track.4px.com/#/result/0/${n}`,
  "YunExpress": (n) => `https://www.yuntrack.com/track/detail?id=${n}`,
  "DHL Express": (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  "UPS": (n) => `https://www.ups.com/track?tracknum=${n}`,
  "FedEx": (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  "USPS": (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  "Cainiao": (n) => `https://global.cainiao.com/detail.htm?mailNoList=${n}`,
};

export function trackingFromInput(input: Rec | null | undefined): Rec[] {
  if (!input) return [];
  const numbers: string[] = input.numbers ?? (input.number ? [input.number] : []);
  const urls: string[] = input.urls ?? (input.url ? [input.url] : []);
  if (numbers.length === 0 && input.company) return [{ company: input.company, number: null, url: urls[0] ?? null }];
  return numbers.map((number, i) => ({
    company: input.company ?? null,
    number,
    url: urls[i] ?? (input.company && KNOWN_CARRIER_URLS[input.company] ? KNOWN_CARRIER_URLS[input.company]!(number) : null),
  }));
}

export function fulfillmentCreate(core: Core, state: ShopState, input: Rec, message: string | null): Rec {
  const groups = input.lineItemsByFulfillmentOrder as Rec[];
  const picked: { fo: Rec; foli: Rec; quantity: number }[] = [];
  for (const [i, group] of groups.entries()) {
    const fo = state.nodes.get(group.fulfillmentOrderId);
    if (!fo || fo.__typename !== "FulfillmentOrder") return err(["fulfillment", "lineItemsByFulfillmentOrder", String(i), "fulfillmentOrderId"], "Fulfillment order does not exist.");
    if (!["OPEN", "IN_PROGRESS"].includes(fo.status)) return err(["fulfillment"], `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
    const wanted = (group.fulfillmentOrderLineItems as Rec[] | undefined) ?? fo.lineItems.map((l: Rec) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const w of wanted) {
      const foli = fo.lineItems.find((l: Rec) => l.id === w.id);
      if (!foli) return err(["fulfillment"], `Fulfillment order line item ${w.id} does not exist.`);
      if (w.quantity > foli.remainingQuantity) return err(["fulfillment"], `Invalid fulfillment order line item quantity requested.`);
      if (w.quantity > 0) picked.push({ fo, foli, quantity: w.quantity });
    }
  }
  if (picked.length === 0) return err(["fulfillment"], "Line items can't be blank.");
  const first = picked[0]!.fo;
  const order = first.order;
  const now = isoAt(core.clock);
  const fulfillment: Rec = {
    __typename: "Fulfillment",
    id: core.ids.next("Fulfillment"),
    name: `${order.name}.${order.fulfillmentList.length + 1}`,
    order,
    status: "SUCCESS",
    displayStatus: "FULFILLED",
    createdAt: now, updatedAt: now,
    deliveredAt: null, inTransitAt: null, estimatedDeliveryAt: null,
    location: first.assignedLocation.location,
    service: first.assignedLocation.location.fulfillmentService,
    requiresShipping: true,
    notifyCustomer: input.notifyCustomer ?? false,
    message,
    originAddress: input.originAddress ?? null,
    tracking: trackingFromInput(input.trackingInfo),
    trackingInfo: (args: Rec) => fulfillment.tracking.slice(0, args.first ?? undefined),
    eventList: [] as Rec[],
    events: () => fulfillment.eventList,
    fulfillmentLineItems: picked.map(({ foli, quantity }) => ({ __typename: "FulfillmentLineItem", id: core.ids.next("LineItem").replace("LineItem", "FulfillmentLineItem"), lineItem: foli.lineItem, quantity, originalTotalSet: foli.lineItem.originalTotalSet, discountedTotalSet: foli.lineItem.discountedTotalSet })),
    fulfillmentOrders: () => [...new Set(picked.map((p) => p.fo))],
    totalQuantity: picked.reduce((s, p) => s + p.quantity, 0),
  };
  for (const { fo, foli, quantity } of picked) {
    foli.remainingQuantity -= quantity;
    foli.lineItem.fulfilledQuantity += quantity;
    const level = foli.lineItem.variant.inventoryItem.levels.get(fo.assignedLocation.location.id);
    if (level) level.q.committed = Math.max(0, level.q.committed - quantity);
    if (!fo.fulfillmentList.includes(fulfillment)) fo.fulfillmentList.push(fulfillment);
    fo.status = fo.lineItems.every((l: Rec) => l.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
    if (fo.status === "CLOSED" && fo.requestStatus === "ACCEPTED") fo.requestStatus = "CLOSED";
    fo.updatedAt = now;
  }
  order.fulfillmentList.push(fulfillment);
  order.updatedAt = now;
  state.fulfillments.push(fulfillment);
  register(state, fulfillment);
  core.emit(state, "fulfillments/create", fulfillmentPayload(fulfillment));
  return { fulfillment, userErrors: [] };
}

function err(field: string[], message: string): Rec {
  return { fulfillment: null, userErrors: [userError(field, message)] };
}

export function fulfillmentTrackingInfoUpdate(core: Core, state: ShopState, args: Rec): Rec {
  const fulfillment = state.nodes.get(args.fulfillmentId);
  if (!fulfillment || fulfillment.__typename !== "Fulfillment") return { fulfillment: null, userErrors: [userError(["fulfillmentId"], "Fulfillment does not exist.")] };
  if (fulfillment.status === "CANCELLED") return { fulfillment, userErrors: [userError(["fulfillmentId"], "Cannot update tracking for a cancelled fulfillment.")] };
  fulfillment.tracking = trackingFromInput(args.trackingInfoInput);
  if (args.notifyCustomer != null) fulfillment.notifyCustomer = args.notifyCustomer;
  fulfillment.updatedAt = isoAt(core.clock);
  core.emit(state, "fulfillments/update", fulfillmentPayload(fulfillment));
  return { fulfillment, userErrors: [] };
}

export function fulfillmentEventCreate(core: Core, state: ShopState, input: Rec): Rec {
  const fulfillment = state.nodes.get(input.fulfillmentId);
  if (!fulfillment || fulfillment.__typename !== "Fulfillment") return { fulfillmentEvent: null, userErrors: [userError(["fulfillmentEvent", "fulfillmentId"], "Fulfillment does not exist.")] };
  const now = isoAt(core.clock);
  const event = register(state, {
    __typename: "FulfillmentEvent",
    id: core.ids.next("FulfillmentEvent"),
    status: input.status,
    message: input.message ?? null,
    happenedAt: input.happenedAt ?? now,
    createdAt: now,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
    address1: input.address1 ?? null, city: input.city ?? null, province: input.province ?? null, zip: input.zip ?? null,
    country: input.country ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null,
  });
  fulfillment.eventList.push(event);
  fulfillment.displayStatus = input.status;
  if (input.status === "DELIVERED") fulfillment.deliveredAt = event.happenedAt;
  if (input.status === "IN_TRANSIT" && !fulfillment.inTransitAt) fulfillment.inTransitAt = event.happenedAt;
  if (input.estimatedDeliveryAt) fulfillment.estimatedDeliveryAt = input.estimatedDeliveryAt;
  fulfillment.updatedAt = now;
  core.emit(state, "fulfillment_events/create", {
    id: num(event.id), admin_graphql_api_id: event.id, fulfillment_id: num(fulfillment.id), order_id: num(fulfillment.order.id),
    status: String(input.status).toLowerCase(), message: event.message, happened_at: event.happenedAt, city: event.city,
    province: event.province, country: event.country, zip: event.zip, address1: event.address1,
    latitude: event.latitude, longitude: event.longitude, estimated_delivery_at: event.estimatedDeliveryAt, created_at: now, updated_at: now,
  });
  return { fulfillmentEvent: event, userErrors: [] };
}
