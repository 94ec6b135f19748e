import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET } from "./test-builders";

/* eslint-disable @typescript-eslint/no-explicit-any */
const ACTIVATE = `mutation A($item: ID!, $loc: ID!, $available: Int, $key: String!) {
  inventoryActivate(inventoryItemId: $item, locationId: $loc, available: $available) @idempotent(key: $key) { inventoryLevel { id } userErrors { field message } }
}`;
const ACTIVATE_WITHOUT_KEY = `mutation A($item: ID!, $loc: ID!) { inventoryActivate(inventoryItemId: $item, locationId: $loc) { inventoryLevel { id } userErrors { message } } }`;
const DEACTIVATE = `mutation D($id: ID!) { inventoryDeactivate(inventoryLevelId: $id) { userErrors { field message } } }`;
const MOVE = `mutation M($id: ID!, $loc: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderMove(id: $id, newLocationId: $loc, fulfillmentOrderLineItems: $lines) {
    movedFulfillmentOrder { id assignedLocation { location { id } } lineItems(first: 10) { nodes { id sku remainingQuantity } } }
    originalFulfillmentOrder { id status lineItems(first: 10) { nodes { sku remainingQuantity } } }
    userErrors { field message }
  }
}`;
const SUBMIT = `mutation S($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { submittedFulfillmentOrder { id requestStatus } userErrors { message } } }`;
const SERVICE = `mutation F($name: String!) { fulfillmentServiceCreate(name: $name, callbackUrl: "http://127.0.0.1:3999/fs", trackingSupport: true, inventoryManagement: true) { fulfillmentService { location { id } } userErrors { message } } }`;

async function world() {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  const merchant = emulator.controls.shop(shop).locations[0]!.id as string;
  const input = buildProductSetInput();
  input.variants = (input.variants as any[]).map((v) => ({ ...v, inventoryQuantities: [{ locationId: merchant, name: "available", quantity: 3 }] }));
  const product = (await emulator.graphql(shop, PRODUCT_SET, { input, synchronous: true })) as any;
  const variants = product.data.productSet.product.variants.nodes as Array<{ id: string; sku: string; inventoryItem: { id: string } }>;
  const service = (await emulator.graphql(shop, SERVICE, { name: "Silkroute Shenzhen" })) as any;
  const warehouse = service.data.fulfillmentServiceCreate.fulfillmentService.location.id as string;
  const gql = (q: string, v: Record<string, unknown>) => emulator.graphql(shop, q, v) as Promise<any>;
  const available = (variantId: string) => emulator.controls.products(shop)[0]!.variants.find((x: any) => x.id === variantId).available as Record<string, number>;
  return { emulator, shop, merchant, warehouse, variants, gql, available };
}

describe("inventoryActivate and inventoryDeactivate", () => {
  it("stocks an item at a location with the given available quantity, and requires an idempotency key", async () => {
    const w = await world();
    const [red] = w.variants;
    const missing = await w.gql(ACTIVATE_WITHOUT_KEY, { item: red!.inventoryItem.id, loc: w.warehouse });
    expect(JSON.stringify(missing.errors ?? missing.data.inventoryActivate.userErrors)).toMatch(/@idempotent/);
    const r = await w.gql(ACTIVATE, { item: red!.inventoryItem.id, loc: w.warehouse, available: 12, key: "k-1" });
    expect(r.data.inventoryActivate.userErrors).toEqual([]);
    expect(w.available(red!.id)).toEqual({ [w.merchant]: 3, [w.warehouse]: 12 });
  });

  it("deactivates a level but never an item's last one", async () => {
    const w = await world();
    const [red] = w.variants;
    const level = (await w.gql(ACTIVATE, { item: red!.inventoryItem.id, loc: w.warehouse, available: 5, key: "k-2" })).data.inventoryActivate.inventoryLevel.id;
    expect((await w.gql(DEACTIVATE, { id: level })).data.inventoryDeactivate.userErrors).toEqual([]);
    expect(w.available(red!.id)).toEqual({ [w.merchant]: 3 });
    const merchantLevel = (w.emulator.controls.shop(w.shop).nodes.get(red!.id) as any).inventoryItem.levels.get(w.merchant).id as string;
    const refused = await w.gql(DEACTIVATE, { id: merchantLevel });
    expect(refused.data.inventoryDeactivate.userErrors[0].message).toMatch(/stocked at a minimum of 1 location/);
  });
});

