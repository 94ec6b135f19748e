import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { action as notificationAction } from "../../routes/fulfillment-service.fulfillment_order_notification";
import { action as routingComplete } from "../../routes/webhooks.fulfillment_orders.order_routing_complete";
import { PRODUCT_SET } from "../../emulator/test-builders";
import { signedWebhook } from "../../test/webhooks";
import { startWorld, type World } from "../fulfillment/test-world";
import { linkVariantToSupplier, unlinkVariant, type FulfilVia } from "./link.server";
import { routeLinkedFulfillmentOrder } from "./merchant-fulfillment-orders.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function merchantLocation(): Promise<string> {
  const r = await world.emulator.graphql(world.shop, `{ location { id } }`) as { data: { location: { id: string } } };
  return r.data.location.id;
}

/** A product the merchant sold before installing Silkroute, stocked at their own location. */
async function existingProduct(available: number, sku = `OWN-${Math.random().toString(36).slice(2, 7)}`) {
  const locationId = await merchantLocation();
  const r = await world.emulator.graphql(world.shop, PRODUCT_SET, {
    synchronous: true,
    input: { title: "Merchant's own mug", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "24.00", sku, inventoryQuantities: [{ locationId, name: "available", quantity: available }] }] },
  }) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
  return { variantGid: r.data.productSet.product.variants.nodes[0]!.id, locationId };
}

/** A sandbox SKU with stock in Shenzhen, where the world's fulfillment service is. */
function supplierSku() {
  const found = world.sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) > 50 && (v.stock["CN-GZ"] ?? 0) === 0 && (v.stock["CN-YW"] ?? 0) === 0)
    ?? world.sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) > 50)!;
  return { supplierProductId: found.p.pid, supplierVariantId: found.v.vid };
}

async function link(variantGid: string, fulfilVia: FulfilVia) {
  return linkVariantToSupplier(world.shop, world.admin, { variantGid, supplier: "sandbox", ...supplierSku(), fulfilVia });
}

const levels = (variantGid: string) => world.emulator.controls.products(world.shop).flatMap((p) => p.variants).find((v) => v.id === variantGid)!.available as Record<string, number>;
const orderOf = (id: string) => world.emulator.controls.orders(world.shop).find((o) => o.id === id)!;

async function deliverNotification() {
  const n = world.notifications().at(-1)!;
  return notificationAction({ request: new Request(`${process.env.SHOPIFY_APP_URL}/fulfillment-service/fulfillment_order_notification`, { method: "POST", headers: n.headers, body: n.body }), params: {}, context: {} });
}

/** Hands each order_routing_complete the emulator emitted to the app's webhook route, `times` over (a redelivery keeps its id). */
async function deliverRoutingComplete(times = 1) {
  for (const event of world.emulator.controls.events(world.shop, "fulfillment_orders/order_routing_complete")) {
    for (let i = 0; i < times; i++) {
      const request = signedWebhook({ topic: "fulfillment_orders/order_routing_complete", shop: world.shop, payload: event.payload, webhookId: event.eventId });
      expect((await routingComplete({ request, params: {}, context: {} })).status).toBe(200);
    }
  }
}

function place(variantGid: string, quantity = 1) {
  return world.emulator.controls.placeOrder(world.shop, { lines: [{ variantId: variantGid, quantity }],
    shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "350 5th Ave", city: "New York", provinceCode: "NY", zip: "10118", countryCode: "US", phone: "+12125550100" } });
}

