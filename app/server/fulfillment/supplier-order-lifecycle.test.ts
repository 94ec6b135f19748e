import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "./order-text-render.server";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { useSupplierAdapters, supplierAdapter } from "./supplier-gateway.server";
import { advanceSupplierOrder } from "./placement.server";
import { approveSupplierOrder } from "./order-actions.server";
import { syncTracking } from "./tracking/sync-tracking.server";
import { detectStuck } from "./maintenance.server";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { isValidS10 } from "../suppliers/tracking-number";
import type { SupplierAdapter } from "../suppliers/supplier-adapter";

const DAY = 86_400_000;
let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function orderThroughRequest(mode: "auto" | "review" = "auto") {
  await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { mode } });
  const order = world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return { order, row: (await world.supplierOrders())[0]! };
}

const events = (id: string) => db.supplierOrderEvent.findMany({ where: { supplierOrderId: id }, orderBy: { at: "asc" } });

describe("a supplier order's life", () => {
  it("waits for approval in review mode and places after the merchant approves", async () => {
    const { row } = await orderThroughRequest("review");
    expect(row.state).toBe("awaiting_approval");
    expect(world.sandbox.orderCount).toBe(0);
    expect(await approveSupplierOrder(world.shop, row.id)).toMatchObject({ ok: true });
    await world.drain();
    expect((await world.supplierOrders())[0]).toMatchObject({ state: "placed" });
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("holds an order above the merchant's maximum supplier cost, with the reason and the fix", async () => {
    await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { maxSupplierCostMinor: 1 } });
    const { row } = await orderThroughRequest();
    expect(row).toMatchObject({ state: "needs_attention", reasonCode: "MAX_COST_EXCEEDED" });
    expect(renderOrderText(row.fixHint)).toMatch(/raise the maximum supplier cost/);
  });

  it("finds the order at the supplier by our key after a crash instead of placing it again", async () => {
    const { row } = await orderThroughRequest("review");
    // A previous run sent the reservation and died before recording anything.
    const adapter = await supplierAdapter(world.shop, "sandbox");
    await adapter.twoPhase!.reserveOrder({ idempotencyKey: row.idempotencyKey, lines: [{ supplierVariantId: (row.lines as { supplierVariantId: string }[])[0]!.supplierVariantId, quantity: 1 }], shipTo: row.shipTo as never, fromWarehouse: "CN-SZ" });
    await db.supplierOrder.update({ where: { id: row.id }, data: { state: "placing", approvedAt: new Date() } });
    expect(await advanceSupplierOrder(row.id)).toBe("placed");
    expect(await advanceSupplierOrder(row.id)).toBe("placed");
    expect(world.sandbox.orderCount).toBe(1);
    expect((await events(row.id)).map((e) => renderOrderText(e.message))).toContainEqual(expect.stringMatching(/Found the supplier order SBO\d+ under our key/));
  });

  it("delays placement while the supplier's circuit is open and resumes afterwards", async () => {
    let outage = true;
    const base = await supplierAdapter(world.shop, "sandbox");
    useSupplierAdapters(async () => ({
      ...base,
      findOrder: async (key: string) => outage
        ? { ok: false as const, error: { kind: "circuit_open" as const, supplier: "sandbox" as const, message: "The supplier is not responding right now, so we paused calls to it. We will retry automatically.", retryable: true, retryAfterMs: 30_000 } }
        : base.findOrder(key),
    }) as SupplierAdapter);
    const { row } = await orderThroughRequest();
    expect(row).toMatchObject({ state: "placing", attempts: 1 });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(Date.now() + 29_000);
    expect(await db.job.count({ where: { shop: world.shop, state: "queued", queue: "fulfillment.place-supplier-order" } })).toBe(1);
    outage = false;
    await world.drain();
    expect((await world.supplierOrders())[0]).toMatchObject({ state: "placed" });
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("ships with a valid S10 number under Shopify's carrier name and posts each carrier event once", async () => {
    const { row, order } = await orderThroughRequest();
    expect(await syncTracking(row.id)).toBe("placed"); // not shipped yet: nothing to post
    world.supplierClock.advance(6 * DAY);
    expect(await syncTracking(row.id)).toBe("shipped");
    expect(await syncTracking(row.id)).toBe("shipped");
    const [fulfillment] = world.emulator.controls.fulfillments(world.shop);
    expect(fulfillment).toMatchObject({ orderId: order.id, notifyCustomer: true, trackingInfo: [{ company: "China Post" }] });
    expect(isValidS10(fulfillment!.trackingInfo[0]!.number)).toBe(true);
    const posted = fulfillment!.events.map((e: { status: string; message: string }) => [e.status, e.message]);
    expect(posted).toEqual([
      ["LABEL_PURCHASED", expect.any(String)], ["IN_TRANSIT", expect.any(String)], ["IN_TRANSIT", expect.any(String)],
      ["IN_TRANSIT", "Customs: Customs clearance in progress"], ["IN_TRANSIT", "Customs: Released by customs"],
    ]);
    world.supplierClock.advance(4 * DAY);
    expect(await syncTracking(row.id)).toBe("delivered");
    expect(world.emulator.controls.fulfillments(world.shop)[0]!.events.map((e: { status: string }) => e.status).slice(-2)).toEqual(["OUT_FOR_DELIVERY", "DELIVERED"]);
  });

  it("flags a placed order without tracking after the configured days and a silent parcel after 48 hours", async () => {
    const { row } = await orderThroughRequest();
    await db.supplierOrder.update({ where: { id: row.id }, data: { placedAt: new Date(Date.now() - 8 * DAY) } });
    await detectStuck(new Date());
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ flagCode: "NO_TRACKING" });
    world.supplierClock.advance(2 * DAY);
    await syncTracking(row.id);
    const shipped = await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } });
    expect(shipped).toMatchObject({ state: "shipped", flagCode: null });
    await detectStuck(new Date(shipped.lastMovementAt!.getTime() + 49 * 3_600_000));
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ flagCode: "NO_MOVEMENT" });
  });
});
