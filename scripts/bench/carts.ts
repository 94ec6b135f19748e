/**
 * The rate requests the checkout-rate benchmarks send, built in one place: Shopify's CarrierService request body
 * (`rate` with origin, destination, items, currency, locale; ../shared/reference/shopify-platform.md §1), signed as
 * Shopify signs it (X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's secret).
 * carrier-service.ts seeds the shop CARRIER_BENCH names (.data/bench-carrier.db); fast-path-ab.ts and quote-path.ts
 * send it the same carts; carrier-service-shops.ts builds its own shops' carts from the same parts.
 */
import crypto from "node:crypto";

/** The carrier-service bench's one shop: 100,000 mapped SKUs, variant ids from `firstVariant`. */
export const CARRIER_BENCH = {
  shop: "bench-carrier.myshopify.com",
  secret: "bench-carrier-secret",
  mappings: 100_000,
  firstVariant: 7_000_000_000,
} as const;

/** The server's environment for the carrier-service bench's shop (`databaseUrl`: BENCH_DATABASE_URL or the file). */
export const carrierBenchEnv = (databaseUrl = "file:./.data/bench-carrier.db") => ({
  NODE_ENV: "production" as const, SILKROUTE_MODE: "test", // production mode would demand a public https app URL
  DATABASE_URL: databaseUrl,
  SHOPIFY_API_KEY: "bench-carrier-key", SHOPIFY_API_SECRET: CARRIER_BENCH.secret, SHOPIFY_APP_URL: "http://127.0.0.1:3999",
  SILKROUTE_ENCRYPTION_KEYS: "k1:" + Buffer.alloc(32, 7).toString("base64"),
});

// Shopify sends every address field, null when the buyer left it empty.
const NO_ADDRESS = { name: null, address1: null, address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null };
const ORIGIN = { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen", ...NO_ADDRESS };

/** Where the carts go, each with the checkout's presentment currency. */
export const DESTINATIONS = [
  { country: "DE", postal_code: "10115", province: "BE", city: "Berlin", currency: "EUR" },
  { country: "FR", postal_code: "75001", province: null, city: "Paris", currency: "EUR" },
  { country: "US", postal_code: "94103", province: "CA", city: "San Francisco", currency: "USD" },
  { country: "US", postal_code: "99501", province: "AK", city: "Anchorage", currency: "USD" },
  { country: "GB", postal_code: "SW1A 1AA", province: null, city: "London", currency: "GBP" },
  { country: "AU", postal_code: "2000", province: "NSW", city: "Sydney", currency: "AUD" },
  { country: "CA", postal_code: "M5V 2T6", province: "ON", city: "Toronto", currency: "CAD" },
  { country: "JP", postal_code: "100-0001", province: "13", city: "Tokyo", currency: "JPY" },
  { country: "NL", postal_code: "1012", province: null, city: "Amsterdam", currency: "EUR" },
] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** One cart line for SKU number `n` (`BENCH-<n>`, the seeded mappings' Shopify SKU), price in minor units. */
export const cartLine = (n: number, quantity: number, grams: number, price: number, firstVariant: number = CARRIER_BENCH.firstVariant) => ({
  name: `Bench item ${n}`, sku: `BENCH-${n}`, quantity, grams, price, vendor: "Bench", requires_shipping: true, taxable: true,
  fulfillment_service: "manual", properties: null, product_id: firstVariant + n + 1_000_000, variant_id: firstVariant + n,
});

export function rateRequestBody(destination: Destination, items: ReturnType<typeof cartLine>[]): string {
  const { currency, ...address } = destination;
  return JSON.stringify({ rate: { origin: ORIGIN, destination: { ...address, ...NO_ADDRESS }, items, currency, locale: "en" } });
}

export const signature = (body: string | Buffer, secret: string = CARRIER_BENCH.secret) => crypto.createHmac("sha256", secret).update(body).digest("base64");

/** The headers Shopify sends with a rate request. */
export const signedHeaders = (body: string | Buffer, shop: string = CARRIER_BENCH.shop, secret: string = CARRIER_BENCH.secret) => ({
  "content-type": "application/json", "x-shopify-shop-domain": shop, "x-shopify-hmac-sha256": signature(body, secret),
});

/** The 5-line cart to Berlin: supplier data (weights, sizes, battery/cosmetic flags, stock) comes from the mappings. */
export function repeatCartBody(): string {
  return rateRequestBody(DESTINATIONS[0], [cartLine(10, 2, 180, 1299), cartLine(20_011, 1, 420, 950), cartLine(40_022, 1, 260, 2400), cartLine(60_033, 3, 40, 600), cartLine(99_998, 1, 90, 499)]);
}

/** A cart no earlier request had: 5 distinct random SKUs (of the first `skus`), random quantities and destination.
 *  `serial` goes into the last line's price, so every body is unique even when the random draw repeats. */
export function distinctCartBody(serial: number, skus: number = CARRIER_BENCH.mappings): string {
  const destination = DESTINATIONS[crypto.randomInt(DESTINATIONS.length)]!;
  const picked = new Set<number>();
  while (picked.size < 5) picked.add(crypto.randomInt(skus));
  return rateRequestBody(destination, [...picked].map((n, i) => cartLine(n, 1 + crypto.randomInt(3), 50 + (n % 400), i === 4 ? 100_000 + serial : 300 + (n % 5000))));
}
