/**
 * A web process's warm-up before it takes checkouts (both servers call it before listening; ADR 0720, "Eleventh
 * round"). Beyond the first quote's one-time costs (warmRateContexts: Prisma's query compiler loaded, the warehouse
 * registry read, the sample cards compiled), a fresh process runs all of a new shop's first callback as cold code:
 * its reads on the driver (the install check, the rate context's rows, the mapping lookups; through Prisma until
 * the "Twelfth round", its client and WebAssembly query compiler not yet optimised by V8), the quote itself, and the
 * first table loads. In the many-shops bench the first second's new shops then
 * took up to ~1 s (4 to 7 answers over 500 ms in each of four runs). So the warm-up runs the same work WARM_ROUNDS
 * times for a domain no shop can have (it fails the shop-domain check, so no request can name it), and builds and
 * frees one small table: nothing is written, cached or kept.
 */
import { MappingTable } from "../mapping-store/mapping-table";
import { mappingsForLines } from "../mapping-cache.server";
import { uncachedShopRateContext, warmRateContexts } from "../shop-rate-context.server";
import { toGid } from "../../shopify/gid";
import { installRow } from "./authenticate.server";
import { quoteForWarmUp } from "./rates.server";

export const WARM_ROUNDS = 60;
/** Not a shop domain (authenticate.server.ts refuses it), so no row, context or table can be its. */
export const NO_SHOP = "warm-up.invalid";
const LINES = [1, 2, 3].map((n) => ({ variantGid: toGid("ProductVariant", n), sku: `WARM-UP-${n}` }));
const MAPPING = { weightGrams: 320, lengthMm: 220, widthMm: 160, heightMm: 40, hsCode: "610910", originCountry: "CN", flags: "", stock: null };
const DESTINATIONS = [
  { country: "US", province: "CA", postal_code: "94103", city: "San Francisco" },
  { country: "DE", province: null, postal_code: "10115", city: "Berlin" },
  { country: "GB", province: null, postal_code: "SW1A 1AA", city: "London" },
  { country: "AU", province: "NSW", postal_code: "2000", city: "Sydney" },
];

/** A rate request as Shopify sends it (shopify-platform.md §1), three lines, to one of four countries. */
function sampleBody(round: number): string {
  const items = LINES.map((_, i) => ({
    name: `Warm-up item ${i + 1}`, sku: `WARM-UP-${i + 1}`, quantity: 1 + ((round + i) % 3), grams: 300, price: 1_500 + 700 * i, vendor: "Silkroute",
    requires_shipping: true, taxable: true, fulfillment_service: "manual", properties: null, product_id: 100 + i, variant_id: i + 1,
  }));
  const destination = { name: null, address1: "1 Main St", address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null, ...DESTINATIONS[round % DESTINATIONS.length] };
  const origin = { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen", name: null, address1: "1 Factory Rd", address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null };
  return JSON.stringify({ rate: { origin, destination, items, currency: "USD", locale: "en" } });
}

/** Builds, reads and frees a table as a shop's first load does (MappingTable is pure: no database). */
function warmTable(rows: number): void {
  const table = new MappingTable(rows);
  for (let i = 1; i <= rows; i++) table.upsert({ ...MAPPING, variantGid: toGid("ProductVariant", i), shopifySku: `WARM-UP-${i}`, stock: { "CN-SZ": i } });
  table.trim();
  for (let i = 1; i <= rows; i += 7) table.byVariantNumber(i);
  table.release();
}

/** Returns how many of its rounds quoted at least one rate (all of them, unless the sample cards changed). */
export async function warmCheckoutRates(rounds = WARM_ROUNDS): Promise<number> {
  await warmRateContexts();
  let quoted = 0;
  for (let round = 0; round < rounds; round++) {
    await installRow(NO_SHOP);
    const context = await uncachedShopRateContext(NO_SHOP);
    const mappings = await mappingsForLines(NO_SHOP, LINES, Date.now(), { load: false });
    const answer = quoteForWarmUp(sampleBody(round), mappings.map((m) => m ?? MAPPING), context, new Date());
    if (answer.status === 200 && answer.body.includes('"service_code"')) quoted++;
    if (round % 20 === 0) warmTable(2_000);
  }
  return quoted;
}
