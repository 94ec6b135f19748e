import { Prisma } from "@prisma/client";
import db, { PrismaRuntime } from "../../db.server";
import { customerDataSources, ordersOfRequest } from "./customer-data.server";
import { markRedacted } from "./redaction-markers.server";
import { requestOrderGids } from "./requests.server";

async function loadRequest(id: string, topic: string) {
  const row = await db.complianceRequest.findUnique({ where: { id } });
  // A shop/redact in between deletes the request with the shop's data: nothing is left to answer.
  if (!row || row.topic !== topic) return null;
  return row;
}

/** customers/data_request: gathers everything we hold on the customer for the merchant to hand over. */
export async function answerCustomerDataRequest(requestId: string) {
  const row = await loadRequest(requestId, "customers/data_request");
  if (!row) return null;
  const orderGids = await ordersOfRequest(row.shop, row.customerGid, requestOrderGids(row));
  const data: Record<string, unknown[]> = {};
  for (const source of customerDataSources()) {
    const rows = await source.exportFor(row.shop, row.customerGid, orderGids);
    if (rows.length) data[source.name] = rows;
  }
  // A redaction that ran first leaves nothing to export; the erased mark stays either way.
  return db.complianceRequest.update({
    where: { id: row.id },
    data: { result: row.erasedAt ? PrismaRuntime.DbNull : (JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue), completedAt: new Date() },
  });
}

/** customers/redact: erases the customer's personal data from every source, and keeps it erased. */
export async function redactCustomer(requestId: string) {
  const row = await loadRequest(requestId, "customers/redact");
  if (!row) return null;
  // Resolved before any source runs: the first redaction drops the customer link the others need.
  const orderGids = await ordersOfRequest(row.shop, row.customerGid, requestOrderGids(row));
  await markRedacted(row.shop, [...(row.customerGid ? [row.customerGid] : []), ...orderGids]);
  const redacted: Record<string, number> = {};
  for (const source of customerDataSources()) redacted[source.name] = await source.redactFor(row.shop, row.customerGid, orderGids);
  return db.complianceRequest.update({ where: { id: row.id }, data: { result: redacted, completedAt: new Date() } });
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
