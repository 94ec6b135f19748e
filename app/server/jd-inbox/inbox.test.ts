import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../fulfillment/order-text-render.server";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { buildConsolidationOrder, startJdWorld, stockedSkus, type JdWorld } from "../suppliers/jd/emulator/jd-emulator.fixture";
import { JD_LIFECYCLE } from "../suppliers/jd/emulator/vop-order-lifecycle";
import type { JdAdapter } from "../suppliers/jd/index";
import { SUPPLIER_EVENTS_QUEUE } from "../sourcing/sync/supplier-events.server";
import { Q } from "../fulfillment/queues.server";
import { applyPending, pollJdMessages } from "./inbox.server";

let world: JdWorld;
let shop: string;
let rowId: string;
let sku: string;

beforeEach(async () => {
  world = await startJdWorld();
  shop = uniqueShop("jd-inbox");
  const [a, b] = stockedSkus(world, [0, 1]);
  sku = a!;
  // A split JD order of ours (two shippers), and a mapped SKU whose price JD then changes.
  const placed = await world.adapter.createOrder(buildConsolidationOrder({ idempotencyKey: `${shop}-so1`, lines: [{ supplierVariantId: a!, quantity: 1 }, { supplierVariantId: b!, quantity: 1 }] }));
  if (!placed.ok) throw new Error(placed.error.message);
  const row = await db.supplierOrder.create({ data: {
    shop, orderGid: "gid://shopify/Order/1", orderName: "#1001", fulfillmentOrderGid: "gid://shopify/FulfillmentOrder/1", supplier: "jd", warehouse: "CN-JD",
    idempotencyKey: `${shop}-so1`, state: "placed", lines: [], currency: "USD", revenueMinor: 4900, supplierOrderId: placed.value.supplierOrderId,
  } });
  rowId = row.id;
  await db.variantMapping.create({ data: { shop, productGid: "gid://shopify/Product/1", variantGid: "gid://shopify/ProductVariant/1", supplier: "jd", supplierProductId: a!, supplierSku: a! } });
  world.emulator.setPrice(Number(a), 12_345);
  world.clock.advance(JD_LIFECYCLE.shipped + 60_000); // the first child ships: message 12
});
afterEach(() => world.close());

const crashOnFirstAck = (jd: JdAdapter): JdAdapter => ({
  ...jd, jd: { ...jd.jd, messages: { ...jd.jd.messages, del: async () => { throw new Error("worker killed between store and ack"); } } },
});
const jobs = (queue: string) => db.job.count({ where: { shop, queue } });
const notes = () => db.supplierOrderEvent.findMany({ where: { supplierOrderId: rowId, kind: "supplier" } });

describe("JD message queue", () => {
  it("loses no message and applies none twice when the worker dies between storing and acknowledging", async () => {
    await expect(pollJdMessages(shop, crashOnFirstAck(world.adapter))).rejects.toThrow("worker killed");
    expect(await db.jdMessageInbox.count({ where: { shop } })).toBe(1); // stored, never acknowledged
    const onJd = world.emulator.messages.pending.length;
    expect(onJd).toBeGreaterThanOrEqual(3); // split (1), price (2), shipment (12) — all still at JD

    const run = await pollJdMessages(shop, world.adapter);
    expect(run).toMatchObject({ received: onJd, stored: onJd - 1, acked: onJd, failed: 0 });
    expect(world.emulator.messages.pending).toHaveLength(0);
    expect(await db.jdMessageInbox.count({ where: { shop } })).toBe(onJd);
    expect(await db.jdMessageInbox.count({ where: { shop, appliedAt: null } })).toBe(0);
    // The price message names its SKU: one supplier event for that SKU, and the event sync is queued.
    expect(await db.supplierChangeEvent.findMany({ where: { shop }, select: { supplier: true, supplierSku: true, eventKey: true } }))
      .toEqual([{ supplier: "jd", supplierSku: sku, eventKey: expect.stringMatching(/^jd-message:/) }]);
    expect(await jobs(SUPPLIER_EVENTS_QUEUE)).toBe(1);
    const messages = (await notes()).map((e) => renderOrderText(e.message));
    expect(messages.filter((m) => m.includes("split"))).toHaveLength(1);
    expect(messages.filter((m) => m.includes("配送单生成"))).toHaveLength(1);

    // Applying the same rows again (a crash after the effects, before they were marked) changes nothing.
    const tracking = await jobs(Q.syncTracking);
    await db.jdMessageInbox.updateMany({ where: { shop }, data: { appliedAt: null } });
    await applyPending(shop, world.adapter);
    expect(await db.supplierChangeEvent.count({ where: { shop } })).toBe(1);
    expect(await jobs(SUPPLIER_EVENTS_QUEUE)).toBe(1);
    expect(await jobs(Q.syncTracking)).toBe(tracking);
    expect(await notes()).toHaveLength(messages.length);
  });

  it("names the child order JD shipped and finds our parent order for it", async () => {
    await pollJdMessages(shop, world.adapter);
    const detail = await world.adapter.jd.orderDetail(`${shop}-so1`);
    const firstChild = detail.ok && detail.value!.childIds[0];
    expect((await notes()).map((e) => renderOrderText(e.message))).toContainEqual(expect.stringContaining(`JD created the delivery for order ${firstChild}`));
  });
});
