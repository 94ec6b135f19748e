import type { RootResolvers } from "../context";
import type { Rec } from "../state";
import { matchesQuery } from "../search-query";
import { holdFulfillmentOrder, releaseFulfillmentOrderHold, submitFulfillmentRequest, transition } from "../domains/fulfillment-orders";
import { fulfillmentCreate, fulfillmentEventCreate, fulfillmentTrackingInfoUpdate } from "../domains/fulfillments";
import { fulfillmentOrderMove } from "../domains/fulfillment-order-move";
import { carrierServiceCreate, carrierServiceDelete, carrierServiceUpdate, fulfillmentServiceCreate, fulfillmentServiceUpdate } from "../domains/services";

const byType = (rec: Rec | undefined, typename: string) => (rec && rec.__typename === typename ? rec : null);

export const fulfillmentQueries: RootResolvers = {
  order: (a, { shop }) => byType(shop.nodes.get(a.id), "Order"),
  orders: (a, { shop }) => shop.orders.filter((o) => matchesQuery(a.query, (k) => {
    if (k === "name") return [o.name, o.name.replace("#", "")];
    if (k === "status") return [o.cancelledAt ? "cancelled" : o.closed ? "closed" : "open"];
    if (k === "fulfillment_status") return [o.displayFulfillmentStatus().toLowerCase()];
    if (k === "id") return [o.id.split("/").pop()];
    if (k === "created_at" || k === "updated_at") return [k === "created_at" ? o.createdAt : o.updatedAt];
    return undefined;
  }, `${o.name} ${o.email}`)),
  fulfillmentOrder: (a, { shop }) => byType(shop.nodes.get(a.id), "FulfillmentOrder"),
  fulfillmentOrders: (a, { shop }) => shop.fulfillmentOrders.filter((fo) => a.includeClosed || !["CLOSED", "CANCELLED", "INCOMPLETE"].includes(fo.status)),
  fulfillment: (a, { shop }) => byType(shop.nodes.get(a.id), "Fulfillment"),
  fulfillmentService: (a, { shop }) => shop.fulfillmentServices.find((s) => s.id === a.id || s.id.replace(/\?.*$/, "") === a.id.replace(/\?.*$/, "")) ?? null,
  carrierService: (a, { shop }) => shop.carrierServices.find((c) => c.id === a.id) ?? null,
  carrierServices: (a, { shop }) => shop.carrierServices.filter((c) => matchesQuery(a.query, (k) => (k === "active" ? [String(c.active)] : k === "id" ? [c.id.split("/").pop()] : undefined), c.name)),
};

export const fulfillmentMutations: RootResolvers = {
  fulfillmentServiceCreate: (a, { core, shop }) => fulfillmentServiceCreate(core, shop, a),
  fulfillmentServiceUpdate: (a, { shop }) => fulfillmentServiceUpdate(shop, a),
  carrierServiceCreate: (a, { core, shop }) => carrierServiceCreate(core, shop, a.input),
  carrierServiceUpdate: (a, { shop }) => carrierServiceUpdate(shop, a.input),
  carrierServiceDelete: (a, { shop }) => carrierServiceDelete(shop, a.id),
  fulfillmentOrderSubmitFulfillmentRequest: (a, { core, shop }) => {
    const fo = byType(shop.nodes.get(a.id), "FulfillmentOrder");
    if (!fo) return { originalFulfillmentOrder: null, submittedFulfillmentOrder: null, unsubmittedFulfillmentOrder: null, userErrors: [{ field: ["id"], message: "Fulfillment order does not exist." }] };
    return submitFulfillmentRequest(core, shop, fo, { message: a.message ?? null, notifyCustomer: a.notifyCustomer ?? false });
  },
  fulfillmentOrderAcceptFulfillmentRequest: (a, { core, shop }) => transition(core, shop, "acceptFulfillment", a.id, { message: a.message }),
  fulfillmentOrderRejectFulfillmentRequest: (a, { core, shop }) => transition(core, shop, "rejectFulfillment", a.id, { message: a.message, reason: a.reason }),
  fulfillmentOrderAcceptCancellationRequest: (a, { core, shop }) => transition(core, shop, "acceptCancellation", a.id, { message: a.message }),
  fulfillmentOrderRejectCancellationRequest: (a, { core, shop }) => transition(core, shop, "rejectCancellation", a.id, { message: a.message }),
  fulfillmentOrderMove: (a, { core, shop }) => fulfillmentOrderMove(core, shop, a),
  fulfillmentOrderClose: (a, { core, shop }) => transition(core, shop, "close", a.id, { message: a.message }),
  fulfillmentOrderHold: (a, { core, shop }) => holdFulfillmentOrder(core, shop, a.id, a.fulfillmentHold, { __typename: "App", id: `gid://shopify/App/${core.appId}` }),
  fulfillmentOrderReleaseHold: (a, { core, shop }) => releaseFulfillmentOrderHold(core, shop, a.id, a.holdIds),
  fulfillmentCreate: (a, { core, shop }) => fulfillmentCreate(core, shop, a.fulfillment, a.message ?? null),
  fulfillmentTrackingInfoUpdate: (a, { core, shop }) => fulfillmentTrackingInfoUpdate(core, shop, a),
  fulfillmentEventCreate: (a, { core, shop }) => fulfillmentEventCreate(core, shop, a.fulfillmentEvent),
};
