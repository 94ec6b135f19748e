/** Test fixtures as builders with overrides (docs/CONVENTIONS.md). Not imported by production code. */
import crypto from "node:crypto";
import db from "../../../db.server";
import { toGid } from "../../shopify/gid";
import { notifyMappingsChanged } from "../../sourcing/variant-mappings.server";

let nextId = 41_000_000;

export function buildRateItem(overrides: Record<string, unknown> = {}) {
  const id = nextId++;
  return {
    name: "Silk scarf - Red", sku: `SCARF-${id}`, quantity: 1, grams: 300, price: 1999, vendor: "Hangzhou Silk Co",
    requires_shipping: true, taxable: true, fulfillment_service: "manual", properties: null, product_id: id + 500_000, variant_id: id,
    ...overrides,
  };
}

type Address = Record<string, unknown>;

/** Shopify's documented rate request: `{ rate: { origin, destination, items, currency, locale } }`. */
export function buildRatePayload(overrides: { destination?: Address; origin?: Address; items?: unknown[]; currency?: string } = {}) {
  return {
    rate: {
      origin: { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen", name: null, address1: "1 Factory Rd", address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null, ...overrides.origin },
      destination: { country: "US", postal_code: "94103", province: "CA", city: "San Francisco", name: "Jane Buyer", address1: "1 Market St", address2: null, address3: null, phone: "+14155550100", fax: null, email: "jane@example.com", address_type: null, company_name: null, ...overrides.destination },
      items: overrides.items ?? [buildRateItem()],
      currency: overrides.currency ?? "USD",
      locale: "en",
    },
  };
}

/** A rate request signed as Shopify's checkout signs it (base64 HMAC-SHA256 of the raw body with the app secret). */
export function signedRateRequest(shop: string, payload: unknown, options: { hmac?: string | null; secret?: string; method?: string } = {}): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const secret = options.secret ?? process.env.SHOPIFY_API_SECRET!;
  const hmac = options.hmac === undefined ? crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64") : options.hmac;
  const headers = new Headers({ "Content-Type": "application/json", "X-Shopify-Shop-Domain": shop });
  if (hmac !== null) headers.set("X-Shopify-Hmac-Sha256", hmac);
  return new Request(`${process.env.SHOPIFY_APP_URL}/carrier-service/rates`, { method: options.method ?? "POST", headers, body: options.method === "GET" ? undefined : body });
}

/** Stores a supplier mapping for a variant and tells caches, as the sourcing import does. */
export async function seedVariantMapping(shop: string, variantId: number | string, overrides: Record<string, unknown> = {}) {
  const row = await db.variantMapping.create({
    data: {
      shop, productGid: toGid("Product", Number(variantId) + 500_000), variantGid: toGid("ProductVariant", variantId), shopifySku: null,
      supplier: "sandbox", supplierProductId: `P-${variantId}`, supplierSku: `S-${variantId}`, weightGrams: 300, flags: "", ...overrides,
    },
  });
  notifyMappingsChanged(shop);
  return row;
}
