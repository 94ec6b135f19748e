import type { Core } from "./context";
import type { BackupRate, Rec, ShopState } from "./state";
import { parseDecimal, toCarrierServiceSubunits } from "../server/money";
import { sign } from "./webhooks/delivery";
import { gramsOf, num } from "./webhooks/rest-payloads";
import { locationForVariant } from "./domains/locations";
import { applyParticipant, ratesForZone } from "./domains/delivery-zones";

export interface CheckoutLine { variantId: string; quantity: number; properties?: Record<string, string> | null }
export interface CheckoutDestination {
  country: string; postal_code?: string | null; province?: string | null; city?: string | null; name?: string | null;
  address1?: string | null; address2?: string | null; phone?: string | null; email?: string | null; company_name?: string | null;
}
export interface Quote {
  /**
   * carrier/cache/backup: the zone has the app's carrier participant; profile: only the zone's merchant rates
   * (no carrier participant there); no-zone: no zone of the covering profile ships to the destination.
   */
  source: "carrier" | "cache" | "backup" | "profile" | "no-zone";
  rates: Rec[];
  carrierServiceId: string | null;
  /** HTTP status, "timeout" or "network-error" of the callback, when one was made. */
  callbackOutcome?: number | string;
  request?: Rec;
}

export const RATE_CACHE_MS = 15 * 60 * 1000;
export const ERROR_CACHE_MS = 30 * 1000;

interface CacheEntry { expiresAt: number; rates: Rec[]; error: boolean }

export interface CheckoutDeps { core: Core; fetch: typeof fetch; timeoutMs: number; cache: Map<string, CacheEntry> }

export function createRateCache(): Map<string, CacheEntry> {
  return new Map();
}

/** What Shopify's checkout does when it needs shipping rates from an app's CarrierService. */
export async function quoteCheckout(deps: CheckoutDeps, state: ShopState, input: { lines: CheckoutLine[]; destination: CheckoutDestination; locale?: string }): Promise<Quote> {
  const request = buildRateRequest(state, input);
  // Rates come from the zone of the profile covering the cart (delivery-zones.ts); a carrier service is asked
  // only when that zone has its participant method definition (2026-10: registering it adds it to no profile).
  const firstVariant = state.nodes.get(input.lines[0]!.variantId)!;
  const origin = locationForVariant(state, firstVariant, input.lines[0]!.quantity);
  const reach = ratesForZone(deps.core, state, firstVariant.id, origin.id, input.destination.country);
  if (!reach) return { source: "no-zone", rates: [], carrierServiceId: null, request };
  const participant = reach.participants.find((p) => state.carrierServices.some((c) => c.id === p.carrierServiceId && c.active));
  const carrier = participant && state.carrierServices.find((c) => c.id === participant.carrierServiceId);
  if (!participant || !carrier) return { source: "profile", rates: reach.merchantRates, carrierServiceId: null, request };
  const withZone = (rates: Rec[]) => [...applyParticipant(participant, rates), ...reach.merchantRates];
  const key = JSON.stringify({
    carrier: carrier.id,
    items: request.rate.items.map((i: Rec) => [i.variant_id, i.quantity, i.grams]),
    origin: request.rate.origin,
    destination: request.rate.destination,
  });
  const now = deps.core.clock.now();
  const hit = deps.cache.get(key);
  if (hit && hit.expiresAt > now) return { source: hit.error ? "backup" : "cache", rates: hit.error ? hit.rates : withZone(hit.rates), carrierServiceId: carrier.id, request };

  const body = JSON.stringify(request);
  let outcome: number | string;
  try {
    // Race as well as abort: a read timeout must hold even for a fetch that ignores its signal.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("read timeout"), { name: "TimeoutError" })), deps.timeoutMs);
    });
    const response = await Promise.race([timeout, deps.fetch(carrier.callbackUrl, {
      method: "POST",
      body,
      redirect: "manual",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": sign(deps.core.apiSecret, body),
        "X-Shopify-Shop-Domain": state.domain,
      },
      signal: AbortSignal.timeout(deps.timeoutMs),
    })]).finally(() => clearTimeout(timer));
    outcome = response.status;
    if (response.status >= 200 && response.status < 300) {
      const json = (await response.json().catch(() => null)) as { rates?: Rec[] } | null;
      if (json && Array.isArray(json.rates)) {
        deps.cache.set(key, { expiresAt: now + RATE_CACHE_MS, rates: json.rates, error: false });
        return { source: "carrier", rates: withZone(json.rates), carrierServiceId: carrier.id, callbackOutcome: outcome, request };
      }
      outcome = "invalid-json";
    } else {
      await response.arrayBuffer().catch(() => undefined);
    }
  } catch (error) {
    outcome = (error as Error).name === "TimeoutError" ? "timeout" : "network-error";
  }
  // No retries: any failure falls back to the merchant's backup rates, and Shopify remembers the failure for 30 s.
  const rates = backupRates(state);
  deps.cache.set(key, { expiresAt: now + ERROR_CACHE_MS, rates, error: true });
  return { source: "backup", rates, carrierServiceId: carrier.id, callbackOutcome: outcome, request };
}

function backupRates(state: ShopState): Rec[] {
  return state.backupRates.map((r: BackupRate) => ({ ...r }));
}

export function buildRateRequest(state: ShopState, input: { lines: CheckoutLine[]; destination: CheckoutDestination; locale?: string }): { rate: Rec } {
  const currency = state.shop.currencyCode as string;
  const variants = input.lines.map((l) => {
    const v = state.nodes.get(l.variantId);
    if (!v || v.__typename !== "ProductVariant") throw new Error(`Unknown variant ${l.variantId}`);
    return v;
  });
  const originLocation = locationForVariant(state, variants[0]!, input.lines[0]!.quantity);
  const a = originLocation.address;
  const origin = {
    country: a.countryCode, postal_code: a.zip, province: a.provinceCode ?? a.province, city: a.city, name: null,
    address1: a.address1, address2: a.address2, address3: null, phone: a.phone, fax: null, email: null, address_type: null, company_name: null,
  };
  const d = input.destination;
  const destination = {
    country: d.country, postal_code: d.postal_code ?? null, province: d.province ?? null, city: d.city ?? null, name: d.name ?? null,
    address1: d.address1 ?? null, address2: d.address2 ?? null, address3: null, phone: d.phone ?? null, fax: null,
    email: d.email ?? null, address_type: null, company_name: d.company_name ?? null,
  };
  const items = input.lines.map((line, i) => {
    const v = variants[i]!;
    const location = locationForVariant(state, v, line.quantity);
    return {
      name: v.title === "Default Title" ? v.product.title : `${v.product.title} - ${v.title}`,
      sku: v.inventoryItem.sku ?? "",
      quantity: line.quantity,
      grams: gramsOf(v.inventoryItem.measurement.weight),
      price: toCarrierServiceSubunits(parseDecimal(v.price, currency)),
      vendor: v.product.vendor,
      requires_shipping: v.inventoryItem.requiresShipping,
      taxable: v.taxable,
      fulfillment_service: location.fulfillmentService?.handle ?? "manual",
      properties: line.properties ?? null,
      product_id: num(v.product.id),
      variant_id: num(v.id),
    };
  });
  return { rate: { origin, destination, items, currency, locale: input.locale ?? "en" } };
}
