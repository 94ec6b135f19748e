import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { startWorld, type World } from "../test-world";
import { processFulfillmentRequests } from "../fulfillment-requests.server";
import { supplierAdapter, useSupplierAdapters } from "../supplier-gateway.server";
import { syncTracking } from "./sync-tracking.server";
import { buildS10 } from "../../suppliers/tracking-number";
import type { SupplierAdapter } from "../../suppliers/supplier-adapter";
import type { Parcel, TrackingEvent } from "../../suppliers/supplier-order-models";
import { TRACKING_NUMBER_FLAG } from "./carriers";
import { orderText } from "../order-text";
import { translator } from "../../../i18n/translate.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

const NUMBER = buildS10("LX", "10000001", "CN");
const scan = (hour: number, status: TrackingEvent["status"], description: string): TrackingEvent => ({ at: new Date(Date.UTC(2026, 10, 1, hour)).toISOString(), status, description });

async function placedOrderWith(parcels: () => Parcel[]) {
  const base = await supplierAdapter(world.shop, "sandbox");
  useSupplierAdapters(async () => ({ ...base, getTracking: async (key: string) => ({ ok: true as const, value: { idempotencyKey: key, parcels: parcels() } }) }) as SupplierAdapter);
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const [row] = await world.supplierOrders();
  return row!;
}
const shopifyEvents = () => (world.emulator.controls.fulfillments(world.shop) as unknown as { events: { status: string; message: string }[] }[])[0]?.events ?? [];

describe("tracking events follow Shopify's model", () => {
  it("keeps Shopify at DELIVERED when a later scan arrives in the same poll, and keeps that scan on our timeline", async () => {
    const row = await placedOrderWith(() => [{ trackingNumber: NUMBER, carrier: { name: "China Post" }, status: "delivered", events: [
      scan(0, "in_transit", "Departed from facility"), scan(5, "delivered", "Delivered, signed by resident"), scan(7, "in_transit", "Arrived at sorting hub"),
    ] }]);
    expect(await syncTracking(row.id)).toBe("delivered");
    expect(shopifyEvents().map((e) => e.status)).toEqual(["IN_TRANSIT", "DELIVERED"]);
    const timeline = (await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id, kind: "carrier" } })).map((e) => e.message);
    expect(timeline.some((m) => m.includes("Arrived at sorting hub"))).toBe(true);
  });

  it("posts a pickup scan as CARRIER_PICKED_UP, a pickup point as READY_FOR_PICKUP and a failed attempt as ATTEMPTED_DELIVERY", async () => {
    const row = await placedOrderWith(() => [{ trackingNumber: NUMBER, carrier: { name: "China Post" }, status: "out_for_delivery", events: [
      scan(0, "in_transit", "Picked up by carrier"), scan(3, "out_for_delivery", "Delivery attempted - no one home"),
      scan(5, "out_for_delivery", "Available for pickup at the post office"),
    ] }]);
    await syncTracking(row.id);
    expect(shopifyEvents().map((e) => e.status)).toEqual(["CARRIER_PICKED_UP", "ATTEMPTED_DELIVERY", "READY_FOR_PICKUP"]);
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("shipped"); // an attempt is not an exception
  });

  it("passes a number with a wrong S10 check digit to Shopify and flags it for the merchant with a tracking page", async () => {
    const wrong = NUMBER.slice(0, 10) + String((Number(NUMBER[10]) + 1) % 10) + NUMBER.slice(11);
    const row = await placedOrderWith(() => [{ trackingNumber: wrong, carrier: { name: "China Post" }, status: "in_transit", events: [scan(0, "in_transit", "Departed from facility")] }]);
    expect(await syncTracking(row.id)).toBe("shipped");
    const fulfillment = (world.emulator.controls.fulfillments(world.shop) as unknown as { trackingInfo: { number: string }[] }[])[0]!;
    expect(fulfillment.trackingInfo.map((t) => t.number)).toEqual([wrong]);
    const after = await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.flagCode).toBe(TRACKING_NUMBER_FLAG);
    const flags = (await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id, kind: "flag" } })).map((e) => e.message);
    expect(flags).toEqual([expect.stringContaining(`https://t.17track.net/en#nums=${wrong}`)]);
    // The doubt is a catalog sentence, read in the merchant's language (not English carried in a {detail}).
    expect(orderText(flags[0]).map(translator("zh-CN"))).toEqual([`物流单号 ${wrong} 已传给 Shopify，但其 UPU S10 校验位不匹配，可能输错了。请在物流查询页面（https://t.17track.net/en#nums=${wrong}）核对，或询问供应商。`]);
    await syncTracking(row.id); // the next poll neither clears the flag nor repeats it
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).flagCode).toBe(TRACKING_NUMBER_FLAG);
    expect(await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, kind: "flag" } })).toBe(1);
  });
});
