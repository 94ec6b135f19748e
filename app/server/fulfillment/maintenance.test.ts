import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { sweepInFlight } from "./maintenance.server";
import { Q } from "./queues.server";

const MINUTE = 60_000;
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

/** An order accepted and split into a supplier order whose placement job is queued but has not run yet. */
async function orderWaitingForPlacement() {
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST"); // accepts, creates the row, queues placement
  const [row] = await world.supplierOrders();
  expect(row).toMatchObject({ state: "pending" });
  return row!;
}
const placementJobs = () => db.job.findMany({ where: { shop: world.shop, queue: Q.place } });
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
/** The sweep covers every shop in the database; count only what it enqueued for this test's shop. */
async function sweepHere(at: Date, staleMs: number): Promise<number> {
  const before = (await placementJobs()).length;
  await sweepInFlight(at, staleMs);
  return (await placementJobs()).length - before;
}

describe("the in-flight sweeper", () => {
  it("leaves an order alone while its placement job waits in the queue, however long the wait", async () => {
    await orderWaitingForPlacement();
    expect(await sweepHere(later(15), 10 * MINUTE)).toBe(0);
    expect(await sweepHere(later(200), 10 * MINUTE)).toBe(0);
    expect(await placementJobs()).toHaveLength(1);
  });

  it("gives an order whose job died exactly one new job, and the order still reaches the supplier once", async () => {
    const row = await orderWaitingForPlacement();
    await db.job.updateMany({ where: { shop: world.shop, queue: Q.place }, data: { state: "dead", lastError: "a bug" } });

    expect(await sweepHere(later(15), 10 * MINUTE)).toBe(1);
    expect(await sweepHere(later(30), 10 * MINUTE)).toBe(0);
    expect((await placementJobs()).filter((j) => j.state === "queued")).toHaveLength(1);

    await world.drain();
    expect(await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "placed" });
    expect(world.sandbox.orderCount).toBe(1);
    expect(await sweepHere(later(60), 10 * MINUTE)).toBe(0);
  });

  it("replaces the replacement when that job is lost too", async () => {
    await orderWaitingForPlacement();
    await db.job.updateMany({ where: { shop: world.shop, queue: Q.place }, data: { state: "dead" } });
    expect(await sweepHere(later(15), 10 * MINUTE)).toBe(1);
    await db.job.updateMany({ where: { shop: world.shop, queue: Q.place, state: "queued" }, data: { state: "cancelled" } });
    expect(await sweepHere(later(30), 10 * MINUTE)).toBe(1);
    expect(await placementJobs()).toHaveLength(3);
  });

  it("does not touch an order that changed recently", async () => {
    await orderWaitingForPlacement();
    await db.job.updateMany({ where: { shop: world.shop, queue: Q.place }, data: { state: "dead" } });
    expect(await sweepHere(later(5), 10 * MINUTE)).toBe(0);
  });
});
