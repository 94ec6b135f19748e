/**
 * The engine's input: a Shopify rate request already enriched with resolved supplier data.
 * Parsed with zod so that any malformed input becomes an exclusion instead of a crash,
 * and bounded so that money arithmetic stays within safe integers.
 */
import { z } from "zod";
import { ITEM_FLAGS, type ItemFlag } from "./card-types";

const MAX_GRAMS = 1_000_000; // 1 t per unit
const MAX_QUANTITY = 10_000;
const MAX_PRICE_MINOR = 1_000_000_000; // per unit; × quantity × lines stays below 2^53

const optionalText = z.string().max(200).nullish().transform((v) => v ?? null);

const addressSchema = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  province: optionalText,
  postal_code: optionalText,
  city: optionalText,
});

const flagsSchema = z.object(
  Object.fromEntries(ITEM_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<ItemFlag, z.ZodOptional<z.ZodBoolean>>,
);

const cm = z.number().finite().positive().max(1000);

const supplierSchema = z.object({
  weightGrams: z.number().int().min(0).max(MAX_GRAMS).optional(),
  dimensionsCm: z.object({ length: cm, width: cm, height: cm }).optional(),
  flags: flagsSchema.optional(),
  hsCode: z.string().regex(/^\d{4,10}$/).optional(),
  originCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
  stock: z.record(z.string(), z.number().int().min(0)).optional(), // warehouse code → units
});

const itemSchema = z.object({
  sku: optionalText,
  variantId: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  grams: z.number().int().min(0).max(MAX_GRAMS),
  priceMinor: z.number().int().min(0).max(MAX_PRICE_MINOR),
  supplier: supplierSchema.optional(),
});

export const rateRequestSchema = z.object({
  origin: addressSchema.nullish().transform((v) => v ?? null),
  destination: addressSchema,
  items: z.array(itemSchema).min(1).max(500),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export type RateRequestInput = z.input<typeof rateRequestSchema>;
export type RateRequest = z.output<typeof rateRequestSchema>;
export type RateRequestItem = RateRequest["items"][number];
export type Address = RateRequest["destination"];
export type SupplierData = NonNullable<RateRequestItem["supplier"]>;

export type ParsedRequest = { ok: true; request: RateRequest } | { ok: false; message: string };

export function parseRateRequest(input: unknown): ParsedRequest {
  const result = rateRequestSchema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "request";
  return { ok: false, message: `${where}: ${issue?.message ?? "invalid"}` };
}
