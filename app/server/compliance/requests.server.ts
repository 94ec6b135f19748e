import { z } from "zod";
import db from "../../db.server";
import { toGid } from "../shopify/gid";

/**
 * Shopify expects a data request or redaction to be completed within 30 days of the webhook
 * (/work/shared/reference/shopify-platform.md, "Mandatory compliance topics", from
 * https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance). GDPR Art. 12(3) sets the same month.
 */
export const ANSWER_WITHIN_DAYS = 30;

export function answerBy(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + ANSWER_WITHIN_DAYS * 86_400_000);
}

export type CustomerRequestTopic = "customers/data_request" | "customers/redact";

// The payload also carries the customer's email and phone; they are read by nobody and never stored.
const customerRequestSchema = z.object({
  customer: z.object({ id: z.union([z.number(), z.string()]).nullish() }).nullish(),
  orders_requested: z.array(z.union([z.number(), z.string()])).optional(),
  orders_to_redact: z.array(z.union([z.number(), z.string()])).optional(),
  data_request: z.object({ id: z.union([z.number(), z.string()]) }).nullish(),
});

export interface CustomerRequestRefs {
  customerGid: string | null;
  orderGids: string[];
  requestRef: string | null;
}

/** The references a compliance payload names: customer and order GIDs, and Shopify's request id. */
export function customerRequestRefs(payload: unknown): CustomerRequestRefs {
  const request = customerRequestSchema.parse(payload);
  const orderIds = request.orders_requested ?? request.orders_to_redact ?? [];
  return {
    customerGid: request.customer?.id != null ? toGid("Customer", request.customer.id) : null,
    orderGids: orderIds.map((id) => toGid("Order", id)),
    requestRef: request.data_request ? String(request.data_request.id) : null,
  };
}

/**
 * Records a customer request when its webhook arrives, once per webhook id. The job that answers it gets
 * only this row's id, so no queue (job rows, pg-boss tables) ever holds the customer's contact data.
 */
export async function recordCustomerRequest(shop: string, topic: CustomerRequestTopic, webhookId: string | null, payload: unknown) {
  const refs = customerRequestRefs(payload);
  const data = { shop, topic, customerGid: refs.customerGid, orderGids: refs.orderGids, requestRef: refs.requestRef };
  if (!webhookId) return db.complianceRequest.create({ data });
  const row = await db.complianceRequest.upsert({ where: { webhookId }, create: { ...data, webhookId }, update: {} });
  if (row.shop !== shop) throw new Error("webhook id already recorded for another shop");
  return row;
}

export function requestOrderGids(row: { orderGids: unknown }): string[] {
  return Array.isArray(row.orderGids) ? row.orderGids.filter((g): g is string => typeof g === "string") : [];
}
