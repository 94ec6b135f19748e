import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../fulfillment/order-text-render.server";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { buildConsolidationOrder, startJdWorld, stockedSkus, type JdWorld } from "../suppliers/jd/emulator/jd-emulator.fixture";
import { JD_LIFECYCLE } from "../suppliers/jd/emulator/vop-order-lifecycle";
import { recordJdChildOrders } from "./jd-child-orders.server";

let world: JdWorld;
let shop: string;
let rowId: string;
let key: string;

async function ourJdOrder(shippers: number[]): Promise<void> {
  key = `${shop}-so1`;
  const lines = stockedSkus(world, shippers).map((supplierVariantId) => ({ supplierVariantId, quantity: 1 }));
  const reserved = await world.adapter.twoPhase!.reserveOrder(buildConsolidationOrder({ idempotencyKey: key, lines }));
  if (!reserved.ok) throw new Error(reserved.error.message);
  await world.adapter.twoPhase!.confirmOrder(key); // JD splits at confirmation, by shipping warehouse
  const row = await db.supplierOrder.create({ data: {
    shop, orderGid: "gid://shopify/Order/1", orderName: "#1001", fulfillmentOrderGid: "gid://shopify/FulfillmentOrder/1", supplier: "jd", warehouse: "CN-JD",
    idempotencyKey: key, state: "placed", lines: [], currency: "USD", revenueMinor: 4900, supplierOrderId: reserved.value.supplierOrderId, supplierStatus: "accepted",
  } });
  rowId = row.id;
}
const childNotes = async () => (await db.supplierOrderEvent.findMany({ where: { supplierOrderId: rowId, kind: "supplier" }, orderBy: { at: "asc" } })).map((e) => renderOrderText(e.message));

beforeEach(async () => { world = await startJdWorld(); shop = uniqueShop("jd-children"); });
afterEach(() => world.close());

describe("JD split orders on the order page", () => {
  it("shows the split and records each child's step once, however often tracking is polled", async () => {
    await ourJdOrder([0, 1]);
    const first = await recordJdChildOrders(shop, key, world.adapter);
    expect(renderOrderText(first)).toMatch(/^JD split this order into 2: \d+ accepted \d+ accepted$/);
    expect(renderOrderText(first, "zh-CN")).toMatch(/^京东已将此订单拆分为 2 个：\d+ 已确认\d+ 已确认$/);
    expect(await childNotes()).toEqual([
      expect.stringMatching(/^JD child order \d+ \(1 of 2\): confirmed at JD/), expect.stringMatching(/^JD child order \d+ \(2 of 2\): confirmed at JD/),
    ]);

    world.clock.advance(JD_LIFECYCLE.shipped + 60_000); // the first child ships; the second 6 h later
    await recordJdChildOrders(shop, key, world.adapter);
    await recordJdChildOrders(shop, key, world.adapter);
    const notes = await childNotes();
    expect(notes).toHaveLength(4);
    expect(notes.slice(2)).toEqual([
      expect.stringMatching(/^JD child order \d+ \(1 of 2\): shipped by JD to the consolidation warehouse\.$/),
      expect.stringMatching(/^JD child order \d+ \(2 of 2\): being picked and packed at JD\.$/),
    ]);
    expect(renderOrderText((await db.supplierOrder.findUniqueOrThrow({ where: { id: rowId } })).supplierStatus)).toMatch(/: \d+ shipped \d+ processing$/);
  });

  it("leaves an order JD did not split as it is", async () => {
    await ourJdOrder([0]);
    expect(await recordJdChildOrders(shop, key, world.adapter)).toBeNull();
    expect(await childNotes()).toEqual([]);
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: rowId } })).supplierStatus).toBe("accepted");
  });
});
