import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";
import { fulfillmentOrderPayload } from "../webhooks/rest-payloads";
import { releaseCommitted } from "./orders";

export function createFulfillmentOrder(core: Core, state: ShopState, order: Rec, location: Rec, lines: Rec[]): Rec {
  const now = isoAt(core.clock);
  const dest = order.shippingAddress;
  const fo: Rec = {
    __typename: "FulfillmentOrder",
    id: core.ids.next("FulfillmentOrder"),
    order,
    orderId: order.id,
    orderName: order.name,
    orderProcessedAt: order.processedAt,
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    createdAt: now,
    updatedAt: now,
    fulfillAt: now,
    fulfillBy: null,
    fulfillmentHolds: [],
    merchantRequests: [] as Rec[],
    fulfillmentList: [] as Rec[],
    // DeliveryMethod.serviceCode / presentedName (Admin 2026-10 schema, app/types/admin-2026-10.schema.json): the checkout
    // option the buyer picked. With a CarrierService rate that is the rate's service_code / service_name, which is also
    // the order's ShippingLine.code / title (shopify-platform.md, CarrierService rates).
    deliveryMethod: { __typename: "DeliveryMethod", id: "gid://shopify/DeliveryMethod/" + order.id.split("/").pop(), methodType: "SHIPPING",
      serviceCode: order.shippingLine?.code ?? null, presentedName: order.shippingLine?.title ?? null },
    assignedLocation: () => assignedLocationOf(location),
    destination: {
      __typename: "FulfillmentOrderDestination", id: core.ids.next("FulfillmentOrder").replace("FulfillmentOrder", "FulfillmentOrderDestination"),
      firstName: dest.firstName, lastName: dest.lastName, address1: dest.address1, address2: dest.address2, city: dest.city,
      province: dest.province, zip: dest.zip, countryCode: dest.countryCodeV2, phone: dest.phone, email: order.email, company: dest.company,
    },
    fulfillments: () => fo.fulfillmentList,
    supportedActions: () => supportedActions(fo),
    lineItems: [] as Rec[],
  };
  fo.assignedLocation = Object.assign(fo.assignedLocation(), {});
  fo.lineItems = lines.map((li) => register(state, {
    __typename: "FulfillmentOrderLineItem",
    id: core.ids.next("FulfillmentOrderLineItem"),
    lineItem: li,
    totalQuantity: li.quantity,
    remainingQuantity: li.quantity,
    sku: li.sku,
    productTitle: li.title,
    variantTitle: li.variantTitle,
    variant: li.variant,
    vendor: li.vendor,
    inventoryItemId: li.variant.inventoryItem.id,
    requiresShipping: li.requiresShipping,
    weight: li.weight,
    warnings: [],
  }));
  order.fulfillmentOrderList.push(fo);
  state.fulfillmentOrders.push(fo);
  register(state, fo);
  return fo;
}

/** FulfillmentOrderAssignedLocation: a snapshot of the location's name and address, kept as the FO was assigned. */
export function assignedLocationOf(location: Rec): Rec {
  return {
    __typename: "FulfillmentOrderAssignedLocation",
    location, name: location.name, address1: location.address.address1, address2: location.address.address2,
    city: location.address.city, province: location.address.province, zip: location.address.zip,
    countryCode: location.address.countryCode, phone: location.address.phone,
  };
}

function supportedActions(fo: Rec): Rec[] {
  const actions: string[] = [];
  if (fo.status === "OPEN" || fo.status === "IN_PROGRESS") actions.push("CREATE_FULFILLMENT");
  if (fo.status === "OPEN" && fo.assignedLocation.location.fulfillmentService && fo.requestStatus !== "SUBMITTED") actions.push("REQUEST_FULFILLMENT");
  if (fo.status === "IN_PROGRESS" && fo.requestStatus === "ACCEPTED") actions.push("REQUEST_CANCELLATION");
  if (fo.status === "OPEN") actions.push("HOLD", "MOVE");
  if (fo.status === "ON_HOLD") actions.push("RELEASE_HOLD", "HOLD");
  return actions.map((action) => ({ action, externalUrl: null }));
}

