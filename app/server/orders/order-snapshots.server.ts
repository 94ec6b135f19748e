import { z } from "zod";
import db from "../../db.server";
import { parseDecimal } from "../money";
import { toGid } from "../shopify/gid";

// The parts of the orders/create payload (REST shape) we keep. Unknown fields are ignored.
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
    company: z.string().nullish(),
  })
  .nullish();

export const orderPayloadSchema = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
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

/** Stores (or refreshes) our snapshot of a Shopify order. Safe to call twice for the same order. */
export async function saveOrderSnapshot(shop: string, payload: unknown) {
  const order = orderPayloadSchema.parse(payload);
  const orderGid = toGid("Order", order.id);
  const data = {
    name: order.name,
    customerGid: order.customer ? toGid("Customer", order.customer.id) : null,
    email: order.email ?? null,
    phone: order.phone ?? order.shipping_address?.phone ?? null,
    shippingAddress: order.shipping_address ?? undefined,
    lineItems: order.line_items.map((line) => ({
      lineItemGid: toGid("LineItem", line.id),
      variantGid: line.variant_id ? toGid("ProductVariant", line.variant_id) : null,
      productGid: line.product_id ? toGid("Product", line.product_id) : null,
      sku: line.sku ?? null,
      title: line.title,
      quantity: line.quantity,
      priceMinor: parseDecimal(String(line.price), order.currency).amount,
      grams: line.grams ?? null,
    })),
    totalMinor: parseDecimal(String(order.total_price), order.currency).amount,
    currency: order.currency,
  };
  return db.shopOrder.upsert({
    where: { shop_orderGid: { shop, orderGid } },
    create: { shop, orderGid, ...data },
    update: data,
  });
}

export async function markOrderCancelled(shop: string, payload: unknown): Promise<void> {
  const { id } = z.object({ id: z.union([z.number(), z.string()]) }).parse(payload);
  await db.shopOrder.updateMany({
    where: { shop, orderGid: toGid("Order", id), cancelledAt: null },
    data: { cancelledAt: new Date() },
  });
}
