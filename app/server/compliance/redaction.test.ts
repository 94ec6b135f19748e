import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { buildOrderPayload } from "../../test/builders";
import { uniqueShop } from "../../test/webhooks";
import { action as appUninstalled } from "../../routes/webhooks.app.uninstalled";
import { action as orderCreated } from "../../routes/webhooks.orders.create";
import { action as dataRequest } from "../../routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../routes/webhooks.customers.redact";
import { seedInstalledShop } from "../../test/admin-session";
import { syncTracking } from "../fulfillment/tracking/sync-tracking.server";
import { deadJobsForShop } from "../jobs-admin/dead-jobs.server";
import { buildCustomerFootprint, customerOrder, customerStrings, deliver, mapVariant, redactCustomerOf, supplierOrderFor } from "./test-footprint";

const orderGid = (id: number) => `gid://shopify/Order/${id}`;
const snapshot = (shop: string, id: number) => db.shopOrder.findUniqueOrThrow({ where: { shop_orderGid: { shop, orderGid: orderGid(id) } } });

describe("compliance jobs carry references, not the customer's contact data", () => {
  it("queues customers/data_request and customers/redact with neither the customer's email nor phone in the job", async () => {
    const shop = uniqueShop("jobpii");
    const s = customerStrings();
    const customer = { id: 4242, email: s.email, phone: s.phone };
    const ids = [
      await deliver(dataRequest, "customers/data_request", shop, { shop_id: 1, shop_domain: shop, customer, orders_requested: [1], data_request: { id: 7 } }),
      await deliver(customersRedact, "customers/redact", shop, { shop_id: 1, shop_domain: shop, customer, orders_to_redact: [1] }),
    ];
    const jobs = await db.job.findMany({ where: { dedupeKey: { in: ids } } });
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      const stored = JSON.stringify(job);
      expect(stored).not.toContain(s.email);
      expect(stored).not.toContain(s.phone);
    }
  });

  it("shows a data-request job that failed every retry on that shop's failed-jobs page, and on no other shop's", async () => {
    const shop = uniqueShop("deadcompliance");
    const webhookId = await deliver(dataRequest, "customers/data_request", shop, { shop_id: 1, shop_domain: shop, customer: { id: 77 }, orders_requested: [], data_request: { id: 8 } });
    const job = await db.job.findFirstOrThrow({ where: { dedupeKey: webhookId } });
    await db.job.update({ where: { id: job.id }, data: { state: "dead", attempts: 5, maxAttempts: 5, lastError: "database unavailable" } });
    expect((await deadJobsForShop(shop)).map((j) => [j.id, j.queue])).toEqual([[job.id, "compliance.customers-data-request"]]);
    expect((await deadJobsForShop(uniqueShop("neighbour"))).map((j) => j.id)).not.toContain(job.id);
  });

  it("still runs a pending redaction after app/uninstalled", async () => {
    const shop = uniqueShop("uninstallredact");
    await seedInstalledShop(shop);
    const redact = await deliver(customersRedact, "customers/redact", shop, { shop_id: 1, shop_domain: shop, customer: { id: 5 }, orders_to_redact: [] });
    const request = await deliver(dataRequest, "customers/data_request", shop, { shop_id: 1, shop_domain: shop, customer: { id: 5 }, orders_requested: [] });
    await db.job.create({ data: { queue: "sourcing.import", shop, payload: {} } });
    await deliver(appUninstalled, "app/uninstalled", shop, { id: 1, domain: shop });
    const states = await db.job.findMany({ where: { OR: [{ dedupeKey: { in: [redact, request] } }, { shop }] }, select: { queue: true, state: true } });
    expect(states.sort((a, b) => a.queue.localeCompare(b.queue))).toEqual([
      { queue: "compliance.customers-data-request", state: "queued" },
      { queue: "compliance.customers-redact", state: "queued" },
      { queue: "sourcing.import", state: "cancelled" },
    ]);
  });
});

