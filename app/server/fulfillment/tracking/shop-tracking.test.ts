import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { startWorld, type World } from "../test-world";
import { processFulfillmentRequests } from "../fulfillment-requests.server";
import { pollTracking } from "../maintenance.server";
import { Q } from "../queues.server";
import { shopsWithTrackingDue, syncShopTracking } from "./shop-tracking.server";
import { nextTrackingPollAt } from "./poll-schedule";

const DAY = 86_400_000;
const cadence = { awaitingTrackingMs: 60_000, inTransitMs: 3_600_000, leaseMs: 120_000 };
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function placedOrders(n: number) {
  for (let i = 0; i < n; i++) world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const rows = await world.supplierOrders();
  expect(rows.map((r) => r.state)).toEqual(Array(n).fill("placed"));
  return rows;
}
const trackingJobs = () => db.job.findMany({ where: { shop: world.shop, queue: { in: [Q.syncShopTracking, Q.syncTracking] }, state: "queued" } });

describe("incremental, per-shop tracking polls", () => {
  it("asks often while a parcel awaits its number, rarely once it is in transit, and never once delivered", () => {
    const now = new Date(0);
    expect(nextTrackingPollAt("placed", now, cadence)).toEqual(new Date(60_000));
    expect(nextTrackingPollAt("shipped", now, cadence)).toEqual(new Date(3_600_000));
    expect(nextTrackingPollAt("exception", now, cadence)).toEqual(new Date(3_600_000));
    expect(nextTrackingPollAt("delivered", now, cadence)).toBeNull();
  });

  it("enqueues one job per shop with rows due, not one per order, and once per window", async () => {
    await placedOrders(3);
    // Two ticks in one window at one reading of the clock: read twice, a run across a minute boundary put them in two.
    const now = new Date();
    expect(await pollTracking(now, 60_000, cadence)).toBeGreaterThanOrEqual(1);
    expect(await pollTracking(now, 60_000, cadence)).toBeGreaterThanOrEqual(1);
    const jobs = await trackingJobs();
    expect(jobs.map((j) => j.queue)).toEqual([Q.syncShopTracking]);
  });

  it("syncs only the rows whose poll is due and ships them at the in-transit pace", async () => {
    const rows = await placedOrders(3);
    await db.supplierOrder.update({ where: { id: rows[2]!.id }, data: { nextAttemptAt: new Date(Date.now() + DAY) } });
    world.supplierClock.advance(2 * DAY);
    expect(await syncShopTracking(world.shop, cadence)).toEqual({ synced: 2, skipped: 0, failed: 0 });
    const after = await world.supplierOrders();
    expect(after.map((r) => r.state)).toEqual(["shipped", "shipped", "placed"]);
    expect(after[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + cadence.inTransitMs - 60_000);
    // Nothing is due now: a second run touches no row and posts nothing twice.
    expect(await syncShopTracking(world.shop, cadence)).toEqual({ synced: 0, skipped: 0, failed: 0 });
    expect(world.emulator.controls.fulfillments(world.shop)).toHaveLength(2);
    expect(await shopsWithTrackingDue()).not.toContain(world.shop);
  });

  it("lets one job serve a group of shops, each row still synced once", async () => {
    await placedOrders(2);
    world.supplierClock.advance(2 * DAY);
    expect(await syncShopTracking([world.shop, "another-shop.myshopify.com"], cadence)).toEqual({ synced: 2, skipped: 0, failed: 0 });
    expect(world.emulator.controls.fulfillments(world.shop)).toHaveLength(2);
  });

  it("lets two overlapping jobs split the due rows instead of syncing one twice", async () => {
    await placedOrders(4);
    world.supplierClock.advance(2 * DAY);
    const [a, b] = await Promise.all([syncShopTracking(world.shop, cadence, { parallel: 2 }), syncShopTracking(world.shop, cadence, { parallel: 2 })]);
    expect(a.synced + b.synced).toBe(4);
    expect(world.emulator.controls.fulfillments(world.shop)).toHaveLength(4);
  });

  it("keeps a row whose sync failed due again, so the next poll retries it", async () => {
    const [row] = await placedOrders(1);
    world.supplierClock.advance(2 * DAY);
    await db.session.deleteMany({ where: { shop: world.shop } }); // Shopify cannot be reached for this shop
    expect(await syncShopTracking(world.shop, cadence)).toMatchObject({ failed: 1 });
    const claimed = await db.supplierOrder.findUniqueOrThrow({ where: { id: row!.id } });
    expect(claimed.state).toBe("placed");
    expect(await syncShopTracking(world.shop, cadence)).toEqual({ synced: 0, skipped: 0, failed: 0 }); // held until the lease ends
    const later = () => new Date(claimed.nextAttemptAt!.getTime() + 1);
    expect(await syncShopTracking(world.shop, cadence, { now: later })).toMatchObject({ failed: 1 });
  });
});
