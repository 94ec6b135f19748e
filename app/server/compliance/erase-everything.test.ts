// The erase-everything test: one customer's data in every table that can hold it, then customers/redact,
// then every column of every table (all Prisma models, read raw) is searched for the customer's strings.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { action as orderCreated } from "../../routes/webhooks.orders.create";
import { buildCustomerFootprint, customerOrder, customerStrings, deliver, mapVariant, redactCustomerOf, supplierOrderFor, type CustomerStrings } from "./test-footprint";

const SEARCHED = ["email", "phone", "name", "address1", "address2", "trackingNumber", "trackingUrl"] as const;

/** Which tables hold which of the customer's strings, reading every row of every model with raw SQL. */
async function whereStringsAre(strings: CustomerStrings): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${model.dbName ?? model.name}"`);
    const text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    const hits = SEARCHED.filter((kind) => text.includes(strings[kind]));
    if (hits.length) found[model.name] = hits;
  }
  return found;
}

describe("customers/redact erases every copy of the customer's data", () => {
  it("leaves none of the customer's email, phone, name, address or tracking in any table, and keeps another customer's", async () => {
    // A sourced order with its supplier order and tracking, and an answered data request (footprint);
    // a second order of the customer found only through the customer id; a guest order named only by id.
    const { shop, strings, customerId, order } = await buildCustomerFootprint("erase");
    const second = customerOrder(strings, customerId);
    await mapVariant(shop, second.line_items[0]!.variant_id);
    await deliver(orderCreated, "orders/create", shop, second);
    await supplierOrderFor(shop, second, { ...strings, trackingNumber: `${strings.trackingNumber}2` });
    const guest = customerOrder(strings, 0, { customer: null });
    await mapVariant(shop, guest.line_items[0]!.variant_id);
    await deliver(orderCreated, "orders/create", shop, guest);
    const neighbour = customerStrings();
    const other = customerOrder(neighbour, customerId + 1);
    await mapVariant(shop, other.line_items[0]!.variant_id);
    await deliver(orderCreated, "orders/create", shop, other);
    await supplierOrderFor(shop, other, neighbour);

    const before = await whereStringsAre(strings);
    // The scan sees the data where the app put it (so finding nothing afterwards means something).
    expect(Object.keys(before).sort()).toEqual(["ComplianceRequest", "FulfillmentOrderHold", "ShopOrder", "SupplierOrder", "SupplierOrderEvent", "TrackingEventPost"]);
    // Jobs and webhook deliveries are scanned too and hold none of it: jobs carry references only.
    expect(before.ShopOrder).toEqual(["phone", "name", "address1", "address2"]);

    await redactCustomerOf(shop, customerId, [order.id, guest.id], strings);

    expect(await whereStringsAre(strings)).toEqual({});
    const kept = await whereStringsAre(neighbour);
    expect(kept.ShopOrder).toContain("name");
    expect(kept.SupplierOrder).toContain("trackingNumber");
  });
});
