import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { syncTracking } from "./tracking/sync-tracking.server";
import { action as ordersCancelledAction } from "../../routes/webhooks.orders.cancelled";
import { signedWebhook } from "../../test/webhooks";

const DAY = 86_400_000;
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function placedOrder() {
  const order = world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return order;
}

const fo = (orderId: string) => world.emulator.controls.orders(world.shop).find((o) => o.id === orderId)!.fulfillmentOrders[0]!;

describe("cancelling an order", () => {
  it("accepts Shopify's cancellation request when the supplier has not shipped, and cancels at the supplier", async () => {
    const order = await placedOrder();
    world.emulator.controls.cancelOrder(world.shop, order.id);
    await processFulfillmentRequests(world.shop, "CANCELLATION_REQUEST");
    expect(fo(order.id)).toMatchObject({ status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" });
    const [row] = await world.supplierOrders();
    expect(row).toMatchObject({ state: "cancelled" });
    const adapter = await (await import("./supplier-gateway.server")).supplierAdapter(world.shop, "sandbox");
    expect(await adapter.findOrder(row!.idempotencyKey)).toMatchObject({ ok: true, value: { status: "cancelled" } });
  });

  it("rejects the cancellation request once the supplier has shipped, and records what could not be undone", async () => {
    const order = await placedOrder();
    world.supplierClock.advance(2 * DAY); // shipped at the supplier; our next tracking poll has not run yet
    world.emulator.controls.cancelOrder(world.shop, order.id);
    await processFulfillmentRequests(world.shop, "CANCELLATION_REQUEST");
    expect(fo(order.id)).toMatchObject({ requestStatus: "CANCELLATION_REJECTED" });
    const [row] = await world.supplierOrders();
    expect(row).toMatchObject({ state: "placed", reasonCode: "CANCEL_REFUSED" });
    expect(await syncTracking(row!.id)).toBe("shipped");
    expect(row!.reasonMessage).toMatch(/already shipped/);
  });

  it("cancels the supplier order from the orders/cancelled webhook, once however often it is delivered", async () => {
    const order = await placedOrder();
    const payload = { id: Number(order.id.split("/").pop()), name: order.name, currency: "USD", total_price: "49.00", line_items: [] };
    for (const webhookId of ["w-1", "w-1", "w-2"]) {
      const res = await ordersCancelledAction({ request: signedWebhook({ topic: "orders/cancelled", shop: world.shop, payload, webhookId: `${world.shop}-${webhookId}` }), params: {}, context: {} });
      expect(res.status).toBe(200);
    }
    expect(await db.job.count({ where: { shop: world.shop, queue: "fulfillment.cancel-order" } })).toBe(1);
    await world.drain({ dueOnly: true });
    expect((await world.supplierOrders())[0]).toMatchObject({ state: "cancelled" });
  });
});
