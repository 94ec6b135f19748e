import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "./order-text-render.server";
import db from "../../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../../test/admin-session";
import { actionArgs, signedWebhook, uniqueShop } from "../../test/webhooks";
import { action as placedOnHold } from "../../routes/webhooks.fulfillment_orders.placed_on_hold";
import { action as holdReleased } from "../../routes/webhooks.fulfillment_orders.hold_released";
import { action as routingComplete } from "../../routes/webhooks.fulfillment_orders.order_routing_complete";
import { action as foCancelled } from "../../routes/webhooks.fulfillment_orders.cancelled";
import { loader as listLoader } from "../../routes/app.orders._index";
import { loader as detailLoader } from "../../routes/app.orders.$id";
import { isFulfillmentOrderHeld, reconcileHold } from "./holds.server";
import { Q } from "./queues.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";

const fo = (n: number) => `gid://shopify/FulfillmentOrder/${n}`;

async function shopWithRow(state = "pending", foGid = fo(Math.floor(Math.random() * 1e9))) {
  const shop = uniqueShop("holds");
  await seedInstalledShop(shop);
  const row = await db.supplierOrder.create({
    data: { shop, orderGid: "gid://shopify/Order/77", orderName: "#1077", fulfillmentOrderGid: foGid, supplier: "sandbox", warehouse: "CN-SZ",
      idempotencyKey: `SR-${Math.random()}`, state, lines: [{ sku: "SR-1", quantity: 1, supplierVariantId: "SBX000001-01" }], currency: "USD", revenueMinor: 4900 },
  });
  return { shop, row, foGid };
}

// The shape of Shopify's sample payload (2026-07 webhook reference).
const placedOnHoldPayload = (foGid: string, reason = "awaiting_payment", notes: string | null = "Bank transfer not received") => ({
  fulfillment_order: { id: foGid, status: "on_hold", fulfillment_holds: [{ id: "gid://shopify/FulfillmentHold/1", reason, reason_notes: notes, handle: "", held_by_requesting_app: false }] },
  remaining_fulfillment_order: null,
  held_fulfillment_order_line_items: [],
  created_fulfillment_hold: { id: "gid://shopify/FulfillmentHold/1", reason, reason_notes: notes, handle: "", held_by_requesting_app: false },
});

const deliver = (action: typeof placedOnHold, topic: string, shop: string, payload: unknown, webhookId = `${shop}-${Math.random()}`) =>
  action(actionArgs(signedWebhook({ topic: `fulfillment_orders/${topic}`, shop, payload, webhookId })));

const events = async (supplierOrderId: string) => (await db.supplierOrderEvent.findMany({ where: { supplierOrderId }, orderBy: { at: "asc" } })).map((e) => renderOrderText(e.message));
const jobs = (shop: string) => db.job.findMany({ where: { shop }, select: { queue: true, payload: true, dedupeKey: true }, orderBy: { dedupeKey: "asc" } });

