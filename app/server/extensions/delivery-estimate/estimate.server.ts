/**
 * The storefront delivery estimate (theme app extension block, fed through the app proxy): for one variant and
 * the buyer's country, the service most buyers pick (the cheapest Silkroute quote) with its warehouse country,
 * delivery window and duty treatment. Same path as checkout (shop context, supplier mapping, live FX), one unit.
 */
import { z } from "zod";
import { LruCache } from "../../cache/lru";
import { cachedFxTable } from "../../fx/fx-rates.server";
import type { Money } from "../../money";
import { enrichItems } from "../../shipping/carrier-service/enrich";
import { quoteRates, type Quote } from "../../shipping/engine";
import { mappingsForLines } from "../../shipping/mapping-cache.server";
import { shopRateContext } from "../../shipping/shop-rate-context.server";
import { toGid } from "../../shopify/gid";

/** What the block sends (Liquid fills it from the variant, `localization` and `cart.currency`). */
export const estimateQuerySchema = z.object({
  variant: z.string().regex(/^\d{1,20}$/),
  country: z.string().toUpperCase().regex(/^[A-Z]{2}$/),
  currency: z.string().toUpperCase().regex(/^[A-Z]{3}$/),
  price: z.coerce.number().int().min(0).max(1_000_000_000), // minor units, as Liquid's `variant.price`
  grams: z.coerce.number().int().min(0).max(1_000_000),
});
export type EstimateQuery = z.output<typeof estimateQuerySchema>;

export type DeliveryEstimate =
  | { available: false }
  | {
    available: true; serviceName: string; warehouseCountry: string; minDate: string; maxDate: string;
    /** "none": nothing to pay on delivery (domestic, or tax collected at checkout such as EU IOSS). */
    duties: "included" | "due" | "none"; dutiesDue: { amountMinor: number; currency: string } | null;
  };

export const ESTIMATE_CACHE_ENTRIES = 5_000;
export const ESTIMATE_TTL_MS = 10 * 60_000;
// Keyed by buyer-chosen values, so bounded; the context versions in the key drop answers from replaced cards.
const cache = new LruCache<string, { value: DeliveryEstimate; expiresAt: number }>({ maxEntries: ESTIMATE_CACHE_ENTRIES });

export function estimateCacheSize(): number {
  return cache.size;
}

export async function deliveryEstimate(shop: string, query: EstimateQuery, now = new Date()): Promise<DeliveryEstimate> {
  const context = await shopRateContext(shop, now.getTime());
  const key = [shop, context.cardsVersion, context.settingsVersion, now.toISOString().slice(0, 10), query.variant, query.country, query.currency, query.price, query.grams].join("|");
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now.getTime()) return hit.value;
  const value = await compute(shop, query, context, now);
  cache.set(key, { value, expiresAt: now.getTime() + ESTIMATE_TTL_MS });
  return value;
}

async function compute(shop: string, query: EstimateQuery, context: Awaited<ReturnType<typeof shopRateContext>>, now: Date): Promise<DeliveryEstimate> {
  const variantGid = toGid("ProductVariant", query.variant);
  const [mapping] = await mappingsForLines(shop, [{ variantGid, sku: null }], now.getTime());
  if (!mapping) return { available: false }; // not a Silkroute item: the merchant's own shipping applies
  const input = enrichItems({
    origin: null, destination: { country: query.country, province: null, postal_code: null, city: null }, currency: query.currency,
    items: [{ sku: null, variantId: variantGid, quantity: 1, grams: query.grams, priceMinor: query.price }],
  }, [mapping], context.defaultBox);
  const fx = cachedFxTable();
  const result = quoteRates(input, { engine: context.engine, merchantRules: context.merchantRules, fx: { base: fx.base, rates: fx.rates, asOf: fx.effectiveDate }, now });
  const quote = cheapest(result.quotes);
  if (!quote) return { available: false };
  const warehouseCode = quote.parcels[0]?.warehouseCode ?? "";
  const warehouseCountry = context.engine.warehouses.get(warehouseCode)?.country ?? warehouseCode.slice(0, 2);
  const due = quote.incoterm === "DDU" ? dutiesDue(quote) : null;
  return {
    available: true, serviceName: quote.serviceName, warehouseCountry,
    minDate: quote.minDeliveryDateText.slice(0, 10), maxDate: quote.maxDeliveryDateText.slice(0, 10),
    duties: quote.incoterm === "DDP" ? "included" : due ? "due" : "none",
    dutiesDue: due && due.amount > 0 ? { amountMinor: due.amount, currency: due.currency } : null,
  };
}

function cheapest(quotes: readonly Quote[]): Quote | undefined {
  return [...quotes].sort((a, b) => a.total.amount - b.total.amount || a.maxDeliveryDate.getTime() - b.maxDeliveryDate.getTime())[0];
}

/**
 * Duty, import tax and fees the buyer pays on delivery (DDU), in the quote's currency; null when nothing is due
 * then. Same split as the rate's description (engine/describe-quote.ts): a parcel whose tax the seller collects at
 * checkout (EU IOSS ≤ €150, UK ≤ £135, …) owes nothing on delivery, nor one with no duties at all.
 */
function dutiesDue(quote: Quote): Money | null {
  const onDelivery = quote.parcels.filter((p) => p.duties.collectedAt !== "none" && !(p.duties.collectedAt === "checkout" && p.duties.tax.amount > 0));
  if (!onDelivery.length) return null;
  const amount = onDelivery.reduce((total, p) => total + p.duties.duty.amount + p.duties.tax.amount + p.duties.fees.amount, 0);
  return { amount, currency: quote.total.currency };
}
