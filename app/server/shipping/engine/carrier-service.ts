/**
 * Pure mapping between Shopify's CarrierService JSON and the engine (no Shopify library imports).
 * The route enriches items with supplier data between the two calls.
 */
import { toCarrierServiceSubunits } from "../../money";
import type { Quote } from "./quote-types";
import type { RateRequestInput } from "./request-schema";

interface ShopifyRateItem {
  sku?: string | null;
  quantity?: number;
  grams?: number;
  price?: number | string;
  variant_id?: number | string | null;
  requires_shipping?: boolean;
}

type ShopifyAddress = { country?: string; province?: string | null; postal_code?: string | null; city?: string | null };

/** `{ rate: {...} }` → engine input. Items that do not require shipping are dropped. Unknown shapes pass through for the engine to reject. */
export function fromCarrierServicePayload(body: unknown): RateRequestInput {
  const rate = (body as { rate?: Record<string, unknown> } | null)?.rate ?? {};
  const address = (a: unknown) => {
    const v = (a ?? {}) as ShopifyAddress;
    return { country: String(v.country ?? ""), province: v.province ?? null, postal_code: v.postal_code ?? null, city: v.city ?? null };
  };
  const items = Array.isArray(rate.items) ? (rate.items as ShopifyRateItem[]) : [];
  return {
    origin: rate.origin ? address(rate.origin) : null,
    destination: address(rate.destination),
    currency: String(rate.currency ?? ""),
    items: items
      .filter((i) => i?.requires_shipping !== false)
      .map((i) => ({
        sku: i.sku ?? null,
        variantId: i.variant_id ?? null,
        quantity: Number(i.quantity),
        grams: Number(i.grams),
        priceMinor: Number(i.price), // Shopify sends integer subunits (1999 = 19.99)
      })),
  };
}

export interface CarrierServiceRate {
  service_name: string;
  service_code: string;
  total_price: string; // subunits; zero-decimal currencies still ×100
  currency: string;
  description: string;
  min_delivery_date: string;
  max_delivery_date: string;
}

export function toCarrierServiceResponse(quotes: readonly Quote[]): { rates: CarrierServiceRate[] } {
  return {
    rates: quotes.map((q) => ({
      service_name: q.serviceName,
      service_code: q.serviceCode,
      total_price: String(toCarrierServiceSubunits(q.total)),
      currency: q.total.currency,
      description: q.description,
      min_delivery_date: q.minDeliveryDateText,
      max_delivery_date: q.maxDeliveryDateText,
    })),
  };
}