describe("fulfillment-order holds", () => {
  it("records the hold and its reason from placed_on_hold, reports the fulfillment order held and notes it on the waiting supplier order", async () => {
    const { shop, row, foGid } = await shopWithRow("pending");
    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(false);
    expect((await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid))).status).toBe(200);
    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(true);
    expect(await isFulfillmentOrderHeld(uniqueShop("other"), foGid)).toBe(false);
    expect(await events(row.id)).toEqual(["On hold in Shopify: Awaiting payment: Bank transfer not received. Nothing goes to the supplier until the hold is released."]);
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ state: "pending" });
  });

  it("shows a held order as on hold in Shopify, with the reason, in the orders list and on the order page", async () => {
    const { shop, row, foGid } = await shopWithRow("awaiting_approval");
    await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid, "high_risk_of_fraud", null));
    const list = await (await listLoader(routeArgs(adminRequest(shop, "/app/orders?tab=attention")))).json();
    expect(list.rows).toEqual([expect.objectContaining({ id: row.id, hold: "High risk of fraud" })]);
    expect(JSON.stringify(list)).not.toContain("FulfillmentOrder/");
    const detail = await (await detailLoader(routeArgs(adminRequest(shop, `/app/orders/${row.id}`), { id: row.id }))).json();
    expect(detail.hold).toEqual({ reason: "high_risk_of_fraud", notes: null });
  });

  it("only notes a hold on a supplier order that is already with the supplier", async () => {
    const { shop, row, foGid } = await shopWithRow("placed");
    await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid, "other", "check stock"));
    expect(await events(row.id)).toEqual(["On hold in Shopify: Other: check stock. Already with the supplier; nothing was stopped."]);
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ state: "placed" });
    expect((await jobs(shop)).filter((j) => j.queue !== Q.reconcileHold)).toEqual([]); // only the check against Shopify
  });

  it("clears the hold on hold_released, resumes placement and syncs the order's requests once per webhook id", async () => {
    const { shop, row, foGid } = await shopWithRow("pending");
    await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid));
    const released = { fulfillment_order: { id: foGid, status: "open" } };
    for (const id of ["w-1", "w-1", "w-2"]) expect((await deliver(holdReleased, "hold_released", shop, released, `${shop}-${id}`)).status).toBe(200);

    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(false);
    const queued = await jobs(shop);
    expect(queued.filter((j) => j.queue === Q.syncOrder)).toEqual([
      { queue: Q.syncOrder, payload: { shop, orderGid: "gid://shopify/Order/77" }, dedupeKey: `${shop}:resync:${shop}-w-1` },
      { queue: Q.syncOrder, payload: { shop, orderGid: "gid://shopify/Order/77" }, dedupeKey: `${shop}:resync:${shop}-w-2` },
    ]);
    expect(queued.filter((j) => j.queue === Q.place).map((j) => j.dedupeKey)).toEqual([`${row.id}:released-${shop}-w-1`, `${row.id}:released-${shop}-w-2`]);
    expect((await events(row.id)).at(-1)).toBe("Hold released in Shopify; checking again before sending to the supplier.");
  });

  it("keeps the hold when hold_released says the fulfillment order is still on hold", async () => {
    const { shop, foGid } = await shopWithRow("pending");
    await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid));
    await deliver(holdReleased, "hold_released", shop, { fulfillment_order: { id: foGid, status: "on_hold" } });
    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(true);
    expect((await jobs(shop)).filter((j) => j.queue !== Q.reconcileHold)).toEqual([]); // only the check against Shopify
  });

  it("forgets the hold of a fulfillment order Shopify cancels, since no release will come for it", async () => {
    const { shop, foGid } = await shopWithRow("pending");
    await deliver(placedOnHold, "placed_on_hold", shop, placedOnHoldPayload(foGid));
    await deliver(foCancelled, "cancelled", shop, { fulfillment_order: { id: foGid, status: "cancelled" } });
    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(false);
  });

  it("reads the shop's pending requests once per order_routing_complete for a fulfillment order it has no rows for, and syncs the order when it has", async () => {
    const shop = uniqueShop("routing");
    await seedInstalledShop(shop);
    for (const id of ["r-1", "r-1"]) await deliver(routingComplete, "order_routing_complete", shop, { fulfillment_order: { id: fo(4242), status: "open" } }, `${shop}-${id}`);
    expect(await jobs(shop)).toEqual([{ queue: Q.processRequests, payload: { shop, kind: "FULFILLMENT_REQUEST" }, dedupeKey: `${shop}:resync:${shop}-r-1` }]);

    const known = await shopWithRow("pending");
    await deliver(routingComplete, "order_routing_complete", known.shop, { fulfillment_order: { id: known.foGid, status: "open" } });
    expect(await jobs(known.shop)).toEqual([expect.objectContaining({ queue: Q.syncOrder, payload: { shop: known.shop, orderGid: "gid://shopify/Order/77" } })]);
  });

  it("acknowledges malformed payloads with 200 and changes nothing", async () => {
    const { shop, row, foGid } = await shopWithRow("pending");
    const malformed = [{}, { fulfillment_order: {} }, { fulfillment_order: { id: "gid://shopify/Order/1" } }, { fulfillment_order: { id: "not-an-id" } }, []];
    expect((await deliver(placedOnHold, "placed_on_hold", shop, { fulfillment_order: { id: foGid, fulfillment_holds: "none" } })).status).toBe(200);
    for (const payload of malformed) {
      expect((await deliver(placedOnHold, "placed_on_hold", shop, payload)).status).toBe(200);
      expect((await deliver(holdReleased, "hold_released", shop, payload)).status).toBe(200);
      expect((await deliver(routingComplete, "order_routing_complete", shop, payload)).status).toBe(200);
    }
    expect(await db.fulfillmentOrderHold.count({ where: { shop } })).toBe(0);
    expect((await jobs(shop)).filter((j) => j.queue !== Q.reconcileHold)).toEqual([]); // only the check against Shopify
    expect(await events(row.id)).toEqual([]);
  });

  it("refuses a placed_on_hold delivery with a bad HMAC", async () => {
    const { shop, foGid } = await shopWithRow("pending");
    const request = signedWebhook({ topic: "fulfillment_orders/placed_on_hold", shop, payload: placedOnHoldPayload(foGid), hmac: "bm90IHRoZSBzaWduYXR1cmU=" });
    expect((await placedOnHold(actionArgs(request))).status).toBe(401);
    expect(await isFulfillmentOrderHeld(shop, foGid)).toBe(false);
  });
});