describe("orders for linked products", () => {
  it("moves a linked product's stock to the Silkroute location, so its order comes as a fulfillment request and reaches the supplier once", async () => {
    const { variantGid, locationId } = await existingProduct(7);
    await link(variantGid, "silkroute_location");
    expect(levels(variantGid)).toEqual({ [world.warehouse.locationGid]: expect.any(Number) });
    expect(levels(variantGid)[world.warehouse.locationGid]).toBeGreaterThan(0);
    expect(await db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid } } }))
      .toMatchObject({ fulfilVia: "silkroute_location", linkedWarehouse: "CN-SZ", merchantLocationGid: locationId, merchantAvailable: 7, source: "manual" });

    const order = place(variantGid);
    await world.emulator.controls.settle();
    expect(orderOf(order.id).fulfillmentOrders[0]).toMatchObject({ locationId: world.warehouse.locationGid, requestStatus: "SUBMITTED" });
    await deliverNotification();
    await deliverNotification();
    await world.drain();
    expect(orderOf(order.id).fulfillmentOrders[0]).toMatchObject({ requestStatus: "ACCEPTED" });
    expect(await world.supplierOrders()).toEqual([expect.objectContaining({ state: "placed", warehouse: "CN-SZ", supplier: "sandbox" })]);
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("moves a merchant-managed fulfillment order's linked line to Silkroute when the merchant's stock is out, once however often routing_complete arrives", async () => {
    const { variantGid, locationId } = await existingProduct(0);
    await link(variantGid, "merchant_location");
    expect(levels(variantGid)).toEqual({ [locationId]: 0, [world.warehouse.locationGid]: 0 });

    const order = place(variantGid, 2);
    await world.emulator.controls.settle();
    expect(orderOf(order.id).fulfillmentOrders[0]).toMatchObject({ locationId, requestStatus: "UNSUBMITTED" });
    await deliverRoutingComplete(2);
    await world.drain();
    await deliverRoutingComplete(1);
    await world.drain();

    const [fo] = orderOf(order.id).fulfillmentOrders;
    expect(fo).toMatchObject({ locationId: world.warehouse.locationGid, status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    expect(await world.supplierOrders()).toEqual([expect.objectContaining({ state: "placed", fulfillmentOrderGid: fo.id, warehouse: "CN-SZ" })]);
    expect(world.sandbox.orderCount).toBe(1);
    expect(levels(variantGid)[locationId]).toBe(0); // the commitment went with the line
  });

  it("leaves the merchant's fulfillment order alone while their stock covers it, and moves only the linked line when set to always", async () => {
    const { variantGid } = await existingProduct(5);
    const own = await existingProduct(5);
    await link(variantGid, "merchant_location");
    const order = world.emulator.controls.placeOrder(world.shop, { lines: [{ variantId: variantGid, quantity: 1 }, { variantId: own.variantGid, quantity: 1 }],
      shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "350 5th Ave", city: "New York", provinceCode: "NY", zip: "10118", countryCode: "US", phone: "+12125550100" } });
    const foGid = orderOf(order.id).fulfillmentOrders[0].id;
    expect(await routeLinkedFulfillmentOrder(world.shop, foGid, world.admin)).toBe("merchant-has-stock");
    expect(world.sandbox.orderCount).toBe(0);

    await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { linkedMoveWhen: "always" } });
    expect(await routeLinkedFulfillmentOrder(world.shop, foGid, world.admin)).toBe("moved");
    await world.drain();
    const fos = orderOf(order.id).fulfillmentOrders;
    expect(fos).toHaveLength(2);
    expect(fos.find((f: { id: string }) => f.id === foGid)).toMatchObject({ locationId: own.locationId, status: "OPEN", lineItems: [expect.objectContaining({ remainingQuantity: 1 })] });
    expect(fos.find((f: { id: string }) => f.id !== foGid)).toMatchObject({ locationId: world.warehouse.locationGid, requestStatus: "ACCEPTED" });
    expect(world.sandbox.orderCount).toBe(1);
    expect(await routeLinkedFulfillmentOrder(world.shop, foGid, world.admin)).toBe("not-linked");
  });

  it("unlinking returns moved stock to the merchant's location and stops stocking the Silkroute location", async () => {
    const { variantGid, locationId } = await existingProduct(7);
    await link(variantGid, "silkroute_location");
    await unlinkVariant(world.shop, world.admin, variantGid);
    expect(levels(variantGid)).toEqual({ [locationId]: 7 });
    expect(await db.variantMapping.count({ where: { shop: world.shop, variantGid } })).toBe(0);
  });
});