describe("fulfillmentOrderMove", () => {
  it("moves a subset of a merchant-managed order's lines to a location stocking them, with their commitment, and keeps the rest", async () => {
    const w = await world();
    const [red, blue] = w.variants;
    const order = w.emulator.controls.placeOrder(w.shop, { lines: [{ variantId: red!.id, quantity: 2 }, { variantId: blue!.id, quantity: 1 }], shippingAddress: { address1: "1 A St", city: "Berlin", zip: "10115", countryCode: "DE" } });
    const fo = w.emulator.controls.orders(w.shop).find((o) => o.id === order.id)!.fulfillmentOrders[0]!;
    expect(w.emulator.controls.events(w.shop, "fulfillment_orders/order_routing_complete").map((e) => e.payload)).toEqual([{ fulfillment_order: { id: fo.id, status: "open" } }]);
    const redLine = fo.lineItems.find((l: any) => l.sku === "SCARF-RED").id;

    const unstocked = await w.gql(MOVE, { id: fo.id, loc: w.warehouse, lines: [{ id: redLine, quantity: 2 }] });
    expect(unstocked.data.fulfillmentOrderMove.userErrors[0].message).toMatch(/doesn't stock/);

    await w.gql(ACTIVATE, { item: red!.inventoryItem.id, loc: w.warehouse, available: 0, key: "k-3" });
    const moved = (await w.gql(MOVE, { id: fo.id, loc: w.warehouse, lines: [{ id: redLine, quantity: 2 }] })).data.fulfillmentOrderMove;
    expect(moved.userErrors).toEqual([]);
    expect(moved.movedFulfillmentOrder.id).not.toBe(fo.id);
    expect(moved.movedFulfillmentOrder).toMatchObject({ assignedLocation: { location: { id: w.warehouse } }, lineItems: { nodes: [{ sku: "SCARF-RED", remainingQuantity: 2 }] } });
    expect(moved.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "OPEN", lineItems: { nodes: [{ sku: "SCARF-BLUE", remainingQuantity: 1 }] } });
    expect(w.available(red!.id)).toEqual({ [w.merchant]: 3, [w.warehouse]: -2 });
    expect(w.emulator.controls.events(w.shop, "fulfillment_orders/moved")).toHaveLength(1);
  });

  it("re-assigns the whole fulfillment order when every line moves, and refuses to move one awaiting a fulfillment service", async () => {
    const w = await world();
    const [red] = w.variants;
    await w.gql(ACTIVATE, { item: red!.inventoryItem.id, loc: w.warehouse, available: 0, key: "k-4" });
    const order = w.emulator.controls.placeOrder(w.shop, { lines: [{ variantId: red!.id, quantity: 1 }], shippingAddress: { address1: "1 A St", city: "Berlin", zip: "10115", countryCode: "DE" } });
    const fo = w.emulator.controls.orders(w.shop).find((o) => o.id === order.id)!.fulfillmentOrders[0]!;
    const moved = (await w.gql(MOVE, { id: fo.id, loc: w.warehouse })).data.fulfillmentOrderMove;
    expect(moved.movedFulfillmentOrder).toMatchObject({ id: fo.id, assignedLocation: { location: { id: w.warehouse } } });
    expect((await w.gql(SUBMIT, { id: fo.id })).data.fulfillmentOrderSubmitFulfillmentRequest.submittedFulfillmentOrder.requestStatus).toBe("SUBMITTED");
    const back = await w.gql(MOVE, { id: fo.id, loc: w.merchant });
    expect(back.data.fulfillmentOrderMove.userErrors[0].message).toMatch(/request status SUBMITTED/);
  });
});
