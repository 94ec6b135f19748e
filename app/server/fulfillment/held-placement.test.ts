import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "./order-text-render.server";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { recordHold, releaseHold } from "./holds.server";
import { approveSupplierOrder } from "./order-actions.server";
import { sweepInFlight } from "./maintenance.server";

const MINUTE = 60_000;
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

/** An accepted request whose supplier order exists but has not been sent; Shopify then holds the FO. */
async function heldOrder(mode: "auto" | "review" = "auto") {
  await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { mode } });
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  const [row] = await world.supplierOrders();
  await recordHold(world.shop, row!.fulfillmentOrderGid, { reason: "high_risk_of_fraud", reasonNotes: null });
  return row!;
}
const placementJobs = () => db.job.count({ where: { shop: world.shop, queue: "fulfillment.place-supplier-order" } });
const stateOf = async (id: string) => (await db.supplierOrder.findUniqueOrThrow({ where: { id } })).state;

describe("placement while Shopify holds the fulfillment order", () => {
  it("sends nothing to the supplier until the hold is released, then places the order once", async () => {
    const row = await heldOrder();
    await world.drain();
    expect(await stateOf(row.id)).toBe("pending");
    expect(world.sandbox.orderCount).toBe(0);
    const jobsBefore = await placementJobs();
    await sweepInFlight(new Date(Date.now() + 30 * MINUTE), 10 * MINUTE); // waiting for the release, not lost
    expect(await placementJobs()).toBe(jobsBefore);

    await releaseHold(world.shop, row.fulfillmentOrderGid, "webhook-1");
    await world.drain();
    expect(await stateOf(row.id)).toBe("placed");
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("refuses the merchant's approval while the hold lasts", async () => {
    const row = await heldOrder("review");
    await world.drain();
    expect(await stateOf(row.id)).toBe("pending");
    await db.supplierOrder.update({ where: { id: row.id }, data: { state: "awaiting_approval" } });
    const refused = await approveSupplierOrder(world.shop, row.id);
    expect(refused.ok).toBe(false);
    expect(renderOrderText(refused.message)).toMatch(/on hold in Shopify/);
    expect(await stateOf(row.id)).toBe("awaiting_approval");
    expect(world.sandbox.orderCount).toBe(0);
  });
});
