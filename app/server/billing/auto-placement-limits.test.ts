import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../fulfillment/order-text-render.server";
import db from "../../db.server";
import { startWorld, type World } from "../fulfillment/test-world";
import { processFulfillmentRequests } from "../fulfillment/fulfillment-requests.server";
import { approveSupplierOrder } from "../fulfillment/order-actions.server";
import { cancelPaidPlan } from "./subscribe.server";
import { subscribeThroughShopify } from "./test-support";
import { billingPeriod } from "./usage.server";
import { pinWallClock, yesterdayAtUtc } from "../../test/wall-clock";

// Noon UTC on yesterday's date, hours from any month's end: the allowance is per UTC month, and a run that seeded the
// month's 499 orders at 23:59:59.8 UTC on its last day placed the 501st automatically in the next.
pinWallClock(yesterdayAtUtc("12:00"));

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function newOrder() {
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const rows = await world.supplierOrders();
  return rows[rows.length - 1]!;
}

/** Supplier orders that already reached a supplier, as the placement flow records them. */
async function alreadyPlaced(count: number, placedAt: Date) {
  await db.supplierOrder.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shop: world.shop, orderGid: `gid://shopify/Order/${i + 1}`, orderName: `#${i + 1}`, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${i + 1}`,
      supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `${world.shop}-seed-${i}`, state: "placed", lines: [], currency: "USD", revenueMinor: 4900, placedAt,
    })),
  });
}

describe("plan limits on automatic supplier orders", () => {
  it("on Free, an accepted order waits for review with an upgrade-or-approve message, and approving places it", async () => {
    await cancelPaidPlan(world.admin);
    const row = await newOrder();
    expect(row).toMatchObject({ state: "awaiting_approval", reasonCode: "PLAN_LIMIT" });
    expect(renderOrderText(row.reasonMessage)).toMatch(/autopilot isn't included in the Free plan/);
    expect(renderOrderText(row.fixHint)).toMatch(/Upgrade on the Plans page, or approve this order/);
    expect(world.sandbox.orderCount).toBe(0);
    expect(await approveSupplierOrder(world.shop, row.id)).toMatchObject({ ok: true });
    await world.drain();
    expect((await world.supplierOrders())[0]).toMatchObject({ state: "placed" });
  });

  it("on Growth, the 500th order of the month is placed automatically and the 501st waits", async () => {
    await subscribeThroughShopify(world.emulator, world.admin, "growth");
    await alreadyPlaced(499, new Date());
    const at499 = await newOrder();
    expect(at499.state).toBe("placed");
    const at500 = await newOrder();
    expect(at500).toMatchObject({ state: "awaiting_approval", reasonCode: "PLAN_LIMIT" });
    expect(renderOrderText(at500.reasonMessage)).toMatch(/placed 500 of the 500 supplier orders the Growth plan includes this month/);
  });

  it("orders placed last month don't count against this month's allowance", async () => {
    await subscribeThroughShopify(world.emulator, world.admin, "growth");
    await alreadyPlaced(500, new Date(billingPeriod().start.getTime() - 1000));
    expect((await newOrder()).state).toBe("placed");
  });

  it("on Scale there is no monthly order limit", async () => {
    await alreadyPlaced(600, new Date());
    expect((await newOrder()).state).toBe("placed");
  });
});
