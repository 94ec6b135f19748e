import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordShopLocale, shopLocale } from "../shops.server";
import { renderOrderText } from "./order-text-render.server";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { handBackToShopify } from "./order-actions.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function acceptedOrder({ maxSupplierCostMinor }: { maxSupplierCostMinor?: number } = {}) {
  if (maxSupplierCostMinor !== undefined) await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { maxSupplierCostMinor } });
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return (await world.supplierOrders())[0]!;
}
const foStatus = () => (world.emulator.controls.orders(world.shop) as unknown as { fulfillmentOrders: { status: string; requestStatus: string }[] }[])[0]!.fulfillmentOrders[0]!;

describe("handing an order back to Shopify", () => {
  it("cancels what never reached the supplier and closes the fulfillment order so the merchant can fulfill it elsewhere", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    expect(row.state).toBe("needs_attention");
    expect(foStatus()).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });

    const result = await handBackToShopify(world.shop, row.id);
    expect(result.ok).toBe(true);
    expect(renderOrderText(result.message)).toMatch(/another location/);
    expect(foStatus()).toMatchObject({ status: "INCOMPLETE", requestStatus: "CLOSED" });
    expect(await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "cancelled" });
    expect(world.sandbox.orderCount).toBe(0);
    const timeline = await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id } });
    expect(timeline.map((e) => renderOrderText(e.message))).toContainEqual(expect.stringMatching(/Handed back to Shopify/));
  });

  it("writes its notes to Shopify in the shop staff's language: Chinese once an admin page was opened in zh-CN, English for a shop never seen", async () => {
    const notesOf = (topic: string) => world.emulator.controls.events(world.shop, topic).map((e) => (e.payload as { message?: string | null }).message);
    const english = await acceptedOrder({ maxSupplierCostMinor: 1 });
    expect(await shopLocale(world.shop)).toBeNull();
    expect(notesOf("fulfillment_orders/fulfillment_request_accepted")).toEqual([expect.stringMatching(/^Accepted by Silkroute for the CN-SZ warehouse \(supplier: Sandbox supplier\)\.$/)]);
    await handBackToShopify(world.shop, english.id);
    expect(notesOf("fulfillment_orders/fulfillment_service_failed_to_complete")).toEqual(["Silkroute could not fulfill this from its suppliers; the merchant will fulfill it another way."]);

    await db.shop.upsert({ where: { domain: world.shop }, create: { domain: world.shop }, update: {} });
    await recordShopLocale(world.shop, "zh-CN");
    await acceptedOrder({ maxSupplierCostMinor: 1 });
    const chinese = (await world.supplierOrders()).find((r) => r.id !== english.id)!;
    expect(notesOf("fulfillment_orders/fulfillment_request_accepted").at(-1)).toBe("Silkroute 已接受，由 CN-SZ 仓库处理（供应商：沙盒供应商）。");
    await handBackToShopify(world.shop, chinese.id);
    expect(notesOf("fulfillment_orders/fulfillment_service_failed_to_complete").at(-1)).toBe("Silkroute 无法通过其供应商履约此订单；商家将以其他方式发货。");
  });

  it("treats a second click as done: Shopify refuses to close twice and nothing breaks", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    await handBackToShopify(world.shop, row.id);
    expect(await handBackToShopify(world.shop, row.id)).toMatchObject({ ok: true });
    expect(foStatus().status).toBe("INCOMPLETE");
  });

  it("refuses while the supplier already has the order, and leaves the request with Silkroute", async () => {
    const row = await acceptedOrder();
    expect(row.state).toBe("placed");
    const result = await handBackToShopify(world.shop, row.id);
    expect(result.ok).toBe(false);
    expect(renderOrderText(result.message)).toMatch(/already with Sandbox supplier \(Placed\)/);
    expect(renderOrderText(result.message, "zh-CN")).toMatch(/已在沙盒供应商处（已下单|已在沙盒供应商处（/);
    expect(foStatus()).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("placed");
  });

  it("does not let another shop hand back this shop's order", async () => {
    const row = await acceptedOrder({ maxSupplierCostMinor: 1 });
    expect(await handBackToShopify("someone-else.myshopify.com", row.id)).toMatchObject({ ok: false });
    expect(foStatus().status).toBe("IN_PROGRESS");
  });
});
