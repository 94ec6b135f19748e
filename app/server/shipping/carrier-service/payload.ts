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

const record = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const intIn = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;
export const optionalText = (v: unknown) => v == null || (typeof v === "string" && v.length <= 200);
const COUNTRY = /^[A-Za-z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DIGITS_10 = /^\d{1,10}$/;
const DIGITS_20 = /^\d{1,20}$/;
const optionalId = (v: unknown) => v == null || intIn(v, 0, Number.MAX_SAFE_INTEGER) || (typeof v === "string" && DIGITS_20.test(v));
export const plainAddress = (v: unknown): v is Record<string, unknown> & { country: string } => record(v) && typeof v.country === "string" && COUNTRY.test(v.country) && optionalText(v.postal_code) && optionalText(v.province) && optionalText(v.city);

export function plainItem(v: unknown): v is Record<string, unknown> {
  return record(v) && optionalText(v.sku) && intIn(v.quantity, 1, 10_000) && intIn(v.grams, 0, 1_000_000)
    && (intIn(v.price, 0, 1_000_000_000) || (typeof v.price === "string" && DIGITS_10.test(v.price)))
    && optionalId(v.variant_id) && optionalId(v.product_id) && (v.requires_shipping == null || typeof v.requires_shipping === "boolean");
}

/**
 * True only for a payload the schema accepts, checked by hand (zod's walk cost as much as quoting). The schema
 * adds nothing but dropping unknown keys, which nothing downstream reads, so an accepted payload is used as is.
 * Anything else goes through the schema, which finds the first failing path for the 400.
 */
function plainlyValid(json: unknown): json is RateRequestPayload {
  if (!record(json) || !record(json.rate)) return false;
  const rate = json.rate;
  if (!(rate.origin == null || plainAddress(rate.origin)) || !plainAddress(rate.destination) || !optionalText(rate.locale)) return false;
  if (typeof rate.currency !== "string" || !CURRENCY.test(rate.currency)) return false;
  const items = rate.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > 500) return false;
  for (let i = 0; i < items.length; i++) if (!plainItem(items[i])) return false; // not every(): it skips holes
  return true;
}

/** What `parseJsonBody` returns for a body that is not JSON. */
export const NOT_JSON: unique symbol = Symbol("not JSON");

export function parseJsonBody(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return NOT_JSON;
  }
}

export function parseRateRequestPayload(rawBody: string): ParsedPayload {
  return acceptRateRequestPayload(parseJsonBody(rawBody));
}

/** `parseRateRequestPayload` for a body already parsed by `parseJsonBody`. */
export function acceptRateRequestPayload(json: unknown): ParsedPayload {
  if (json === NOT_JSON) return { ok: false, message: "body is not valid JSON" };
  if (plainlyValid(json)) return { ok: true, payload: json };
  const result = rateRequestPayloadSchema.safeParse(json);
  if (result.success) return { ok: true, payload: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, message: `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}` };
}
