import { z } from "zod";
import { Prisma } from "@prisma/client";
import db from "../../db.server";
import { toGid } from "../shopify/gid";
import { customerDataSources, ordersOfRequest } from "./customer-data.server";

const customerRequestSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: z.union([z.number(), z.string()]).nullish() }).nullish(),
  orders_requested: z.array(z.union([z.number(), z.string()])).optional(),
  orders_to_redact: z.array(z.union([z.number(), z.string()])).optional(),
  data_request: z.object({ id: z.union([z.number(), z.string()]) }).optional(),
});

function parseCustomerRequest(payload: unknown) {
  const request = customerRequestSchema.parse(payload);
  const customerGid = request.customer?.id != null ? toGid("Customer", request.customer.id) : null;
  const orderIds = request.orders_requested ?? request.orders_to_redact ?? [];
  return { request, customerGid, orderGids: orderIds.map((id) => toGid("Order", id)) };
}

/** customers/data_request: gathers everything we hold on the customer for the merchant to hand over. */
export async function answerCustomerDataRequest(shop: string, payload: unknown) {
  const { request, customerGid, orderGids: named } = parseCustomerRequest(payload);
  const orderGids = await ordersOfRequest(shop, customerGid, named);
  const data: Record<string, unknown[]> = {};
  for (const source of customerDataSources()) data[source.name] = await source.exportFor(shop, customerGid, orderGids);
  return db.complianceRequest.create({
    data: {
      shop,
      topic: "customers/data_request",
      customerGid,
      requestRef: request.data_request ? String(request.data_request.id) : null,
      result: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
      completedAt: new Date(),
    },
  });
}

/** customers/redact: erases the customer's personal data from every source. */
export async function redactCustomer(shop: string, payload: unknown) {
  const { customerGid, orderGids: named } = parseCustomerRequest(payload);
  // Resolved before any source runs: the first redaction drops the customer link the others need.
  const orderGids = await ordersOfRequest(shop, customerGid, named);
  const redacted: Record<string, number> = {};
  for (const source of customerDataSources()) redacted[source.name] = await source.redactFor(shop, customerGid, orderGids);
  return db.complianceRequest.create({
    data: { shop, topic: "customers/redact", customerGid, result: redacted, completedAt: new Date() },
  });
}

type Delegate = { deleteMany(args: { where: Record<string, string> }): Promise<{ count: number }> };

/**
 * shop/redact (48 h after uninstall): deletes every row of the shop in every table. Tables are found
 * from the Prisma datamodel (any model with a `shop` field), so a new table cannot be forgotten.
 */
export async function redactShop(shop: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    const delegate = (db as unknown as Record<string, Delegate>)[model.name.charAt(0).toLowerCase() + model.name.slice(1)];
    if (!delegate) continue;
    const field = model.name === "Shop" ? "domain" : model.fields.some((f) => f.name === "shop") ? "shop" : null;
    if (!field) continue;
    deleted[model.name] = (await delegate.deleteMany({ where: { [field]: shop } })).count;
  }
  return deleted;
}
