import type { Core } from "../context";
import { mailingAddress, register, type Rec, type ShopAddressInput, type ShopState } from "../state";
import { isoAt } from "../clock";
import { parseDecimal, toDecimalString, money } from "../../server/money";
import { gramsOf, orderPayload } from "../webhooks/rest-payloads";
import { locationForVariant } from "./locations";
import { quantityOf } from "./inventory";
import { createFulfillmentOrder, holdFulfillmentOrder, requestCancellation, submitFulfillmentRequest } from "./fulfillment-orders";

export interface PlaceOrderInput {
  lines: { variantId: string; quantity: number; price?: string }[];
  shippingAddress: ShopAddressInput & { firstName?: string; lastName?: string };
  email?: string;
  shippingLine?: { title: string; code?: string; price: string; source?: string };
  note?: string;
  tags?: string[];
  test?: boolean;
  /** The order arrives held (payment pending, a fraud check): its fulfillment-service FOs are held, not requested. */
  hold?: { reason: string; reasonNotes?: string };
}

export function moneyBag(amount: string, currencyCode: string): Rec {
  const m = { amount, currencyCode };
  return { shopMoney: m, presentmentMoney: m };
}

/** An order as checkout would create it; fulfillment orders are routed to the location stocking each line. */
export function placeOrder(core: Core, state: ShopState, input: PlaceOrderInput): Rec {
  const currency = state.shop.currencyCode as string;
  const now = isoAt(core.clock);
  const number = state.nextOrderNumber++;
  const order: Rec = {
    __typename: "Order",
    id: core.ids.next("Order"),
    name: `#${number}`,
    number: number - 1000,
    email: input.email ?? "buyer@example.com",
    phone: null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    test: input.test ?? false,
    createdAt: now, processedAt: now, updatedAt: now,
    cancelledAt: null, cancelReason: null, closed: false, closedAt: null, confirmed: true,
    currencyCode: currency, presentmentCurrencyCode: currency,
    displayFinancialStatus: input.hold?.reason === "AWAITING_PAYMENT" ? "PENDING" : "PAID",
    shippingAddress: mailingAddress(core.ids, input.shippingAddress),
    billingAddress: mailingAddress(core.ids, input.shippingAddress),
    lineItems: [] as Rec[],
    fulfillmentOrderList: [] as Rec[],
    fulfillmentList: [] as Rec[],
    metafields: [] as Rec[],
    requiresShipping: true,
    fulfillable: () => order.lineItems.some((li: Rec) => li.unfulfilledQuantity() > 0),
    fulfillmentOrders: () => order.fulfillmentOrderList,
    fulfillments: (args: Rec) => order.fulfillmentList.slice(0, args.first ?? undefined),
    displayFulfillmentStatus: () => displayFulfillmentStatus(order),
    fulfillmentStatusRest: () => ({ FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial" } as Record<string, string>)[displayFulfillmentStatus(order)] ?? null,
  };
  register(state, order);
  let subtotal = 0;
  let weight = 0;
  for (const line of input.lines) {
    const variant = state.nodes.get(line.variantId);
    if (!variant || variant.__typename !== "ProductVariant") throw new Error(`Unknown variant ${line.variantId}`);
    const li = lineItem(core, state, order, variant, line.quantity, line.price ?? variant.price);
    subtotal += parseDecimal(li.originalUnitPriceSet.shopMoney.amount, currency).amount * line.quantity;
    weight += li.grams * line.quantity;
    order.lineItems.push(li);
  }
  const shipping = input.shippingLine ? parseDecimal(input.shippingLine.price, currency).amount : 0;
  const dec = (n: number) => toDecimalString(money(n, currency));
  order.subtotalPriceSet = moneyBag(dec(subtotal), currency);
  order.currentSubtotalPriceSet = order.subtotalPriceSet;
  order.totalShippingPriceSet = moneyBag(dec(shipping), currency);
  order.totalPriceSet = moneyBag(dec(subtotal + shipping), currency);
  order.currentTotalPriceSet = order.totalPriceSet;
  order.totalTaxSet = moneyBag("0.00", currency);
  order.totalWeight = String(weight);
  order.shippingLine = input.shippingLine
    ? { __typename: "ShippingLine", title: input.shippingLine.title, code: input.shippingLine.code ?? input.shippingLine.title, source: input.shippingLine.source ?? "shopify", originalPriceSet: moneyBag(input.shippingLine.price, currency) }
    : null;
  state.orders.push(order);
  core.emit(state, "orders/create", orderPayload(order));
  routeToLocations(core, state, order, input.hold ?? null);
  return order;
}

function lineItem(core: Core, state: ShopState, order: Rec, variant: Rec, quantity: number, price: string): Rec {
  const currency = state.shop.currencyCode as string;
  const unit = toDecimalString(parseDecimal(price, currency));
  const total = toDecimalString(money(parseDecimal(price, currency).amount * quantity, currency));
  const li: Rec = {
    __typename: "LineItem",
    id: core.ids.next("LineItem"),
    order,
    name: variant.title === "Default Title" ? variant.product.title : `${variant.product.title} - ${variant.title}`,
    title: variant.product.title,
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    sku: variant.inventoryItem.sku,
    vendor: variant.product.vendor,
    quantity,
    currentQuantity: quantity,
    fulfilledQuantity: 0,
    variant,
    product: variant.product,
    requiresShipping: variant.inventoryItem.requiresShipping,
    taxable: variant.taxable,
    isGiftCard: false,
    grams: gramsOf(variant.inventoryItem.measurement.weight),
    weight: variant.inventoryItem.measurement.weight,
    originalUnitPriceSet: moneyBag(unit, currency),
    discountedUnitPriceSet: moneyBag(unit, currency),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(unit, currency),
    originalTotalSet: moneyBag(total, currency),
    discountedTotalSet: moneyBag(total, currency),
    fulfillmentServiceHandle: "manual",
    unfulfilledQuantity: () => li.currentQuantity - li.fulfilledQuantity,
    refundableQuantity: () => li.currentQuantity,
  };
  return register(state, li);
}

function routeToLocations(core: Core, state: ShopState, order: Rec, hold: PlaceOrderInput["hold"] | null): void {
  const groups = new Map<Rec, Rec[]>();
  for (const li of order.lineItems as Rec[]) {
    const location = locationForVariant(state, li.variant, li.quantity);
    const level = li.variant.inventoryItem.levels.get(location.id);
    if (level && li.variant.inventoryItem.tracked) {
      level.q.available -= li.quantity;
      level.q.committed += li.quantity;
    }
    if (location.fulfillmentService) li.fulfillmentServiceHandle = location.fulfillmentService.handle;
    groups.set(location, [...(groups.get(location) ?? []), li]);
  }
  for (const [location, lines] of groups) {
    const fo = createFulfillmentOrder(core, state, order, location, lines);
    // A merchant (or their OMS) submits FOs at a fulfillment service's location as fulfillment requests, once
    // nothing holds them (releaseFulfillmentOrderHold submits a held one when its last hold goes).
    if (hold) holdFulfillmentOrder(core, state, fo.id, hold, null);
    else if (location.fulfillmentService) submitFulfillmentRequest(core, state, fo, { message: null, notifyCustomer: false });
  }
  // WebhookSubscriptionTopic.FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE (2026-10): "Occurs when an order has finished
  // being routed and it's fulfillment orders assigned"; one per fulfillment order, merchant-managed ones included.
  for (const fo of order.fulfillmentOrderList as Rec[]) {
    core.emit(state, "fulfillment_orders/order_routing_complete", { fulfillment_order: { id: fo.id, status: String(fo.status).toLowerCase() } });
  }
}

export function displayFulfillmentStatus(order: Rec): string {
  const lines = order.lineItems as Rec[];
  const fulfilled = lines.reduce((s, li) => s + li.fulfilledQuantity, 0);
  const total = lines.reduce((s, li) => s + li.currentQuantity, 0);
  if (total > 0 && fulfilled >= total) return "FULFILLED";
  if (fulfilled > 0) return "PARTIALLY_FULFILLED";
  if ((order.fulfillmentOrderList as Rec[]).some((fo) => fo.status === "IN_PROGRESS")) return "IN_PROGRESS";
  return "UNFULFILLED";
}

/** Cancelling asks in-progress fulfillment-service FOs for cancellation; untouched FOs are cancelled outright. */
export function cancelOrder(core: Core, state: ShopState, orderId: string, reason = "CUSTOMER"): Rec {
  const order = state.nodes.get(orderId);
  if (!order || order.__typename !== "Order") throw new Error(`Unknown order ${orderId}`);
  const now = isoAt(core.clock);
  for (const fo of order.fulfillmentOrderList as Rec[]) {
    if (fo.status === "IN_PROGRESS" && fo.requestStatus === "ACCEPTED") requestCancellation(core, state, fo, null);
    else if (fo.status === "OPEN" || fo.status === "SCHEDULED" || fo.status === "ON_HOLD") {
      fo.status = "CANCELLED";
      if (fo.requestStatus === "SUBMITTED") fo.requestStatus = "CANCELLATION_ACCEPTED";
      fo.updatedAt = now;
      releaseCommitted(fo);
      core.emit(state, "fulfillment_orders/cancelled", { fulfillment_order: { id: fo.id, status: "cancelled" }, replacement_fulfillment_order: null });
    }
  }
  order.cancelledAt = now;
  order.cancelReason = reason;
  order.closed = true;
  order.closedAt = now;
  order.updatedAt = now;
  core.emit(state, "orders/cancelled", orderPayload(order));
  return order;
}

export function releaseCommitted(fo: Rec): void {
  for (const foli of fo.lineItems as Rec[]) {
    const level = foli.lineItem.variant.inventoryItem.levels.get(fo.assignedLocation.location.id);
    if (!level || foli.remainingQuantity <= 0) continue;
    level.q.committed -= foli.remainingQuantity;
    level.q.available += foli.remainingQuantity;
    void quantityOf;
  }
}
