import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { sessionToken } from "../test/session-token";
import { uniqueShop } from "../test/webhooks";
import { setFxOverride } from "../server/fx/fx-rates.server";
import { loader as orderBlock } from "./api.extensions.order-block";
import { loader as productBlock } from "./api.extensions.product-block";

const ORIGIN = "https://extensions.shopifycdn.com";

/** A fetch from an admin UI extension: Bearer session token, from Shopify's extension origin. */
function extensionFetch(shop: string, path: string, token = sessionToken({ shop })) {
  return new Request(new URL(path, process.env.SHOPIFY_APP_URL), { headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN } });
}

async function status(promise: Promise<Response>): Promise<number> {
  try { return (await promise).status; } catch (thrown) { if (thrown instanceof Response) return thrown.status; throw thrown; }
}

async function seedSupplierOrder(shop: string, orderNumber: number, extra: Record<string, unknown> = {}) {
  const row = await db.supplierOrder.create({
    data: { shop, orderGid: `gid://shopify/Order/${orderNumber}`, orderName: `#${orderNumber}`, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${Math.random()}`,
      supplier: "cj", warehouse: "CN-SZ", idempotencyKey: `SR-${Math.random()}`, state: "shipped", lines: [{ sku: "SR-1", quantity: 1 }],
      shipTo: { name: "Secret Person", address1: "1 Hidden Lane" }, currency: "USD", revenueMinor: 4900, carrier: "YunExpress",
      trackingNumbers: ["YT2412345678901"], trackingUrl: "https://www.yuntrack.com/track?id=YT2412345678901", supplierOrderId: "CJ-77", ...extra },
  });
  await db.supplierOrderEvent.createMany({ data: [
    { supplierOrderId: row.id, kind: "state", toState: "placed", message: "Placed with CJ", at: new Date("2026-12-01T08:00:00Z") },
    { supplierOrderId: row.id, kind: "carrier", message: "Departed Shenzhen sorting centre", at: new Date("2026-12-03T10:00:00Z") },
  ] });
  return row;
}

async function shop(label: string) {
  const domain = uniqueShop(label);
  await seedInstalledShop(domain);
  return domain;
}

describe("order details block data", () => {
  it("lists the order's supplier orders with carrier, tracking and the latest event, and no buyer address", async () => {
    const mine = await shop("oblock");
    const row = await seedSupplierOrder(mine, 5001);
    const response = await orderBlock(routeArgs(extensionFetch(mine, "/api/extensions/order-block?id=gid://shopify/Order/5001")));
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeTruthy();
    const body = await response.json();
    expect(body).toEqual({ orderGid: "gid://shopify/Order/5001", supplierOrders: [{
      id: row.id, state: "shipped", supplier: "cj", warehouse: "CN-SZ", supplierOrderId: "CJ-77", carrier: "YunExpress",
      trackingNumbers: ["YT2412345678901"], trackingUrl: "https://www.yuntrack.com/track?id=YT2412345678901",
      latestEvent: { message: "Departed Shenzhen sorting centre", at: "2026-12-03T10:00:00.000Z" },
      attention: null, actions: { approve: false, retry: false }, appPath: `/app/orders/${row.id}`,
    }] });
    expect(JSON.stringify(body)).not.toContain("Hidden Lane");
  });

  it("accepts a numeric order id and offers approve and retry on an order needing attention", async () => {
    const mine = await shop("oblock-num");
    await seedSupplierOrder(mine, 5002, { state: "needs_attention", reasonMessage: "The margin is below 25 %." });
    const body = await (await orderBlock(routeArgs(adminRequest(mine, "/api/extensions/order-block?id=5002")))).json();
    expect(body.supplierOrders[0]).toMatchObject({ attention: "The margin is below 25 %.", actions: { approve: true, retry: true } });
  });

  it("never shows another shop's supplier orders for the same order id", async () => {
    const theirs = await shop("oblock-theirs");
    await seedSupplierOrder(theirs, 5003);
    const mine = await shop("oblock-mine");
    const body = await (await orderBlock(routeArgs(extensionFetch(mine, "/api/extensions/order-block?id=gid://shopify/Order/5003")))).json();
    expect(body.supplierOrders).toEqual([]);
  });

  it("refuses a request without a valid session token", async () => {
    const mine = await shop("oblock-auth");
    const url = "/api/extensions/order-block?id=5004";
    expect(await status(orderBlock(routeArgs(new Request(new URL(url, process.env.SHOPIFY_APP_URL), { headers: { Origin: ORIGIN } }))))).not.toBe(200);
    expect(await status(orderBlock(routeArgs(extensionFetch(mine, url, sessionToken({ shop: mine, secret: "forged" })))))).toBe(401);
    expect(await status(orderBlock(routeArgs(extensionFetch(mine, url, sessionToken({ shop: mine, expiresInSeconds: -120 })))))).toBe(401);
  });

  it("answers a bad id with a clear 400", async () => {
    const mine = await shop("oblock-bad");
    const response = await orderBlock(routeArgs(extensionFetch(mine, "/api/extensions/order-block?id=gid://shopify/Product/1")));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "id must be an order id" });
  });
});

describe("product details block data", () => {
  async function seedMapping(domain: string, product: number, variant: number, extra: Record<string, unknown> = {}) {
    await db.variantMapping.create({ data: {
      shop: domain, productGid: `gid://shopify/Product/${product}`, variantGid: `gid://shopify/ProductVariant/${variant}`, supplier: "jd",
      supplierProductId: "JD-1", supplierSku: `JD-SKU-${variant}`, costMinor: 7100, costCurrency: "CNY", stock: { "CN-SZ": 40, "US-LA": 5 },
      lastSyncedAt: new Date("2026-12-05T06:00:00Z"), ...extra,
    } });
  }

  it("gives each mapped variant its supplier SKU, cost, cost in the shop's currency, stock per warehouse and last sync", async () => {
    const mine = await shop("pblock");
    await setFxOverride(mine, "CNY", "USD", 0.14);
    await seedMapping(mine, 6001, 1);
    await seedMapping(mine, 6001, 2, { costMinor: null, costCurrency: null, stock: null, lastSyncedAt: null, syncError: "JD: SKU delisted" });
    const body = await (await productBlock(routeArgs(extensionFetch(mine, "/api/extensions/product-block?id=6001&currency=USD")))).json();
    expect(body).toEqual({
      productGid: "gid://shopify/Product/6001",
      remapPath: "/app/mappings?q=id%3A6001",
      variants: [
        { variantGid: "gid://shopify/ProductVariant/1", supplier: "jd", supplierSku: "JD-SKU-1", cost: { amountMinor: 7100, currency: "CNY" },
          costConverted: { amountMinor: 994, currency: "USD" }, stockByWarehouse: { "CN-SZ": 40, "US-LA": 5 }, totalStock: 45,
          lastSyncedAt: "2026-12-05T06:00:00.000Z", syncError: null },
        { variantGid: "gid://shopify/ProductVariant/2", supplier: "jd", supplierSku: "JD-SKU-2", cost: null, costConverted: null,
          stockByWarehouse: {}, totalStock: 0, lastSyncedAt: null, syncError: "JD: SKU delisted" },
      ],
    });
  });

  it("never shows another shop's mappings for the same product id", async () => {
    const theirs = await shop("pblock-theirs");
    await seedMapping(theirs, 6002, 3);
    const mine = await shop("pblock-mine");
    const body = await (await productBlock(routeArgs(extensionFetch(mine, "/api/extensions/product-block?id=6002")))).json();
    expect(body.variants).toEqual([]);
  });

  it("refuses a forged session token and a malformed currency", async () => {
    const mine = await shop("pblock-auth");
    expect(await status(productBlock(routeArgs(extensionFetch(mine, "/api/extensions/product-block?id=1", sessionToken({ shop: mine, secret: "forged" })))))).toBe(401);
    expect(await status(productBlock(routeArgs(extensionFetch(mine, "/api/extensions/product-block?id=1&currency=usd"))))).toBe(400);
  });
});