describe("a Shopify hold against the emulator", () => {
  let world: World;
  beforeEach(async () => { world = await startWorld(); });
  afterEach(async () => { await world.close(); });

  const HOLD = `mutation($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: {reason: AWAITING_PAYMENT, reasonNotes: "Bank transfer"}) { userErrors { message } } }`;
  const RELEASE = `mutation($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { userErrors { message } } }`;

  it("corrects a placed_on_hold that arrives after its hold_released by reading the hold from Shopify", async () => {
    world.placeOrder();
    const foGid = world.emulator.controls.orders(world.shop)[0]!.fulfillmentOrders[0]!.id as string;
    await world.emulator.graphql(world.shop, HOLD, { id: foGid });
    await world.emulator.graphql(world.shop, RELEASE, { id: foGid });
    const [onHold] = world.emulator.controls.events(world.shop, "fulfillment_orders/placed_on_hold");
    const [released] = world.emulator.controls.events(world.shop, "fulfillment_orders/hold_released");
    // Shopify retried the hold webhook, so the release reached us first.
    await deliver(holdReleased, "hold_released", world.shop, released!.payload);
    await deliver(placedOnHold, "placed_on_hold", world.shop, onHold!.payload);
    expect(await isFulfillmentOrderHeld(world.shop, foGid)).toBe(true);

    await world.drain(); // the reconcile jobs read the FO: OPEN, no holds
    expect(await isFulfillmentOrderHeld(world.shop, foGid)).toBe(false);
    await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
    await world.drain();
    expect(await world.supplierOrders()).toEqual([expect.objectContaining({ fulfillmentOrderGid: foGid, state: "placed" })]);
  });

  it("records a hold whose webhook never came when the next reconcile finds it in Shopify", async () => {
    world.placeOrder();
    const foGid = world.emulator.controls.orders(world.shop)[0]!.fulfillmentOrders[0]!.id as string;
    await world.emulator.graphql(world.shop, HOLD, { id: foGid });
    expect(await reconcileHold(world.shop, foGid, "job-1")).toBe("held");
    expect(await isFulfillmentOrderHeld(world.shop, foGid)).toBe(true);
    expect(await reconcileHold(world.shop, foGid, "job-2")).toBe("unchanged");
  });

  it("leaves a held fulfillment order's request unaccepted and answers it once the release arrives, then the supplier order goes out", async () => {
    world.placeOrder();
    const foOf = () => world.emulator.controls.orders(world.shop)[0]!.fulfillmentOrders[0]!;
    const foGid = foOf().id as string;
    await world.emulator.graphql(world.shop, HOLD, { id: foGid });
    const [onHold] = world.emulator.controls.events(world.shop, "fulfillment_orders/placed_on_hold");
    expect((await deliver(placedOnHold, "placed_on_hold", world.shop, onHold!.payload)).status).toBe(200);
    expect(await isFulfillmentOrderHeld(world.shop, foGid)).toBe(true);

    await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
    expect(foOf()).toMatchObject({ status: "ON_HOLD", requestStatus: "SUBMITTED" }); // Shopify refuses to accept a held request

    await world.emulator.graphql(world.shop, RELEASE, { id: foGid });
    const [released] = world.emulator.controls.events(world.shop, "fulfillment_orders/hold_released");
    expect((await deliver(holdReleased, "hold_released", world.shop, released!.payload)).status).toBe(200);
    expect(await isFulfillmentOrderHeld(world.shop, foGid)).toBe(false);
    await world.drain({ dueOnly: true });
    expect(foOf()).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    expect(await world.supplierOrders()).toEqual([expect.objectContaining({ fulfillmentOrderGid: foGid, state: "placed" })]);
  });
});
