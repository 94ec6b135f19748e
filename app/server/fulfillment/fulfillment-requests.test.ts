import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { action as notificationAction } from "../../routes/fulfillment-service.fulfillment_order_notification";
import { startWorld, type World } from "./test-world";
import { recordShopLocale } from "../shops.server";
import { processFulfillmentRequests } from "./fulfillment-requests.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

async function deliverNotification(kind = "FULFILLMENT_REQUEST") {
  const n = world.notifications(kind).at(-1)!;
  const request = new Request(`${process.env.SHOPIFY_APP_URL}/fulfillment-service/fulfillment_order_notification`, { method: "POST", headers: n.headers, body: n.body });
  return notificationAction({ request, params: {}, context: {} });
}

const foOf = (orderId: string) => world.emulator.controls.orders(world.shop).find((o) => o.id === orderId)!.fulfillmentOrders[0]!;

describe("fulfillment requests from Shopify", () => {
  it("accepts a signed notification's request and places one supplier order under our key", async () => {
    const order = world.placeOrder();
    await world.emulator.controls.settle();
    expect((await deliverNotification()).status).toBe(200);
    await world.drain();
    expect(foOf(order.id)).toMatchObject({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    const [row] = await world.supplierOrders();
    expect(row).toMatchObject({ state: "placed", supplier: "sandbox", warehouse: "CN-SZ", fulfillmentOrderGid: foOf(order.id).id });
    expect(row!.supplierOrderId).toMatch(/^SBO/);
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("refuses a notification whose HMAC is wrong", async () => {
    world.placeOrder();
    await world.emulator.controls.settle();
    const n = world.notifications().at(-1)!;
    const headers = new Headers(n.headers);
    headers.set("x-shopify-hmac-sha256", "AAAA");
    const request = new Request(`${process.env.SHOPIFY_APP_URL}/fulfillment-service/fulfillment_order_notification`, { method: "POST", headers, body: n.body });
    const response = await notificationAction({ request, params: {}, context: {} }).catch((r: Response) => r);
    expect(response.status).toBe(401); // as for webhooks: a bad signature is a 401 (reference §5)
  });

  it("places one supplier order however often the notification and orders/create arrive", async () => {
    const order = world.placeOrder();
    await world.emulator.controls.settle();
    await deliverNotification();
    await deliverNotification();
    const { enqueueOrderSync } = await import("./queues.server");
    await enqueueOrderSync(world.shop, order.id);
    await world.drain();
    await deliverNotification();
    await world.drain();
    expect(await world.supplierOrders()).toHaveLength(1);
    expect(world.sandbox.orderCount).toBe(1);
  });

  it.each([
    ["INCORRECT_ADDRESS", { zip: "ABC" }, /postal code/],
    ["INVALID_CONTACT_INFORMATION", { countryCode: "BR", zip: "01310-100", city: "São Paulo", phone: "" }, /phone number/],
    ["UNDELIVERABLE_DESTINATION", { countryCode: "KP", zip: "" }, /do not deliver/],
    ["INCORRECT_ADDRESS", { address1: "ул. Тверская 7", countryCode: "DE" }, /Latin/],
  ])("rejects the request with %s when the address is wrong (%j)", async (reason, address, message) => {
    const order = world.placeOrder(address as Record<string, string>);
    await world.emulator.controls.settle();
    await deliverNotification();
    await world.drain();
    expect(foOf(order.id)).toMatchObject({ requestStatus: "REJECTED" });
    const rejected = world.emulator.controls.events(world.shop, "fulfillment_orders/fulfillment_request_rejected").at(-1)!;
    expect(rejected.payload).toMatchObject({ reason });
    expect(String((rejected.payload as { message: string }).message)).toMatch(message);
    expect(await world.supplierOrders()).toHaveLength(0);
  });

  it.each([
    ["INVALID_SKU", async () => db.variantMapping.deleteMany({ where: { shop: world.shop } }), /not linked to a supplier product/],
    // Outside the EU; an EU parcel without an HS code is accepted and held instead (customs-hold.test.ts).
    ["MISSING_CUSTOMS_INFO", async () => db.variantMapping.updateMany({ where: { shop: world.shop }, data: { hsCode: null } }), /HS code/,
      { city: "Springfield", province: "IL", zip: "62701", countryCode: "US", address1: "1 Main St" }],
    ["INVENTORY_OUT_OF_STOCK", async () => db.variantMapping.updateMany({ where: { shop: world.shop }, data: { stock: { "CN-SZ": 0 } } }), /has 0 of/],
  ])("rejects the request with %s when the mapping says so", async (reason, arrange, message, address?: Record<string, string>) => {
    await arrange();
    const order = world.placeOrder(address);
    await world.emulator.controls.settle();
    await deliverNotification();
    await world.drain();
    expect(foOf(order.id)).toMatchObject({ requestStatus: "REJECTED" });
    const rejected = world.emulator.controls.events(world.shop, "fulfillment_orders/fulfillment_request_rejected").at(-1)!;
    expect(rejected.payload).toMatchObject({ reason });
    expect(String((rejected.payload as { message: string }).message)).toMatch(message);
  });

  it("writes the rejection in the shop staff's language: Chinese for a zh-CN shop, English for a shop never seen", async () => {
    const rejection = async (address: Record<string, string>) => {
      world.placeOrder(address);
      await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
      return String((world.emulator.controls.events(world.shop, "fulfillment_orders/fulfillment_request_rejected").at(-1)!.payload as { message: string }).message);
    };
    expect(await rejection({ countryCode: "US", zip: "1234" })).toBe("The postal code does not look like a valid US ZIP code. Correct it on the order, then retry.");
    await db.shop.upsert({ where: { domain: world.shop }, create: { domain: world.shop }, update: {} });
    await recordShopLocale(world.shop, "zh-CN");
    expect(await rejection({ countryCode: "US", zip: "1234" })).toBe("邮政编码不符合美国 ZIP 编码的格式。请在订单上更正后重试。");
    expect(await rejection({ city: "", address1: "" })).toBe("收货地址缺少街道地址、城市。请在 Shopify 中编辑订单的收货地址后重试。");
  });

  it("transliterates accented Latin addresses for the supplier label", async () => {
    world.placeOrder({ city: "Düsseldorf", zip: "40213", address1: "Königsallee 1" });
    await world.emulator.controls.settle();
    await deliverNotification();
    await world.drain();
    const [row] = await world.supplierOrders();
    expect(row!.shipTo).toMatchObject({ city: "Dusseldorf", address1: "Konigsallee 1" });
  });
});
