/**
 * Shopify's CarrierService rate request as it arrives (shopify.dev DeliveryCarrierService), validated at the
 * edge so that bad input is a 400 with a message instead of a crash. Unknown fields pass through; the
 * address fields we never use (name, address1, phone, email…) are not read at all.
 */
import { z } from "zod";

const text = z.string().max(200).nullish();
const numericId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]);

const address = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/, "must be a 2-letter country code"),
  postal_code: text,
  province: text,
  city: text,
});

const item = z.object({
  sku: text,
  quantity: z.number().int().min(1).max(10_000),
  grams: z.number().int().min(0).max(1_000_000),
  price: z.union([z.number().int().min(0).max(1_000_000_000), z.string().regex(/^\d{1,10}$/)]),
  variant_id: numericId.nullish(),
  product_id: numericId.nullish(),
  requires_shipping: z.boolean().nullish(),
});

export const rateRequestPayloadSchema = z.object({
  rate: z.object({
    origin: address.nullish(),
    destination: address,
    items: z.array(item).min(1).max(500),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter currency code"),
    locale: text,
  }),
});

export type RateRequestPayload = z.infer<typeof rateRequestPayloadSchema>;

export type ParsedPayload = { ok: true; payload: RateRequestPayload } | { ok: false; message: string };

export function parseRateRequestPayload(rawBody: string): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, message: "body is not valid JSON" };
  }
  const result = rateRequestPayloadSchema.safeParse(json);
  if (result.success) return { ok: true, payload: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, message: `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}` };
}
