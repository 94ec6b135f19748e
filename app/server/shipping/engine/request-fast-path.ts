/**
 * A hand-written equivalent of `rateRequestSchema.parse` for well-formed requests: the callback's input was
 * validated at the edge and enriched by our own code, and zod's generic walk cost as much as routing and pricing.
 * Returns exactly what the schema returns, or null whenever the input is not plainly valid; the caller then runs
 * the schema, so invalid input still gets zod's messages. Kept in step with request-schema.ts by a property test.
 */
import { ITEM_FLAGS } from "./card-types";
import type { Address, RateRequest, RateRequestItem, SupplierData } from "./request-schema";

const MAX_GRAMS = 1_000_000;
const MAX_QUANTITY = 10_000;
const MAX_PRICE_MINOR = 1_000_000_000;
const MAX_ITEMS = 500;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const HS_CODE = /^\d{4,10}$/;

/** Null instead of a result: "not sure, let the schema decide". */
const UNSURE = Symbol("unsure");
type Maybe<T> = T | typeof UNSURE;

function plain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const intIn = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;

function text(v: unknown): Maybe<string | null> {
  if (v === null || v === undefined) return null;
  return typeof v === "string" && v.length <= 200 ? v : UNSURE;
}

function address(v: unknown): Maybe<Address> {
  if (!plain(v) || typeof v.country !== "string") return UNSURE;
  const country = v.country.trim().toUpperCase();
  const province = text(v.province);
  const postalCode = text(v.postal_code);
  const city = text(v.city);
  if (!COUNTRY.test(country) || province === UNSURE || postalCode === UNSURE || city === UNSURE) return UNSURE;
  return { country, province, postal_code: postalCode, city };
}

const side = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 1000;

function stock(v: unknown): boolean {
  if (!plain(v) || Object.hasOwn(v, "__proto__") || Object.getOwnPropertySymbols(v).length > 0) return false;
  for (const key in v) if (!intIn(v[key], 0, Number.MAX_SAFE_INTEGER)) return false;
  return true;
}

function supplier(v: unknown): Maybe<SupplierData> {
  if (!plain(v)) return UNSURE;
  const out: { -readonly [K in keyof SupplierData]: SupplierData[K] } = {};
  if (v.weightGrams !== undefined) {
    if (!intIn(v.weightGrams, 0, MAX_GRAMS)) return UNSURE;
    out.weightGrams = v.weightGrams;
  }
  const d = v.dimensionsCm;
  if (d !== undefined) {
    if (!plain(d) || !side(d.length) || !side(d.width) || !side(d.height)) return UNSURE;
    out.dimensionsCm = { length: d.length as number, width: d.width as number, height: d.height as number };
  }
  const f = v.flags;
  if (f !== undefined) {
    if (!plain(f)) return UNSURE;
    const flags: Record<string, boolean> = {};
    for (const flag of ITEM_FLAGS) {
      const on = f[flag];
      if (on === undefined) continue;
      if (typeof on !== "boolean") return UNSURE;
      flags[flag] = on;
    }
    out.flags = flags;
  }
  if (v.hsCode !== undefined) {
    if (typeof v.hsCode !== "string" || !HS_CODE.test(v.hsCode)) return UNSURE;
    out.hsCode = v.hsCode;
  }
  if (v.originCountry !== undefined) {
    if (typeof v.originCountry !== "string" || !COUNTRY.test(v.originCountry)) return UNSURE;
    out.originCountry = v.originCountry;
  }
  if (v.stock !== undefined) {
    if (!stock(v.stock)) return UNSURE;
    out.stock = v.stock as Record<string, number>;
  }
  return out;
}

function item(v: unknown): Maybe<RateRequestItem> {
  if (!plain(v)) return UNSURE;
  const sku = text(v.sku);
  const id = v.variantId;
  if (sku === UNSURE || !(id == null || typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return UNSURE;
  if (!intIn(v.quantity, 1, MAX_QUANTITY) || !intIn(v.grams, 0, MAX_GRAMS) || !intIn(v.priceMinor, 0, MAX_PRICE_MINOR)) return UNSURE;
  const out: RateRequestItem = { sku, variantId: id == null ? null : String(id), quantity: v.quantity, grams: v.grams, priceMinor: v.priceMinor };
  if (v.supplier === undefined) return out;
  const s = supplier(v.supplier);
  return s === UNSURE ? UNSURE : { ...out, supplier: s };
}

/** `rateRequestSchema.parse(input)` for plainly valid input; null when the schema must decide (and explain). */
export function parseValidRateRequest(input: unknown): RateRequest | null {
  if (!plain(input) || !Array.isArray(input.items) || input.items.length < 1 || input.items.length > MAX_ITEMS) return null;
  if (typeof input.currency !== "string" || !CURRENCY.test(input.currency)) return null;
  const origin = input.origin == null ? null : address(input.origin);
  const destination = address(input.destination);
  if (origin === UNSURE || destination === UNSURE) return null;
  const items = new Array<RateRequestItem>(input.items.length);
  for (let i = 0; i < items.length; i++) {
    const parsed = item(input.items[i]);
    if (parsed === UNSURE) return null;
    items[i] = parsed;
  }
  return { origin, destination, items, currency: input.currency };
}