function merchantRequest(core: Core, state: ShopState, fo: Rec, kind: string, message: string | null, requestOptions: Rec): Rec {
  const req = register(state, {
    __typename: "FulfillmentOrderMerchantRequest", id: core.ids.next("FulfillmentOrder").replace("FulfillmentOrder", "FulfillmentOrderMerchantRequest"),
    fulfillmentOrder: fo, kind, message, requestOptions, responseData: null, sentAt: isoAt(core.clock),
  });
  fo.merchantRequests.push(req);
  return req;
}

export function submitFulfillmentRequest(core: Core, state: ShopState, fo: Rec, opts: { message: string | null; notifyCustomer: boolean }): Rec {
  if (fo.status !== "OPEN" || !["UNSUBMITTED", "REJECTED"].includes(fo.requestStatus)) {
    return { originalFulfillmentOrder: fo, submittedFulfillmentOrder: null, unsubmittedFulfillmentOrder: null, userErrors: [userError(["id"], "Fulfillment order cannot be submitted.")] };
  }
  fo.requestStatus = "SUBMITTED";
  fo.updatedAt = isoAt(core.clock);
  const req = merchantRequest(core, state, fo, "FULFILLMENT_REQUEST", opts.message, { notify_customer: opts.notifyCustomer });
  const foJson = fulfillmentOrderPayload(fo).fulfillment_order;
  core.emit(state, "fulfillment_orders/fulfillment_request_submitted", {
    original_fulfillment_order: foJson, submitted_fulfillment_order: foJson,
    fulfillment_order_merchant_request: { id: req.id, message: req.message, request_options: req.requestOptions, kind: "fulfillment_request" },
  });
  core.notifyFulfillmentService(state, fo.assignedLocation.location, "FULFILLMENT_REQUEST");
  return { originalFulfillmentOrder: fo, submittedFulfillmentOrder: fo, unsubmittedFulfillmentOrder: null, userErrors: [] };
}

export function requestCancellation(core: Core, state: ShopState, fo: Rec, message: string | null): void {
  fo.requestStatus = "CANCELLATION_REQUESTED";
  fo.updatedAt = isoAt(core.clock);
  const req = merchantRequest(core, state, fo, "CANCELLATION_REQUEST", message, {});
  core.emit(state, "fulfillment_orders/cancellation_request_submitted", {
    fulfillment_order: fulfillmentOrderPayload(fo).fulfillment_order,
    fulfillment_order_merchant_request: { id: req.id, message, kind: "cancellation_request" },
  });
  core.notifyFulfillmentService(state, fo.assignedLocation.location, "CANCELLATION_REQUEST");
}

type Transition = { from: { status?: string[]; requestStatus: string[] }; to: { status?: string; requestStatus: string }; topic: string; verb: string };

