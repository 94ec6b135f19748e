import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../order-text-render.server";
import db from "../../../db.server";
import { startWorld, type World } from "../test-world";
import { processFulfillmentRequests } from "../fulfillment-requests.server";
import { supplierAdapter, useSupplierAdapters } from "../supplier-gateway.server";
import { syncTracking } from "./sync-tracking.server";
import { buildS10 } from "../../suppliers/tracking-number";
import type { SupplierAdapter } from "../../suppliers/supplier-adapter";
import type { Parcel, TrackingStatus } from "../../suppliers/supplier-order-models";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

const FIRST = buildS10("LX", "10000001", "CN");
const SECOND = buildS10("LX", "10000002", "CN");

/** A parcel builder: one scan per status, an hour apart, from a fixed day. */
function parcel(number: string, statuses: TrackingStatus[], startHour = 0): Parcel {
  const events = statuses.map((status, i) => ({ at: new Date(Date.UTC(2026, 10, 1, startHour + i)).toISOString(), status, description: `${status.replace(/_/g, " ")} scan` }));
  return { trackingNumber: number, carrier: { name: "China Post" }, status: statuses.at(-1) ?? null, events };
}

async function placedOrderWithParcels(parcels: () => Parcel[]) {
  const base = await supplierAdapter(world.shop, "sandbox");
  useSupplierAdapters(async () => ({
    ...base,
    getTracking: async (key: string) => ({ ok: true as const, value: { idempotencyKey: key, parcels: parcels() } }),
  }) as SupplierAdapter);
  world.placeOrder({}, 2);
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const [row] = await world.supplierOrders();
  expect(row?.state).toBe("placed");
  return row!;
}
const fulfillments = () => world.emulator.controls.fulfillments(world.shop) as unknown as { trackingInfo: { number: string }[]; events: { status: string; message: string }[] }[];

describe("an order shipped in several parcels", () => {
  it("keeps one Shopify fulfillment, adds the second tracking number when it appears, and posts each parcel's scans once", async () => {
    let now: Parcel[] = [parcel(FIRST, ["info_received", "in_transit"])];
    const row = await placedOrderWithParcels(() => now);

    expect(await syncTracking(row.id)).toBe("shipped");
    now = [parcel(FIRST, ["info_received", "in_transit"]), parcel(SECOND, ["info_received"], 5)];
    expect(await syncTracking(row.id)).toBe("shipped");
    expect(await syncTracking(row.id)).toBe("shipped");

    expect(fulfillments()).toHaveLength(1);
    expect(fulfillments()[0]!.trackingInfo.map((t) => t.number)).toEqual([FIRST, SECOND]);
    const messages = fulfillments()[0]!.events.map((e) => e.message);
    expect(messages.filter((m) => m.startsWith(`${SECOND}:`))).toHaveLength(1);
    expect(new Set(messages).size).toBe(messages.length);
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).trackingNumbers).toEqual([FIRST, SECOND]);
  });

  it("waits for the carrier's first scan before creating the fulfillment and telling the customer", async () => {
    let now: Parcel[] = [parcel(FIRST, [])];
    const row = await placedOrderWithParcels(() => now);
    expect(await syncTracking(row.id)).toBe("placed");
    expect(await syncTracking(row.id)).toBe("placed");
    expect(fulfillments()).toHaveLength(0);
    const notes = (await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id, kind: "carrier" } })).map((e) => renderOrderText(e.message));
    expect(notes).toEqual([`The supplier gave tracking number ${FIRST}; the customer is told once the carrier scans it.`]);

    now = [parcel(FIRST, ["info_received"]), parcel(SECOND, [])];
    expect(await syncTracking(row.id)).toBe("shipped");
    expect(fulfillments()[0]!.trackingInfo.map((t) => t.number)).toEqual([FIRST]);
    now = [parcel(FIRST, ["info_received"]), parcel(SECOND, ["info_received"], 5)];
    await syncTracking(row.id);
    expect(fulfillments()[0]!.trackingInfo.map((t) => t.number)).toEqual([FIRST, SECOND]);
  });

  it("tells the buyer delivered only when the last parcel arrives", async () => {
    let now: Parcel[] = [parcel(FIRST, ["in_transit", "delivered"]), parcel(SECOND, ["in_transit"], 5)];
    const row = await placedOrderWithParcels(() => now);

    expect(await syncTracking(row.id)).toBe("shipped");
    const early = fulfillments()[0]!.events;
    expect(early.map((e) => e.status)).not.toContain("DELIVERED");
    expect(early.map((e) => e.message)).toContainEqual(expect.stringMatching(/1 of 2 parcels delivered/));

    now = [parcel(FIRST, ["in_transit", "delivered"]), parcel(SECOND, ["in_transit", "out_for_delivery", "delivered"], 5)];
    expect(await syncTracking(row.id)).toBe("delivered");
    const statuses = fulfillments()[0]!.events.map((e) => e.status);
    expect(statuses.filter((s) => s === "DELIVERED")).toHaveLength(1);
    expect(statuses.at(-1)).toBe("DELIVERED");
  });
});