describe("customers/redact erases every copy", () => {
  it("erases an earlier data-request export of the same customer, keeping the request's record", async () => {
    const { shop, strings, customerId, order } = await buildCustomerFootprint("exporterase");
    const before = await db.complianceRequest.findFirstOrThrow({ where: { shop, topic: "customers/data_request" } });
    expect(JSON.stringify(before.result)).toContain(strings.address1);
    await redactCustomerOf(shop, customerId, [order.id], strings);
    const after = await db.complianceRequest.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.result).toBeNull();
    expect(after.erasedAt).not.toBeNull();
    expect(after.completedAt).toEqual(before.completedAt);
  });

  it("erases tracking numbers, the tracking URL and carrier scan texts of the customer's supplier orders", async () => {
    const { shop, strings, customerId, order } = await buildCustomerFootprint("trackerase");
    await redactCustomerOf(shop, customerId, [], strings);
    const row = await db.supplierOrder.findFirstOrThrow({ where: { shop }, include: { events: true, posts: true } });
    expect(row).toMatchObject({ shipTo: null, trackingNumbers: null, trackingUrl: null, carrier: "YunExpress", orderGid: orderGid(order.id) });
    const texts = JSON.stringify({ row });
    for (const value of [strings.trackingNumber, strings.name, strings.address1, strings.phone]) expect(texts).not.toContain(value);
    // The timeline keeps its shape: the merchant still sees that it shipped and was delivered.
    expect(row.events.map((e) => e.toState).filter(Boolean).sort()).toEqual(["delivered", "shipped"]);
  });

  it("erases the notes of a hold on the customer's fulfillment order and keeps the hold itself", async () => {
    const { shop, strings, customerId, order } = await buildCustomerFootprint("holderase");
    const exported = await db.complianceRequest.findFirstOrThrow({ where: { shop, topic: "customers/data_request" } });
    expect(JSON.stringify(exported.result)).toContain(`Bank transfer from ${strings.name}`);
    await redactCustomerOf(shop, customerId, [], strings);
    const hold = await db.fulfillmentOrderHold.findFirstOrThrow({ where: { shop, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${order.id}` } });
    expect(hold).toMatchObject({ reason: "awaiting_payment", reasonNotes: null });
  });

  it("leaves another customer's supplier order and tracking alone", async () => {
    const { shop, strings, customerId } = await buildCustomerFootprint("trackother");
    const neighbour = customerStrings();
    const other = customerOrder(neighbour, 1234);
    await supplierOrderFor(shop, other, neighbour);
    await redactCustomerOf(shop, customerId, [], strings);
    const kept = await db.supplierOrder.findFirstOrThrow({ where: { shop, orderGid: orderGid(other.id) } });
    expect(kept.trackingNumbers).toEqual([neighbour.trackingNumber]);
    expect(kept.shipTo).toMatchObject({ name: neighbour.name });
  });
});

describe("a redaction reaches only its own shop", () => {
  it("customers/redact in one shop leaves the same customer id's data in another shop untouched", async () => {
    const mine = await buildCustomerFootprint("redactmine", {}, 31337);
    const theirs = await buildCustomerFootprint("redacttheirs", {}, 31337);
    await redactCustomerOf(mine.shop, 31337, [], mine.strings);
    const kept = await db.supplierOrder.findFirstOrThrow({ where: { shop: theirs.shop } });
    expect(kept.trackingNumbers).toEqual([theirs.strings.trackingNumber]);
    expect((await snapshot(theirs.shop, theirs.order.id)).shippingAddress).toMatchObject({ name: theirs.strings.name });
    expect((await db.complianceRequest.findFirstOrThrow({ where: { shop: theirs.shop, topic: "customers/data_request" } })).result).not.toBeNull();
    expect(await db.redactionMarker.count({ where: { shop: theirs.shop } })).toBe(0);
  });
});

describe("a redaction stays in force", () => {
  it("an orders/create that Shopify retries after customers/redact stores no personal data", async () => {
    const shop = uniqueShop("lateorder");
    const s = customerStrings();
    const customerId = randomInt(10 ** 6, 10 ** 7);
    const order = customerOrder(s, customerId);
    await mapVariant(shop, order.line_items[0]!.variant_id);
    // Our first answer to orders/create failed; the redaction arrives before Shopify's retry.
    await redactCustomerOf(shop, customerId, [order.id], s);
    await deliver(orderCreated, "orders/create", shop, order);
    const row = await snapshot(shop, order.id);
    expect(row).toMatchObject({ phone: null, shippingAddress: null, customerGid: null });
    expect(row.redactedAt).not.toBeNull();
  });

  it("an order of a redacted customer delivered again under a new webhook id stays redacted", async () => {
    const { shop, strings, customerId, order } = await buildCustomerFootprint("redelivered");
    await redactCustomerOf(shop, customerId, [], strings);
    await deliver(orderCreated, "orders/create", shop, order);
    expect(JSON.stringify(await snapshot(shop, order.id))).not.toContain(strings.name);
  });

  it("a tracking sync after customers/redact does not fetch the erased tracking again", async () => {
    const { shop, strings, customerId } = await buildCustomerFootprint("trackresync");
    const row = await db.supplierOrder.findFirstOrThrow({ where: { shop } });
    await db.supplierOrder.update({ where: { id: row.id }, data: { state: "shipped" } });
    await redactCustomerOf(shop, customerId, [], strings);
    expect(await syncTracking(row.id)).toBe("redacted");
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).trackingNumbers).toBeNull();
  });
});

describe("orders/create keeps only what fulfillment needs", () => {
  it("keeps no personal data of an order without a Silkroute line", async () => {
    const shop = uniqueShop("unsourced");
    const s = customerStrings();
    const order = customerOrder(s, 99);
    await deliver(orderCreated, "orders/create", shop, order);
    const row = await snapshot(shop, order.id);
    expect(row).toMatchObject({ phone: null, shippingAddress: null, totalMinor: 4990 });
    expect(JSON.stringify(row)).not.toMatch(new RegExp([s.email, s.name, s.address1].join("|")));
  });

  it("keeps the ship-to name, address and phone of an order with a Silkroute line, and not the buyer's email", async () => {
    const shop = uniqueShop("sourced");
    const s = customerStrings();
    const order = customerOrder(s, 98);
    await mapVariant(shop, order.line_items[0]!.variant_id);
    await deliver(orderCreated, "orders/create", shop, order);
    const row = await snapshot(shop, order.id);
    expect(row.shippingAddress).toEqual({ name: s.name, address1: s.address1, address2: s.address2, city: "Berlin", zip: "10115", country_code: "DE", phone: s.phone });
    expect(row.phone).toBe(s.phone);
    expect(JSON.stringify(row)).not.toContain(s.email);
    expect(JSON.stringify(row)).not.toContain("GmbH");
  });
});

describe("a data request's answer", () => {
  it("is recorded when the webhook arrives and answered by its job with the orders and supplier orders held", async () => {
    const { shop, strings, order } = await buildCustomerFootprint("answer");
    const request = await db.complianceRequest.findFirstOrThrow({ where: { shop, topic: "customers/data_request" } });
    expect(request.completedAt).not.toBeNull();
    const result = request.result as { orders: Array<{ orderGid: string; shippingAddress: { name: string } }>; supplierOrders: Array<{ trackingNumbers: string[] }> };
    expect(result.orders).toEqual([expect.objectContaining({ orderGid: orderGid(order.id), shippingAddress: expect.objectContaining({ name: strings.name }) })]);
    expect(result.supplierOrders[0]!.trackingNumbers).toEqual([strings.trackingNumber]);
    // The request row holds references only.
    const { result: _export, ...record } = request;
    expect(JSON.stringify(record)).not.toContain(strings.email);
  });

  it("answers a job queued before requests were recorded (whole payload in the job) the same way", async () => {
    const shop = uniqueShop("legacyjob");
    const order = buildOrderPayload();
    await mapVariant(shop, order.line_items[0]!.variant_id);
    await deliver(orderCreated, "orders/create", shop, order);
    const { complianceJobHandlers } = await import("./jobs.server");
    const job = await db.job.create({ data: { queue: "compliance.customers-data-request", shop, payload: { shop, payload: { shop_domain: shop, customer: { id: order.customer.id }, orders_requested: [order.id] } } } });
    const handler = complianceJobHandlers["compliance.customers-data-request"]!;
    const context = { id: job.id, queue: job.queue, payload: job.payload, shop, attempt: 1, maxAttempts: 5, signal: new AbortController().signal, updateProgress: async () => {} };
    await handler(context);
    await handler(context); // a retried run answers the same request, not a second one
    const requests = await db.complianceRequest.findMany({ where: { shop } });
    expect(requests).toHaveLength(1);
    expect((requests[0]!.result as { orders: unknown[] }).orders).toHaveLength(1);
  });
});
