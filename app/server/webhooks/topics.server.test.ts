import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { buildOrderPayload } from "../../test/builders";
import { runEnqueuedJob } from "../../test/jobs";
import { actionArgs, signedWebhook, uniqueShop } from "../../test/webhooks";
import { action as appUninstalled } from "../../routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../../routes/webhooks.app.scopes_update";
import { action as orderCreated } from "../../routes/webhooks.orders.create";
import { action as orderCancelled } from "../../routes/webhooks.orders.cancelled";
import { action as dataRequest } from "../../routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../routes/webhooks.customers.redact";
import { action as shopRedact } from "../../routes/webhooks.shop.redact";
import { action as productDeleted } from "../../routes/webhooks.products.delete";
import { action as productUpdated } from "../../routes/webhooks.products.update";
import { complianceJobHandlers } from "../compliance/jobs.server";
import { putSecret } from "../security/secrets.server";

async function installShop(shop: string) {
  await db.shop.create({ data: { domain: shop } });
  await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_x", scope: "read_products" } });
}

async function deliver(route: typeof orderCreated, topic: string, shop: string, payload: unknown, webhookId?: string) {
  const response = await route(actionArgs(signedWebhook({ topic, shop, payload, webhookId })));
  expect(response.status).toBe(200);
}

describe("webhook topics", () => {
  it("orders/create keeps a snapshot of the order with GIDs and minor units", async () => {
    const shop = uniqueShop("orders");
    const payload = buildOrderPayload();
    await deliver(orderCreated, "orders/create", shop, payload);
    const order = await db.shopOrder.findUniqueOrThrow({ where: { shop_orderGid: { shop, orderGid: `gid://shopify/Order/${payload.id}` } } });
    expect(order.totalMinor).toBe(4990);
    expect(order.customerGid).toBe(`gid://shopify/Customer/${payload.customer.id}`);
    expect(order.lineItems).toEqual([expect.objectContaining({ sku: "SR-CASE-BLK", quantity: 2, priceMinor: 2495 })]);
  });

  it("orders/cancelled marks the snapshot cancelled", async () => {
    const shop = uniqueShop("cancel");
    const payload = buildOrderPayload();
    await deliver(orderCreated, "orders/create", shop, payload);
    await deliver(orderCancelled, "orders/cancelled", shop, { ...payload, cancelled_at: new Date().toISOString() });
    const order = await db.shopOrder.findFirstOrThrow({ where: { shop } });
    expect(order.cancelledAt).not.toBeNull();
  });

  it("app/uninstalled removes the shop's sessions and cancels its queued jobs", async () => {
    const shop = uniqueShop("uninstall");
    await installShop(shop);
    await db.job.create({ data: { queue: "sourcing.import", shop, payload: {} } });
    await deliver(appUninstalled, "app/uninstalled", shop, { id: 1, domain: shop });
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: shop } })).uninstalledAt).not.toBeNull();
    expect(await db.job.count({ where: { shop, state: "queued" } })).toBe(0);
  });

  it("app/scopes_update records the scopes now granted", async () => {
    const shop = uniqueShop("scopes");
    await installShop(shop);
    await deliver(scopesUpdate, "app/scopes_update", shop, { id: 1, previous: ["read_products"], current: ["read_products", "write_products"] });
    expect((await db.session.findFirstOrThrow({ where: { shop } })).scope).toBe("read_products,write_products");
  });

  it("customers/data_request produces the data we hold for that customer", async () => {
    const shop = uniqueShop("datareq");
    const mine = buildOrderPayload();
    const someoneElse = buildOrderPayload({ customer: { id: 1 }, email: "other@example.com" });
    await deliver(orderCreated, "orders/create", shop, mine);
    await deliver(orderCreated, "orders/create", shop, someoneElse);
    const webhookId = `dr-${shop}`;
    await deliver(dataRequest, "customers/data_request", shop, {
      shop_domain: shop, customer: { id: mine.customer.id, email: mine.email }, orders_requested: [mine.id], data_request: { id: 99 },
    }, webhookId);
    await runEnqueuedJob("compliance.customers-data-request", webhookId, complianceJobHandlers["compliance.customers-data-request"]!);
    const request = await db.complianceRequest.findFirstOrThrow({ where: { shop, topic: "customers/data_request" } });
    const data = request.result as { orders: Array<{ orderGid: string }> };
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({ orderGid: `gid://shopify/Order/${mine.id}` });
    expect(request.requestRef).toBe("99");
  });

  it("customers/redact erases that customer's personal data and leaves others alone", async () => {
    const shop = uniqueShop("redact");
    const mine = buildOrderPayload();
    const other = buildOrderPayload({ customer: { id: 2 } });
    await deliver(orderCreated, "orders/create", shop, mine);
    await deliver(orderCreated, "orders/create", shop, other);
    const webhookId = `cr-${shop}`;
    await deliver(customersRedact, "customers/redact", shop, { shop_domain: shop, customer: { id: mine.customer.id }, orders_to_redact: [mine.id] }, webhookId);
    await runEnqueuedJob("compliance.customers-redact", webhookId, complianceJobHandlers["compliance.customers-redact"]!);
    const redacted = await db.shopOrder.findFirstOrThrow({ where: { shop, orderGid: `gid://shopify/Order/${mine.id}` } });
    expect(redacted).toMatchObject({ phone: null, shippingAddress: null, customerGid: null });
    expect(redacted.redactedAt).not.toBeNull();
    const untouched = await db.shopOrder.findFirstOrThrow({ where: { shop, orderGid: `gid://shopify/Order/${other.id}` } });
    expect(untouched.customerGid).toBe(`gid://shopify/Customer/${other.customer.id}`);
  });

  it("shop/redact erases everything of that shop and nothing of another", async () => {
    const shop = uniqueShop("shopredact");
    const neighbour = uniqueShop("neighbour");
    for (const s of [shop, neighbour]) {
      await installShop(s);
      await deliver(orderCreated, "orders/create", s, buildOrderPayload());
      await putSecret(s, "supplier:cj", { apiKey: "k" });
    }
    const webhookId = `sr-${shop}`;
    await deliver(shopRedact, "shop/redact", shop, { shop_id: 1, shop_domain: shop }, webhookId);
    await runEnqueuedJob("compliance.shop-redact", webhookId, complianceJobHandlers["compliance.shop-redact"]!);
    for (const count of [
      db.shop.count({ where: { domain: shop } }),
      db.session.count({ where: { shop } }),
      db.shopOrder.count({ where: { shop } }),
      db.encryptedSecret.count({ where: { shop } }),
      db.webhookDelivery.count({ where: { shop } }),
    ]) expect(await count).toBe(0);
    expect(await db.shopOrder.count({ where: { shop: neighbour } })).toBe(1);
    expect(await db.encryptedSecret.count({ where: { shop: neighbour } })).toBe(1);
  });
});