const TRANSITIONS: Record<string, Transition> = {
  acceptFulfillment: { from: { status: ["OPEN"], requestStatus: ["SUBMITTED"] }, to: { status: "IN_PROGRESS", requestStatus: "ACCEPTED" }, topic: "fulfillment_orders/fulfillment_request_accepted", verb: "accept the fulfillment request" },
  rejectFulfillment: { from: { requestStatus: ["SUBMITTED"] }, to: { status: "OPEN", requestStatus: "REJECTED" }, topic: "fulfillment_orders/fulfillment_request_rejected", verb: "reject the fulfillment request" },
  acceptCancellation: { from: { requestStatus: ["CANCELLATION_REQUESTED"] }, to: { status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" }, topic: "fulfillment_orders/cancellation_request_accepted", verb: "accept the cancellation request" },
  rejectCancellation: { from: { requestStatus: ["CANCELLATION_REQUESTED"] }, to: { status: "IN_PROGRESS", requestStatus: "CANCELLATION_REJECTED" }, topic: "fulfillment_orders/cancellation_request_rejected", verb: "reject the cancellation request" },
  close: { from: { status: ["IN_PROGRESS", "OPEN"], requestStatus: ["ACCEPTED", "SUBMITTED", "CANCELLATION_REJECTED"] }, to: { status: "INCOMPLETE", requestStatus: "CLOSED" }, topic: "fulfillment_orders/fulfillment_service_failed_to_complete", verb: "close the fulfillment order" },
};

/** The fulfillment-service side of the request/response protocol; only FOs at the app's own locations qualify. */
export function transition(core: Core, state: ShopState, kind: keyof typeof TRANSITIONS, id: string, extra: Rec = {}): Rec {
  const fo = state.nodes.get(id);
  if (!fo || fo.__typename !== "FulfillmentOrder") return { fulfillmentOrder: null, userErrors: [userError(["id"], "Fulfillment order does not exist.")] };
  if (!fo.assignedLocation.location.fulfillmentService) {
    return { fulfillmentOrder: fo, userErrors: [userError(["id"], "The fulfillment order is not assigned to a location that belongs to your fulfillment service.")] };
  }
  const t = TRANSITIONS[kind]!;
  if (!t.from.requestStatus.includes(fo.requestStatus) || (t.from.status && !t.from.status.includes(fo.status))) {
    return { fulfillmentOrder: fo, userErrors: [userError(["id"], `Cannot ${t.verb} for a fulfillment order with status ${fo.status} and request status ${fo.requestStatus}.`)] };
  }
  if (t.to.status === "CANCELLED" || t.to.status === "INCOMPLETE") releaseCommitted(fo);
  if (t.to.status) fo.status = t.to.status;
  fo.requestStatus = t.to.requestStatus;
  fo.updatedAt = isoAt(core.clock);
  if (extra.reason) fo.rejectionReason = extra.reason;
  core.emit(state, t.topic, { fulfillment_order: fulfillmentOrderPayload(fo).fulfillment_order, message: extra.message ?? null, ...(extra.reason ? { reason: extra.reason } : {}) });
  if (kind === "acceptCancellation") core.emit(state, "fulfillment_orders/cancelled", { fulfillment_order: fulfillmentOrderPayload(fo).fulfillment_order, replacement_fulfillment_order: null });
  return { fulfillmentOrder: fo, userErrors: [] };
}

// Shopify allows up to 10 active holds per app and fulfillment order.
const MAX_HOLDS = 10;

/**
 * fulfillmentOrderHold: an OPEN (or already held) FO gets a hold and turns ON_HOLD. Like Shopify, the webhook
 * fires only for the first hold, when the status changes. Holding some line items (which splits the FO) is not
 * modelled: the emulator refuses it rather than hold the whole FO.
 */
export function holdFulfillmentOrder(core: Core, state: ShopState, id: string, input: Rec, heldByApp: Rec | null): Rec {
  const fo = state.nodes.get(id);
  const refuse = (message: string, code?: string, field = ["id"]) => ({ fulfillmentHold: null, fulfillmentOrder: fo ?? null, remainingFulfillmentOrder: null, userErrors: [userError(field, message, code)] });
  if (!fo || fo.__typename !== "FulfillmentOrder") return { ...refuse("Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND"), fulfillmentOrder: null };
  if (fo.status !== "OPEN" && fo.status !== "ON_HOLD") return refuse(`Cannot hold a fulfillment order with status ${fo.status}.`);
  if (input.fulfillmentOrderLineItems?.length) return refuse("The emulator holds whole fulfillment orders only.", "FULFILLMENT_ORDER_NOT_SPLITTABLE", ["fulfillmentHold", "fulfillmentOrderLineItems"]);
  const handle = input.handle ?? "";
  const holds = fo.fulfillmentHolds as Rec[];
  if (holds.some((h) => h.handle === handle)) return refuse("A hold with this handle already exists on the fulfillment order.", "DUPLICATE_FULFILLMENT_HOLD_HANDLE", ["fulfillmentHold", "handle"]);
  // The limit counts this app's holds only; the message is the 2026-10 FulfillmentOrderHoldUserErrorCode description.
  const mine = holds.filter((h) => (h.heldByApp?.id ?? null) === (heldByApp?.id ?? null));
  if (mine.length >= MAX_HOLDS) return refuse("The maximum number of fulfillment holds for this fulfillment order has been reached for this app. An app can only have up to 10 holds on a single fulfillment order at any one time.", "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
  const reason = String(input.reason);
  const hold = register(state, {
    __typename: "FulfillmentHold", id: core.ids.next("FulfillmentOrder").replace("FulfillmentOrder", "FulfillmentHold"),
    reason, reasonNotes: input.reasonNotes ?? null, handle, heldByApp, heldByRequestingApp: !!heldByApp,
    displayReason: reason.charAt(0) + reason.slice(1).toLowerCase().replaceAll("_", " "),
  });
  holds.push(hold);
  fo.updatedAt = isoAt(core.clock);
  if (fo.status === "OPEN") {
    fo.status = "ON_HOLD";
    const held = fulfillmentOrderPayload(fo).fulfillment_order;
    core.emit(state, "fulfillment_orders/placed_on_hold", {
      fulfillment_order: { ...held, fulfillment_holds: holds.map(holdPayload) },
      remaining_fulfillment_order: null,
      held_fulfillment_order_line_items: (fo.lineItems as Rec[]).map((li) => ({ id: li.id, quantity: li.remainingQuantity })),
      created_fulfillment_hold: holdPayload(hold),
    });
  }
  return { fulfillmentHold: hold, fulfillmentOrder: fo, remainingFulfillmentOrder: null, userErrors: [] };
}

/** fulfillmentOrderReleaseHold: the given holds (all when none are named) go; with none left the FO is OPEN again. */
export function releaseFulfillmentOrderHold(core: Core, state: ShopState, id: string, holdIds: string[] | null | undefined): Rec {
  const fo = state.nodes.get(id);
  if (!fo || fo.__typename !== "FulfillmentOrder") return { fulfillmentOrder: null, userErrors: [userError(["id"], "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND")] };
  if (fo.status !== "ON_HOLD") return { fulfillmentOrder: fo, userErrors: [userError(["id"], `The fulfillment order is not on hold (status ${fo.status}).`)] };
  // Ids of other FOs' holds are ignored, as Shopify documents.
  const release = (h: Rec) => !holdIds?.length || holdIds.includes(h.id);
  for (const h of (fo.fulfillmentHolds as Rec[]).filter(release)) state.nodes.delete(h.id);
  fo.fulfillmentHolds = (fo.fulfillmentHolds as Rec[]).filter((h) => !release(h));
  fo.updatedAt = isoAt(core.clock);
  if (fo.fulfillmentHolds.length === 0) {
    fo.status = "OPEN";
    core.emit(state, "fulfillment_orders/hold_released", { fulfillment_order: { id: fo.id, status: "open" } });
    // The merchant's OMS sends a released FO at a fulfillment service's location on as a fulfillment request.
    if (fo.requestStatus === "UNSUBMITTED" && fo.assignedLocation.location.fulfillmentService) submitFulfillmentRequest(core, state, fo, { message: null, notifyCustomer: false });
  }
  return { fulfillmentOrder: fo, userErrors: [] };
}

const holdPayload = (h: Rec): Rec => ({
  id: h.id, reason: String(h.reason).toLowerCase(), reason_notes: h.reasonNotes, handle: h.handle,
  held_by_requesting_app: h.heldByRequestingApp, held_by_app: h.heldByApp ? { id: h.heldByApp.id } : null,
});

const ASSIGNMENT: Record<string, string[]> = {
  FULFILLMENT_REQUESTED: ["SUBMITTED"],
  FULFILLMENT_ACCEPTED: ["ACCEPTED", "CANCELLATION_REJECTED"],
  CANCELLATION_REQUESTED: ["CANCELLATION_REQUESTED"],
  FULFILLMENT_UNSUBMITTED: ["UNSUBMITTED"],
};

export function assignedFulfillmentOrders(state: ShopState, args: Rec): Rec[] {
  return state.fulfillmentOrders.filter((fo) => {
    const location = fo.assignedLocation.location;
    if (!location.fulfillmentService) return false;
    if (args.locationIds?.length && !args.locationIds.includes(location.id)) return false;
    if (fo.status === "CLOSED" || fo.status === "CANCELLED" || fo.status === "INCOMPLETE") return false;
    return !args.assignmentStatus || ASSIGNMENT[args.assignmentStatus]!.includes(fo.requestStatus);
  });
}
