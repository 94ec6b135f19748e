import { z } from "zod";
import db, { PrismaRuntime } from "../../db.server";
import { isRedacted } from "../compliance/redaction-markers.server";
import { parseDecimal } from "../money";
import { toGid } from "../shopify/gid";

// The parts of the orders/create payload (REST shape) we read. Unknown fields (and the buyer's email) are ignored.
const addressSchema = z
  .object({
    name: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    province: z.string().nullish(),
    province_code: z.string().nullish(),
    zip: z.string().nullish(),
    country_code: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish();

export const orderPayloadSchema = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  currency: z.string().length(3),
  total_price: z.union([z.string(), z.number()]),
  customer: z.object({ id: z.union([z.number(), z.string()]) }).nullish(),
  shipping_address: addressSchema,
  line_items: z.array(
    z.object({
      id: z.union([z.number(), z.string()]),
      variant_id: z.union([z.number(), z.string()]).nullish(),
      product_id: z.union([z.number(), z.string()]).nullish(),
      sku: z.string().nullish(),
      title: z.string(),
      quantity: z.number().int(),
      price: z.union([z.string(), z.number()]),
      grams: z.number().nullish(),
    }),
  ),
});

export type OrderPayload = z.infer<typeof orderPayloadSchema>;

/** The ship-to fields fulfillment needs; the rest of the address (company, coordinates, …) is not kept. */
function shipTo(address: NonNullable<OrderPayload["shipping_address"]>) {
  const { name, address1, address2, city, province, province_code, zip, country_code, phone } = address;
  return { name, address1, address2, city, province, province_code, zip, country_code, phone };
}

/**
 * Stores (or refreshes) our snapshot of a Shopify order. Safe to call twice for the same order.
 * Personal data (ship-to name, address, phone) is kept only for an order with a line we fulfil (a mapped
 * variant), never the buyer's email, and never for a customer or order that was redacted: Shopify retries
 * an orders/create for 48 hours, so one can arrive after its customers/redact.
 */
export async function saveOrderSnapshot(shop: string, payload: unknown) {
  const order = orderPayloadSchema.parse(payload);
  const orderGid = toGid("Order", order.id);
  const customerGid = order.customer ? toGid("Customer", order.customer.id) : null;
  const lineItems = order.line_items.map((line) => ({
    lineItemGid: toGid("LineItem", line.id),
    variantGid: line.variant_id ? toGid("ProductVariant", line.variant_id) : null,
    productGid: line.product_id ? toGid("Product", line.product_id) : null,
    sku: line.sku ?? null,
    title: line.title,
    quantity: line.quantity,
    priceMinor: parseDecimal(String(line.price), order.currency).amount,
    grams: line.grams ?? null,
  }));
  const redacted = await isRedacted(shop, [orderGid, customerGid]);
  const keepShipTo = !redacted && order.shipping_address != null && (await hasSilkrouteLine(shop, lineItems));
  const data = {
    name: order.name,
    customerGid: redacted ? null : customerGid,
    phone: keepShipTo ? (order.shipping_address?.phone ?? null) : null,
    shippingAddress: keepShipTo ? shipTo(order.shipping_address!) : PrismaRuntime.DbNull,
    lineItems,
    totalMinor: parseDecimal(String(order.total_price), order.currency).amount,
    currency: order.currency,
    ...(redacted ? { redactedAt: new Date() } : {}),
  };
  return db.shopOrder.upsert({
    where: { shop_orderGid: { shop, orderGid } },
    create: { shop, orderGid, ...data },
    update: data,
  });
}

async function hasSilkrouteLine(shop: string, lines: Array<{ variantGid: string | null }>): Promise<boolean> {
  const variantGids = lines.map((l) => l.variantGid).filter((g): g is string => g !== null);
  if (variantGids.length === 0) return false;
  return (await db.variantMapping.count({ where: { shop, variantGid: { in: variantGids } } })) > 0;
}

export async function markOrderCancelled(shop: string, payload: unknown): Promise<void> {
  const { id } = z.object({ id: z.union([z.number(), z.string()]) }).parse(payload);
  await db.shopOrder.updateMany({
    where: { shop, orderGid: toGid("Order", id), cancelledAt: null },
    data: { cancelledAt: new Date() },
  });
}