describe("product webhooks keep supplier mappings true", () => {
  const mapping = (shop: string, productId: number, variantId: number) =>
    db.variantMapping.create({
      data: {
        shop, productGid: `gid://shopify/Product/${productId}`, variantGid: `gid://shopify/ProductVariant/${variantId}`,
        shopifySku: `SKU-${variantId}`, supplier: "sandbox", supplierProductId: "p1", supplierSku: `S-${variantId}`,
      },
    });

  it("products/delete removes the deleted product's mappings only", async () => {
    const shop = uniqueShop("proddelete");
    await mapping(shop, 1, 11);
    await mapping(shop, 2, 21);
    await deliver(productDeleted, "products/delete", shop, { id: 1 });
    expect(await db.variantMapping.findMany({ where: { shop }, select: { variantGid: true } })).toEqual([{ variantGid: "gid://shopify/ProductVariant/21" }]);
  });

  it("products/update drops mappings of variants deleted in Shopify and refreshes SKUs", async () => {
    const shop = uniqueShop("produpdate");
    await mapping(shop, 3, 31);
    await mapping(shop, 3, 32);
    await deliver(productUpdated, "products/update", shop, { id: 3, variants: [{ id: 31, sku: "RENAMED", barcode: "4006381333931" }] });
    const rows = await db.variantMapping.findMany({ where: { shop } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ variantGid: "gid://shopify/ProductVariant/31", shopifySku: "RENAMED", barcode: "4006381333931" });
  });
});

describe("compliance reaches supplier orders", () => {
  it("customers/redact erases the ship-to address we sent the supplier, found through the customer", async () => {
    const shop = uniqueShop("redactsupplier");
    const order = buildOrderPayload();
    await deliver(orderCreated, "orders/create", shop, order);
    const supplierOrder = await db.supplierOrder.create({
      data: {
        shop, orderGid: `gid://shopify/Order/${order.id}`, orderName: order.name, fulfillmentOrderGid: "gid://shopify/FulfillmentOrder/1",
        supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `key-${shop}`, state: "placed", lines: [], currency: "EUR",
        revenueMinor: 4990, shipTo: { name: "Mia Schneider", address1: "Hauptstraße 5", phone: "+4915112345678" },
      },
    });
    const webhookId = `crs-${shop}`;
    // Only the customer is named: the supplier order is found through our order snapshot.
    await deliver(customersRedact, "customers/redact", shop, { shop_domain: shop, customer: { id: order.customer.id }, orders_to_redact: [] }, webhookId);
    await runEnqueuedJob("compliance.customers-redact", webhookId, complianceJobHandlers["compliance.customers-redact"]!);
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: supplierOrder.id } })).shipTo).toBeNull();
  });
});
