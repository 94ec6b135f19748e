// fulfillmentOrderMove, as the 2026-10 description (app/graphql, Mutation.fulfillmentOrderMove) and
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove state it:
// - refused when the FO is closed, or has a request status of SUBMITTED, ACCEPTED, CANCELLATION_REQUESTED or
//   CANCELLATION_REJECTED ("awaiting action by a fulfillment service"), or the destination doesn't stock the items;
// - all unfulfilled lines moved and nothing fulfilled: the original FO itself is re-assigned (moved == original);
// - a subset (fulfillmentOrderLineItems, 2023-04+): a new FO at the destination holds the moved quantities and the
//   original keeps the rest;
// - the `fulfillment_orders/moved` webhook (WebhookSubscriptionTopic.FULFILLMENT_ORDERS_MOVED) carries
//   original_fulfillment_order, moved_fulfillment_order, source_location and destination_location_id.
// Not modelled: merging into another active FO already at the destination (Shopify closes that one and recreates
// its lines in a new FO); the emulator always makes a new FO for a subset.
import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";
import { fulfillmentOrderPayload } from "../webhooks/rest-payloads";
import { assignedLocationOf, createFulfillmentOrder } from "./fulfillment-orders";

const LOCKED_REQUEST_STATUSES = ["SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"];
const CLOSED_STATUSES = ["CLOSED", "CANCELLED", "INCOMPLETE"];

const refuse = (fo: Rec | null, message: string, field = ["id"]): Rec =>
  ({ movedFulfillmentOrder: null, originalFulfillmentOrder: fo, remainingFulfillmentOrder: null, userErrors: [userError(field, message)] });

/** Committed stock follows the lines: released at the source location, committed at the destination. */
function moveCommitted(foli: Rec, from: Rec, to: Rec, quantity: number): void {
  const item = foli.lineItem.variant.inventoryItem;
  if (!item.tracked) return;
  const source = item.levels.get(from.id);
  if (source) { source.q.committed -= quantity; source.q.available += quantity; }
  const target = item.levels.get(to.id);
  if (target) { target.q.available -= quantity; target.q.committed += quantity; }
}

export function fulfillmentOrderMove(core: Core, state: ShopState, args: Rec): Rec {
  const fo = state.nodes.get(args.id);
  if (!fo || fo.__typename !== "FulfillmentOrder") return refuse(null, "Fulfillment order does not exist.");
  const destination = state.nodes.get(args.newLocationId);
  if (!destination || destination.__typename !== "Location") return refuse(fo, "Location does not exist.", ["newLocationId"]);
  if (CLOSED_STATUSES.includes(fo.status)) return refuse(fo, "Fulfillment order is closed.");
  if (LOCKED_REQUEST_STATUSES.includes(fo.requestStatus)) {
    return refuse(fo, `Cannot move a fulfillment order with request status ${fo.requestStatus}: it is awaiting action by a fulfillment service.`);
  }
  const source = fo.assignedLocation.location as Rec;
  if (source.id === destination.id) return refuse(fo, "The fulfillment order is already assigned to this location.", ["newLocationId"]);

  const lines = fo.lineItems as Rec[];
  const wanted: { foli: Rec; quantity: number }[] = [];
  const asked = args.fulfillmentOrderLineItems as Rec[] | null | undefined;
  if (asked?.length) {
    for (const [i, a] of asked.entries()) {
      const foli = lines.find((l) => l.id === a.id);
      if (!foli) return refuse(fo, "Fulfillment order line item does not exist.", ["fulfillmentOrderLineItems", String(i), "id"]);
      if (a.quantity < 1 || a.quantity > foli.remainingQuantity) return refuse(fo, "Invalid quantity.", ["fulfillmentOrderLineItems", String(i), "quantity"]);
      wanted.push({ foli, quantity: a.quantity });
    }
  } else {
    for (const foli of lines) if (foli.remainingQuantity > 0) wanted.push({ foli, quantity: foli.remainingQuantity });
  }
  if (wanted.length === 0) return refuse(fo, "The fulfillment order has no unfulfilled line items to move.");
  const unstocked = wanted.find(({ foli }) => !foli.lineItem.variant.inventoryItem.levels.has(destination.id));
  if (unstocked) return refuse(fo, `${destination.name} doesn't stock ${unstocked.foli.sku ?? unstocked.foli.productTitle}.`, ["newLocationId"]);

  const now = isoAt(core.clock);
  const fulfilledSome = lines.some((l) => l.totalQuantity > l.remainingQuantity);
  const whole = !fulfilledSome && lines.every((l) => l.remainingQuantity === 0 || wanted.some((w) => w.foli === l && w.quantity === l.remainingQuantity));
  let moved: Rec;
  for (const { foli, quantity } of wanted) moveCommitted(foli, source, destination, quantity);
  if (whole) {
    fo.assignedLocation = assignedLocationOf(destination);
    fo.updatedAt = now;
    moved = fo;
  } else {
    moved = createFulfillmentOrder(core, state, fo.order, destination, wanted.map((w) => w.foli.lineItem));
    (moved.lineItems as Rec[]).forEach((li, i) => { li.totalQuantity = wanted[i]!.quantity; li.remainingQuantity = wanted[i]!.quantity; });
    for (const { foli, quantity } of wanted) { foli.totalQuantity -= quantity; foli.remainingQuantity -= quantity; }
    fo.lineItems = lines.filter((l) => l.totalQuantity > 0);
    for (const gone of lines.filter((l) => l.totalQuantity <= 0)) state.nodes.delete(gone.id);
    if ((fo.lineItems as Rec[]).length === 0) fo.status = "CLOSED";
    fo.updatedAt = now;
  }
  for (const { foli } of wanted) {
    foli.lineItem.fulfillmentServiceHandle = destination.fulfillmentService?.handle ?? "manual";
  }
  register(state, moved);
  core.emit(state, "fulfillment_orders/moved", {
    original_fulfillment_order: fulfillmentOrderPayload(fo).fulfillment_order,
    moved_fulfillment_order: { ...fulfillmentOrderPayload(moved).fulfillment_order, assigned_location_id: destination.id },
    source_location: { id: source.id },
    destination_location_id: destination.id,
  });
  return { movedFulfillmentOrder: moved, originalFulfillmentOrder: fo, remainingFulfillmentOrder: null, userErrors: [] };
}
