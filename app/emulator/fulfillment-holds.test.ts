import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, recordingFetch, TEST_API_SECRET } from "./test-builders";
import { sign } from "./webhooks/delivery";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

// Both documents go through the emulator's validation against the vendored Admin 2026-10 schema.
const HOLD = `#graphql
mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { id reason reasonNotes displayReason handle heldByRequestingApp }
    fulfillmentOrder { id status fulfillmentHolds { id reason } supportedActions { action } }
    remainingFulfillmentOrder { id }
    userErrors { field message code }
  }
}`;

const RELEASE = `#graphql
mutation Release($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
    fulfillmentOrder { id status fulfillmentHolds { id } }
    userErrors { field message code }
  }
}`;

async function shopWithOpenOrder() {
  const outbound = recordingFetch();
  const { emulator } = buildEmulator({ fetch: outbound.fetch });
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  emulator.controls.subscribeAppWebhooks(["fulfillment_orders/placed_on_hold", "fulfillment_orders/hold_released"], "/webhooks/fulfillment_orders");
  const gql = async (q: string, v?: Record<string, unknown>) => (await emulator.graphql(shop, q, v)) as Any;
  const product = (await gql(PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })).data.productSet.product;
  const order = emulator.controls.placeOrder(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 1 }], shippingAddress: { firstName: "Ada", countryCode: "DE", city: "Berlin", zip: "10115", address1: "Unter den Linden 1" } });
  const foId = order.fulfillmentOrders[0].id as string;
  return { emulator, shop, gql, outbound, foId };
}

describe("fulfillment holds in the emulator", () => {
  it("holds an open fulfillment order and delivers placed_on_hold, signed, with the hold that was created", async () => {
    const { emulator, shop, gql, outbound, foId } = await shopWithOpenOrder();
    const res = await gql(HOLD, { id: foId, hold: { reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer not received" } });
    expect(res.errors).toBeUndefined();
    const { fulfillmentHold, fulfillmentOrder, userErrors } = res.data.fulfillmentOrderHold;
    expect(userErrors).toEqual([]);
    expect(fulfillmentHold).toMatchObject({ reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer not received", displayReason: "Awaiting payment", handle: "", heldByRequestingApp: true });
    expect(fulfillmentOrder).toMatchObject({ id: foId, status: "ON_HOLD", fulfillmentHolds: [{ id: fulfillmentHold.id, reason: "AWAITING_PAYMENT" }] });
    expect(fulfillmentOrder.supportedActions.map((a: Any) => a.action)).toContain("RELEASE_HOLD");

    const [event] = emulator.controls.events(shop, "fulfillment_orders/placed_on_hold");
    expect(event!.payload).toMatchObject({
      fulfillment_order: { id: foId, status: "on_hold", fulfillment_holds: [{ id: fulfillmentHold.id, reason: "awaiting_payment", reason_notes: "Bank transfer not received" }] },
      created_fulfillment_hold: { id: fulfillmentHold.id, reason: "awaiting_payment", reason_notes: "Bank transfer not received" },
    });
    await emulator.controls.settle();
    const delivery = outbound.requests.find((r) => r.headers.get("x-shopify-topic") === "fulfillment_orders/placed_on_hold")!;
    expect(delivery.url).toBe("http://127.0.0.1:3999/webhooks/fulfillment_orders");
    expect(delivery.headers.get("x-shopify-hmac-sha256")).toBe(sign(TEST_API_SECRET, delivery.body));
  });

  it("stacks a second hold by handle without a second placed_on_hold, and refuses a duplicate handle", async () => {
    const { emulator, shop, gql, foId } = await shopWithOpenOrder();
    await gql(HOLD, { id: foId, hold: { reason: "HIGH_RISK_OF_FRAUD" } });
    const second = (await gql(HOLD, { id: foId, hold: { reason: "INCORRECT_ADDRESS", handle: "address-check" } })).data.fulfillmentOrderHold;
    expect(second.fulfillmentOrder.fulfillmentHolds).toHaveLength(2);
    const duplicate = (await gql(HOLD, { id: foId, hold: { reason: "OTHER", handle: "address-check" } })).data.fulfillmentOrderHold;
    expect(duplicate).toMatchObject({ fulfillmentHold: null, userErrors: [{ code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }] });
    expect(emulator.controls.events(shop, "fulfillment_orders/placed_on_hold")).toHaveLength(1);
  });

  it("releases the named hold first and emits hold_released only when the last one goes and the order is open again", async () => {
    const { emulator, shop, gql, foId } = await shopWithOpenOrder();
    const first = (await gql(HOLD, { id: foId, hold: { reason: "HIGH_RISK_OF_FRAUD" } })).data.fulfillmentOrderHold.fulfillmentHold;
    await gql(HOLD, { id: foId, hold: { reason: "INCORRECT_ADDRESS", handle: "address-check" } });

    const partly = (await gql(RELEASE, { id: foId, holdIds: [first.id] })).data.fulfillmentOrderReleaseHold;
    expect(partly).toMatchObject({ fulfillmentOrder: { status: "ON_HOLD", fulfillmentHolds: [{ id: expect.not.stringMatching(first.id) }] }, userErrors: [] });
    expect(emulator.controls.events(shop, "fulfillment_orders/hold_released")).toHaveLength(0);

    const all = (await gql(RELEASE, { id: foId })).data.fulfillmentOrderReleaseHold;
    expect(all).toEqual({ fulfillmentOrder: { id: foId, status: "OPEN", fulfillmentHolds: [] }, userErrors: [] });
    expect(emulator.controls.events(shop, "fulfillment_orders/hold_released").map((e) => e.payload)).toEqual([{ fulfillment_order: { id: foId, status: "open" } }]);
  });

  it("answers an unknown fulfillment order, a release without a hold and a hold on part of the items with user errors", async () => {
    const { gql, foId } = await shopWithOpenOrder();
    const unknown = (await gql(HOLD, { id: "gid://shopify/FulfillmentOrder/999999", hold: { reason: "OTHER" } })).data.fulfillmentOrderHold;
    expect(unknown).toMatchObject({ fulfillmentHold: null, fulfillmentOrder: null, userErrors: [{ code: "FULFILLMENT_ORDER_NOT_FOUND" }] });
    const notHeld = (await gql(RELEASE, { id: foId })).data.fulfillmentOrderReleaseHold;
    expect(notHeld).toMatchObject({ fulfillmentOrder: { status: "OPEN" }, userErrors: [{ message: expect.stringMatching(/not on hold/) }] });
    const partial = (await gql(HOLD, { id: foId, hold: { reason: "OTHER", fulfillmentOrderLineItems: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: 1 }] } })).data.fulfillmentOrderHold;
    expect(partial.userErrors).toEqual([expect.objectContaining({ code: "FULFILLMENT_ORDER_NOT_SPLITTABLE" })]);
  });

  it("rejects a hold document whose input does not match the Admin schema", async () => {
    const { gql, foId } = await shopWithOpenOrder();
    const res = await gql(`mutation($id: ID!) { fulfillmentOrderHold(id: $id, reason: OTHER) { userErrors { message } } }`, { id: foId });
    expect(res.errors?.[0]?.message).toMatch(/doesn't accept argument 'reason'/);
  });
});
