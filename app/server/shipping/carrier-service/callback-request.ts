/**
 * Shopify's parsed rate request to the engine's checked request in one pass, for the callback's in-memory path.
 * Before, a distinct cart walked its lines four times: payload.ts's acceptance, fromCarrierServicePayload's copy,
 * the engine's own check of that copy (request-fast-path.ts) and the check of each line's supplier data, each
 * building objects the next one copied (ADR 0720, "Fourteenth round").
 * `callbackCart` returns null whenever any of those steps would not plainly accept the request, or the cart has
 * nothing to ship; the caller then takes the steps one by one, which answer the same and explain a refusal. A
 * property test keeps the two ways equal.
 */
import { toGid } from "../../shopify/gid";
import type { RateRequest } from "../engine";
import type { RateRequestItem } from "../engine/request-schema";
import type { LineKey, MappingFields } from "../mapping-cache.server";
import type { DefaultBoxCm } from "../settings.server";
import { supplierWithBox } from "./enrich";
import { builtSupplierValid } from "../engine/request-fast-path";
import { optionalText, plainAddress, plainItem } from "./payload";

type Address = RateRequest["destination"];

/** A line whose variant id is a number (as Shopify sends it): the table is searched by the number, and the GID string
 *  is built only if a query needs it (a cold shop, a line the table lacks). */
class VariantLineKey implements LineKey {
  constructor(readonly variantNumber: number, readonly sku: string | null) {}
  get variantGid(): string {
    return toGid("ProductVariant", this.variantNumber);
  }
}

const POSITIVE_DIGITS = /^[1-9]\d*$/;

/** How the mapping store finds a line: by its variant (number or GID), else by its SKU. */
export function lineKey(item: { variantId?: string | number | null; sku?: string | null }): LineKey {
  const sku = item.sku ? item.sku : null;
  if (typeof item.variantId === "number" && Number.isSafeInteger(item.variantId) && item.variantId > 0) return new VariantLineKey(item.variantId, sku);
  const id = item.variantId == null ? "" : String(item.variantId);
  return { variantGid: POSITIVE_DIGITS.test(id) ? toGid("ProductVariant", id) : null, sku };
}

/** A line that requires shipping, as the engine reads it (without supplier data yet). */
interface CartLine { readonly sku: string | null; readonly variantId: string | null; readonly quantity: number; readonly grams: number; readonly priceMinor: number }

export interface CallbackCart {
  readonly origin: Address | null;
  readonly destination: Address;
  readonly currency: string;
  readonly lines: readonly CartLine[];
  /** Each line's key for the mapping store, in the same order. */
  readonly keys: readonly LineKey[];
}

const CURRENCY = /^[A-Z]{3}$/;
const MAX_ITEMS = 500;
const MAX_PRICE_MINOR = 1_000_000_000;
const record = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An address both checks accept, as the engine keeps it (country in capitals), or null. */
function address(v: unknown): Address | null {
  if (!plainAddress(v)) return null; // payload.ts's acceptance
  const { postal_code: postalCode, province, city } = v;
  return { country: v.country.toUpperCase(), province: (province ?? null) as string | null, postal_code: (postalCode ?? null) as string | null, city: (city ?? null) as string | null };
}

/** The engine's line for an item payload.ts accepts, or null when the engine's check would refuse it (a price given as
 *  digits over 1,000,000,000 minor units). */
function cartLine(v: Record<string, unknown>): CartLine | null {
  const price = v.price;
  const priceMinor = typeof price === "string" ? Number(price) : (price as number);
  if (priceMinor > MAX_PRICE_MINOR) return null;
  const id = v.variant_id;
  return { sku: (v.sku ?? null) as string | null, variantId: id == null ? null : String(id), quantity: v.quantity as number, grams: v.grams as number, priceMinor };
}

/** The cart of a parsed rate request that every step accepts plainly and that has something to ship, else null. */
export function callbackCart(json: unknown): CallbackCart | null {
  if (!record(json) || !record(json.rate)) return null;
  const rate = json.rate;
  const origin = rate.origin == null ? null : address(rate.origin);
  const destination = address(rate.destination);
  if ((rate.origin != null && origin === null) || destination === null || !optionalText(rate.locale)) return null;
  const currency = rate.currency;
  if (typeof currency !== "string" || !CURRENCY.test(currency)) return null;
  const items = rate.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ITEMS) return null;
  const lines: CartLine[] = [];
  const keys: LineKey[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!plainItem(item)) return null; // payload.ts's acceptance
    if (item.requires_shipping === false) continue;
    const line = cartLine(item);
    if (line === null) return null;
    lines.push(line);
    keys.push(lineKey({ variantId: item.variant_id as string | number | null | undefined, sku: line.sku }));
  }
  return lines.length === 0 ? null : { origin, destination, currency, lines, keys };
}

/**
 * The engine's checked request for the cart with each line's mapping (null: unmapped, in the shop's default box), or
 * null when some line's supplier data would not pass the engine's check (the caller then quotes the general way).
 */
export function withSuppliers(cart: CallbackCart, mappings: readonly (MappingFields | null)[], defaultBox: DefaultBoxCm): RateRequest | null {
  const box = { length: defaultBox.length, width: defaultBox.width, height: defaultBox.height }; // shared read-only by this request's unmapped lines
  const items = new Array<RateRequestItem>(cart.lines.length);
  for (let i = 0; i < items.length; i++) {
    const line = cart.lines[i]!;
    const supplier = supplierWithBox(mappings[i] ?? null, box);
    if (!builtSupplierValid(supplier)) return null;
    items[i] = { sku: line.sku, variantId: line.variantId, quantity: line.quantity, grams: line.grams, priceMinor: line.priceMinor, supplier };
  }
  return { origin: cart.origin, destination: cart.destination, items, currency: cart.currency };
}
