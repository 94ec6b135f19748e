// The Shopify side of the fulfillment-service protocol, over the typed Admin client.
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import type { SilkrouteFulfillmentAssignedQuery } from "../../../types/admin.generated";
import {
  ACCEPT_CANCELLATION_REQUEST, ACCEPT_FULFILLMENT_REQUEST, ASSIGNED_FULFILLMENT_ORDERS, CLOSE_FULFILLMENT_ORDER, FULFILLMENT_ORDER_HOLDS, FULFILLMENT_CREATE, FULFILLMENT_EVENT_CREATE,
  FULFILLMENT_ORDER_FULFILLMENTS, FULFILLMENT_TRACKING_UPDATE, ORDER_FULFILLMENT_ORDERS, REJECT_CANCELLATION_REQUEST, REJECT_FULFILLMENT_REQUEST,
} from "./documents";
import type { FulfillmentEventStatus, FulfillmentOrderAssignmentStatus, FulfillmentOrderRejectionReason } from "../../../types/admin.types";

export type AssignedFulfillmentOrder = SilkrouteFulfillmentAssignedQuery["shop"]["assignedFulfillmentOrders"]["nodes"][number];
export type AssignmentStatus = "FULFILLMENT_REQUESTED" | "CANCELLATION_REQUESTED";
// Codegen emits TS enums; these are their string values, which is what travels over the wire.
export type RejectionReason = `${FulfillmentOrderRejectionReason}`;
export type EventStatus = `${FulfillmentEventStatus}`;

export async function* assignedFulfillmentOrders(admin: AdminClient, status: AssignmentStatus): AsyncGenerator<AssignedFulfillmentOrder> {
  let after: string | null = null;
  do {
    const data: SilkrouteFulfillmentAssignedQuery = await admin.request(ASSIGNED_FULFILLMENT_ORDERS, { status: status as FulfillmentOrderAssignmentStatus, after });
    const page = data.shop.assignedFulfillmentOrders;
    yield* page.nodes;
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
}

export async function orderFulfillmentOrders(admin: AdminClient, orderGid: string): Promise<AssignedFulfillmentOrder[]> {
  const data = await admin.request(ORDER_FULFILLMENT_ORDERS, { id: orderGid });
  return (data.order?.fulfillmentOrders.nodes ?? []) as AssignedFulfillmentOrder[];
}

// Accepting or answering twice is refused by Shopify with a userError; a replayed job treats that as done.
const alreadyAnswered = (error: unknown) => error instanceof AdminUserErrors && error.userErrors.some((e) => /Cannot (accept|reject|close)/i.test(e.message));

async function answer(run: () => Promise<unknown>): Promise<"done" | "already"> {
  try {
    await run();
    return "done";
  } catch (error) {
    if (alreadyAnswered(error)) return "already";
    throw error;
  }
}

export const acceptFulfillmentRequest = (admin: AdminClient, id: string, message: string) =>
  answer(() => admin.request(ACCEPT_FULFILLMENT_REQUEST, { id, message }));

export const rejectFulfillmentRequest = (admin: AdminClient, id: string, reason: RejectionReason, message: string) =>
  answer(() => admin.request(REJECT_FULFILLMENT_REQUEST, { id, reason: reason as FulfillmentOrderRejectionReason, message }));

export const acceptCancellationRequest = (admin: AdminClient, id: string, message: string) =>
  answer(() => admin.request(ACCEPT_CANCELLATION_REQUEST, { id, message }));

export const rejectCancellationRequest = (admin: AdminClient, id: string, message: string) =>
  answer(() => admin.request(REJECT_CANCELLATION_REQUEST, { id, message }));

/** Hands an accepted request back to the merchant: Shopify marks the FO incomplete so it can be fulfilled elsewhere. */
export const closeFulfillmentOrder = (admin: AdminClient, id: string, message: string) =>
  answer(() => admin.request(CLOSE_FULFILLMENT_ORDER, { id, message }));

/** The FO's status and holds as Shopify has them now; null when the FO no longer exists. */
export async function fulfillmentOrderHolds(admin: AdminClient, id: string) {
  const data = await admin.request(FULFILLMENT_ORDER_HOLDS, { id });
  const fo = data.fulfillmentOrder;
  return fo ? { status: fo.status as string, holds: fo.fulfillmentHolds.map((h) => ({ reason: (h.reason as string).toLowerCase(), reasonNotes: h.reasonNotes ?? null })) } : null;
}

export async function existingFulfillments(admin: AdminClient, fulfillmentOrderGid: string) {
  const data = await admin.request(FULFILLMENT_ORDER_FULFILLMENTS, { id: fulfillmentOrderGid });
  return data.fulfillmentOrder?.fulfillments.nodes ?? [];
}

export interface TrackingInput {
  company: string;
  numbers: string[];
  urls?: string[];
}

export async function createFulfillment(admin: AdminClient, input: {
  fulfillmentOrderGid: string; lines: { id: string; quantity: number }[]; tracking: TrackingInput; notifyCustomer: boolean;
}): Promise<string> {
  const data = await admin.request(FULFILLMENT_CREATE, {
    fulfillment: {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: input.fulfillmentOrderGid, fulfillmentOrderLineItems: input.lines }],
      notifyCustomer: input.notifyCustomer,
      trackingInfo: { company: input.tracking.company, numbers: input.tracking.numbers, ...(input.tracking.urls ? { urls: input.tracking.urls } : {}) },
    },
  });
  return data.fulfillmentCreate!.fulfillment!.id;
}

export async function updateTracking(admin: AdminClient, fulfillmentGid: string, tracking: TrackingInput, notify: boolean): Promise<void> {
  await admin.request(FULFILLMENT_TRACKING_UPDATE, {
    id: fulfillmentGid, notify,
    tracking: { company: tracking.company, numbers: tracking.numbers, ...(tracking.urls ? { urls: tracking.urls } : {}) },
  });
}

export async function createFulfillmentEvent(admin: AdminClient, event: {
  fulfillmentId: string; status: EventStatus; happenedAt: string; message: string;
}): Promise<void> {
  await admin.request(FULFILLMENT_EVENT_CREATE, { event: { ...event, status: event.status as FulfillmentEventStatus } });
}
