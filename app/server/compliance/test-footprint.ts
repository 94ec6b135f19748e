// Test-only: one customer's personal data spread over every table that can hold it, entered the way it
// enters in production (signed webhooks through the routes) where a webhook brings it, and as rows where a
// supplier's answer brings it (ship-to, tracking, carrier scans).
import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import db from "../../db.server";
import { buildOrderPayload } from "../../test/builders";
import { runEnqueuedJob } from "../../test/jobs";
import { actionArgs, signedWebhook, uniqueShop } from "../../test/webhooks";
import { action as orderCreated } from "../../routes/webhooks.orders.create";
import { action as dataRequest } from "../../routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../routes/webhooks.customers.redact";
import { complianceJobHandlers } from "./jobs.server";

type Route = typeof orderCreated;

export async function deliver(route: Route, topic: string, shop: string, payload: unknown, webhookId = randomUUID()): Promise<string> {
  const response = await route(actionArgs(signedWebhook({ topic, shop, payload, webhookId })));
  expect(response.status).toBe(200);
  return webhookId;
}

/** Strings unique to this customer, so a scan of shared tables finds only this test's copies. */
export function customerStrings() {
  const tag = randomUUID().slice(0, 8);
  const trackingNumber = `YT${randomInt(10 ** 9, 10 ** 10)}${randomInt(10 ** 5, 10 ** 6)}`;
  return {
    email: `mia.${tag}@example.de`,
    phone: `+49151${randomInt(10 ** 7, 10 ** 8)}`,
    name: `Mia Schneider-${tag}`,
    address1: `Hauptstraße ${tag}`,
    address2: `Hinterhaus ${tag}`,
    trackingNumber,
    trackingUrl: `https://t.17track.net/en#nums=${trackingNumber}`,
  };
}

export type CustomerStrings = ReturnType<typeof customerStrings>;

export async function mapVariant(shop: string, variantId: number): Promise<void> {
  await db.variantMapping.create({
    data: { shop, productGid: `gid://shopify/Product/${variantId}1`, variantGid: `gid://shopify/ProductVariant/${variantId}`, supplier: "sandbox", supplierProductId: "p1", supplierSku: `S-${variantId}` },
  });
}

/** An orders/create payload of this customer with one line of a variant the shop maps to a supplier. */
export function customerOrder(s: CustomerStrings, customerId: number, extra: Record<string, unknown> = {}) {
  const base = buildOrderPayload();
  return {
    ...base,
    email: s.email,
    phone: s.phone,
    customer: { id: customerId, email: s.email, phone: s.phone, first_name: "Mia", last_name: s.name },
    shipping_address: { ...base.shipping_address, name: s.name, address1: s.address1, address2: s.address2, phone: s.phone, company: `${s.name} GmbH` },
    billing_address: { name: s.name, address1: s.address1, phone: s.phone },
    ...extra,
  };
}

export async function supplierOrderFor(shop: string, order: { id: number; name: string }, s: CustomerStrings) {
  return db.supplierOrder.create({
    data: {
      shop, orderGid: `gid://shopify/Order/${order.id}`, orderName: order.name, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${order.id}`,
      supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `key-${randomUUID()}`, state: "delivered", lines: [], currency: "EUR", revenueMinor: 4990,
      shipTo: { name: s.name, phone: s.phone, email: s.email, address1: s.address1, address2: s.address2, city: "Berlin", zip: "10115", countryCode: "DE" },
      trackingNumbers: [s.trackingNumber], trackingUrl: s.trackingUrl, carrier: "YunExpress",
      reasonMessage: `The supplier could not reach ${s.phone} at first.`,
      events: {
        create: [
          { kind: "state", fromState: "placed", toState: "shipped", message: `Shipped with YunExpress ${s.trackingNumber}; Shopify fulfillment created.` },
          { kind: "carrier", message: `delivered: Delivered to ${s.address1}, signed by ${s.name}` },
          { kind: "state", fromState: "shipped", toState: "delivered", message: "Delivered." },
        ],
      },
      posts: {
        create: [{ eventKey: randomUUID().slice(0, 24), trackingNumber: s.trackingNumber, status: "delivered", shopifyStatus: "DELIVERED", message: `Delivered, signed by ${s.name}`, happenedAt: new Date(), postedAt: new Date() }],
      },
    },
  });
}

/** Everything of one customer in one shop: a sourced order, its supplier order and tracking, an answered data request. */
export async function buildCustomerFootprint(label = "footprint", overrides: Partial<CustomerStrings> = {}, customerId = randomInt(10 ** 8, 10 ** 9)) {
  const shop = uniqueShop(label);
  const s = { ...customerStrings(), ...overrides };
  const order = customerOrder(s, customerId);
  await mapVariant(shop, order.line_items[0]!.variant_id);
  await deliver(orderCreated, "orders/create", shop, order);
  await supplierOrderFor(shop, order, s);
  // A hold the merchant explained with the buyer's name, as merchants do.
  await db.fulfillmentOrderHold.create({ data: { shop, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${order.id}`, reason: "awaiting_payment", reasonNotes: `Bank transfer from ${s.name} not received` } });
  const requestWebhook = await deliver(dataRequest, "customers/data_request", shop, {
    shop_id: 1, shop_domain: shop, customer: { id: customerId, email: s.email, phone: s.phone }, orders_requested: [order.id], data_request: { id: randomInt(1, 10 ** 6) },
  });
  await runEnqueuedJob("compliance.customers-data-request", requestWebhook, complianceJobHandlers["compliance.customers-data-request"]!);
  return { shop, strings: s, customerId, order };
}

/** Delivers customers/redact for the customer and runs its job, as Shopify and a worker would. */
export async function redactCustomerOf(shop: string, customerId: number, orderIds: number[], s: CustomerStrings): Promise<string> {
  const webhookId = await deliver(customersRedact, "customers/redact", shop, {
    shop_id: 1, shop_domain: shop, customer: { id: customerId, email: s.email, phone: s.phone }, orders_to_redact: orderIds,
  });
  await runEnqueuedJob("compliance.customers-redact", webhookId, complianceJobHandlers["compliance.customers-redact"]!);
  return webhookId;
}
