import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleShellApi } from "./shell-api";
import { startWorld, type World } from "../../server/fulfillment/test-world";
import { processFulfillmentRequests } from "../../server/fulfillment/fulfillment-requests.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

const order = (extra: Record<string, unknown> = {}) => ({
  lines: [{ variantId: world.variantGid, quantity: 1 }],
  shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE" },
  ...extra,
});
const fo = () => world.emulator.controls.orders(world.shop)[0]!.fulfillmentOrders[0]! as unknown as { status: string; requestStatus: string };

describe("the test store's payment-pending orders", () => {
  it("places an order on hold instead of requesting fulfillment, and releasing the hold sends the request on", async () => {
    const placed = await handleShellApi(world.emulator, world.shop, "POST", "orders", () => order({ hold: { reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer" } }));
    expect(placed.status).toBe(201);
    expect(fo()).toMatchObject({ status: "ON_HOLD", requestStatus: "UNSUBMITTED" });
    expect(world.emulator.controls.events(world.shop, "fulfillment_orders/placed_on_hold")).toHaveLength(1);
    await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
    expect(await world.supplierOrders()).toEqual([]); // nothing was requested, so nothing goes to the supplier

    const released = await handleShellApi(world.emulator, world.shop, "POST", "orders/release-hold", () => ({ orderId: (placed.body as { id: string }).id }));
    expect((released.body as { released: string[] }).released).toHaveLength(1);
    expect(fo()).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    expect(world.emulator.controls.events(world.shop, "fulfillment_orders/hold_released")).toHaveLength(1);
    await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
    await world.drain({ dueOnly: true });
    expect(await world.supplierOrders()).toEqual([expect.objectContaining({ state: "placed" })]);
  });

  it("requests fulfillment at once for an order without a hold, and has nothing to release", async () => {
    const placed = await handleShellApi(world.emulator, world.shop, "POST", "orders", () => order());
    expect(fo()).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    const released = await handleShellApi(world.emulator, world.shop, "POST", "orders/release-hold", () => ({ orderId: (placed.body as { id: string }).id }));
    expect(released.body).toEqual({ released: [] });
    expect((await handleShellApi(world.emulator, world.shop, "POST", "orders/release-hold", () => ({ orderId: "gid://shopify/Order/404" }))).status).toBe(404);
  });
});
