import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { handBackToShopify } from "./order-actions.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function acceptedOrder({ maxSupplierCostMinor }: { maxSupplierCostMinor?: number } = {}) {
  if (maxSupplierCostMinor !== undefined) await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { maxSupplierCostMinor } });
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return (await world.supplierOrders())[0]!;
}
const foStatus = () => (world.emulator.controls.orders(world.shop) as unknown as { fulfillmentOrders: { status: string; requestStatus: string }[] }[])[0]!.fulfillmentOrders[0]!;

describe("handing an order back to Shopify", () => {
  it("cancels what never reached the supplier and closes the fulfillment order so the merchant can fulfill it elsewhere", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    expect(row.state).toBe("needs_attention");
    expect(foStatus()).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });

    expect(await handBackToShopify(world.shop, row.id)).toMatchObject({ ok: true, message: expect.stringMatching(/another location/) });
    expect(foStatus()).toMatchObject({ status: "INCOMPLETE", requestStatus: "CLOSED" });
    expect(await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "cancelled" });
    expect(world.sandbox.orderCount).toBe(0);
    const timeline = await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id } });
    expect(timeline.map((e) => e.message)).toContainEqual(expect.stringMatching(/Handed back to Shopify/));
  });

  it("treats a second click as done: Shopify refuses to close twice and nothing breaks", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    await handBackToShopify(world.shop, row.id);
    expect(await handBackToShopify(world.shop, row.id)).toMatchObject({ ok: true });
    expect(foStatus().status).toBe("INCOMPLETE");
  });

  it("refuses while the supplier already has the order, and leaves the request with Silkroute", async () => {
    const row = await acceptedOrder();
    expect(row.state).toBe("placed");
    const result = await handBackToShopify(world.shop, row.id);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/already with sandbox \(placed\)/) });
    expect(foStatus()).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("placed");
  });

  it("does not let another shop hand back this shop's order", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    expect(await handBackToShopify("someone-else.myshopify.com", row.id)).toMatchObject({ ok: false });
    expect(foStatus().status).toBe("IN_PROGRESS");
  });
});
