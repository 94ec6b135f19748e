import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedText } from "./order-text";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { syncShopTracking } from "./tracking/shop-tracking.server";
import { checkTrackingNow } from "./order-actions.server";
import { Q } from "./queues.server";

const DAY = 86_400_000;
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function placedOrder() {
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const [row] = await world.supplierOrders();
  expect(row?.state).toBe("placed");
  return row!;
}
const trackingJobs = () => db.job.findMany({ where: { shop: world.shop, queue: Q.syncShopTracking, state: "queued" } });

describe("check tracking now", () => {
  it("makes a polled order due again and enqueues one shop tracking job, however often it is clicked", async () => {
    const row = await placedOrder();
    await syncShopTracking(world.shop); // nothing shipped yet: the next poll is minutes away
    const polled = await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } });
    expect(polled.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    world.supplierClock.advance(2 * DAY); // the supplier ships meanwhile
    const now = new Date();
    expect(await checkTrackingNow(world.shop, row.id, now)).toMatchObject({ ok: true });
    expect(await checkTrackingNow(world.shop, row.id, now)).toMatchObject({ ok: true });
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).nextAttemptAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(await trackingJobs()).toHaveLength(1);

    expect(await world.drain()).toContain(Q.syncShopTracking);
    const shipped = await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } });
    expect(shipped.state).toBe("shipped");
    expect(shipped.trackingNumbers).not.toEqual([]);
  });

  it("refuses orders of another shop and orders with nothing to track", async () => {
    const row = await placedOrder();
    expect(await checkTrackingNow("other-shop.myshopify.com", row.id)).toMatchObject({ ok: false });
    await db.supplierOrder.update({ where: { id: row.id }, data: { state: "delivered" } });
    expect(await checkTrackingNow(world.shop, row.id)).toEqual({ ok: false, message: storedText("order:action.trackingDone") });
    await db.supplierOrder.update({ where: { id: row.id }, data: { state: "pending" } });
    expect(await checkTrackingNow(world.shop, row.id)).toEqual({ ok: false, message: storedText("order:action.trackingNotYet") });
    expect(await trackingJobs()).toHaveLength(0);
  });
});
