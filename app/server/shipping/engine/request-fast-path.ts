/**
 * A hand-written equivalent of `rateRequestSchema.parse` for well-formed requests: the callback's input was
 * validated at the edge and enriched by our own code, and zod's generic walk cost as much as routing and pricing.
 * Returns exactly what the schema returns, or null whenever the input is not plainly valid; the caller then runs
 * the schema, so invalid input still gets zod's messages. Kept in step with request-schema.ts by a property test.
 */
import { ITEM_FLAGS } from "./card-types";
import type { Address, RateRequest, RateRequestInput, RateRequestItem, SupplierData } from "./request-schema";

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

/** An item as the schema returns it, from its own fields and its already checked supplier data (if any). */
function itemWith(v: Record<string, unknown>, supplierData: SupplierData | undefined): Maybe<RateRequestItem> {
  const sku = text(v.sku);
  const id = v.variantId;
  if (sku === UNSURE || !(id == null || typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return UNSURE;
  if (!intIn(v.quantity, 1, MAX_QUANTITY) || !intIn(v.grams, 0, MAX_GRAMS) || !intIn(v.priceMinor, 0, MAX_PRICE_MINOR)) return UNSURE;
  const variantId = id == null ? null : String(id);
  return supplierData === undefined
    ? { sku, variantId, quantity: v.quantity, grams: v.grams, priceMinor: v.priceMinor }
    : { sku, variantId, quantity: v.quantity, grams: v.grams, priceMinor: v.priceMinor, supplier: supplierData };
}

function item(v: unknown): Maybe<RateRequestItem> {
  if (!plain(v)) return UNSURE;
  const s = v.supplier === undefined ? undefined : supplier(v.supplier);
  return s === UNSURE ? UNSURE : itemWith(v, s);
}

/**
 * The checks `supplier` makes, without its copy: for supplier data our own code built with exactly the schema's keys
 * (a plain object; dimensions of length, width and height only; flags of ITEM_FLAGS only), which the schema would
 * return as an equal copy.
 */
export function builtSupplierValid(v: SupplierData): boolean {
  if (v.weightGrams !== undefined && !intIn(v.weightGrams, 0, MAX_GRAMS)) return false;
  const d = v.dimensionsCm;
  if (d !== undefined && !(side(d.length) && side(d.width) && side(d.height))) return false;
  const f = v.flags as Record<string, unknown> | undefined;
  if (f !== undefined) for (const flag of ITEM_FLAGS) if (f[flag] !== undefined && typeof f[flag] !== "boolean") return false;
  if (v.hsCode !== undefined && !(typeof v.hsCode === "string" && HS_CODE.test(v.hsCode))) return false;
  if (v.originCountry !== undefined && !(typeof v.originCountry === "string" && COUNTRY.test(v.originCountry))) return false;
  return v.stock === undefined || stock(v.stock);
}

/** The request's own fields around its items, or UNSURE. */
function envelope(input: unknown): Maybe<Omit<RateRequest, "items"> & { rawItems: unknown[] }> {
  if (!plain(input) || !Array.isArray(input.items) || input.items.length < 1 || input.items.length > MAX_ITEMS) return UNSURE;
  if (typeof input.currency !== "string" || !CURRENCY.test(input.currency)) return UNSURE;
  const origin = input.origin == null ? null : address(input.origin);
  const destination = address(input.destination);
  if (origin === UNSURE || destination === UNSURE) return UNSURE;
  return { origin, destination, currency: input.currency, rawItems: input.items };
}

/** `rateRequestSchema.parse(input)` for plainly valid input; null when the schema must decide (and explain). */
export function parseValidRateRequest(input: unknown): RateRequest | null {
  const outer = envelope(input);
  if (outer === UNSURE) return null;
  const items = new Array<RateRequestItem>(outer.rawItems.length);
  for (let i = 0; i < items.length; i++) {
    const parsed = item(outer.rawItems[i]);
    if (parsed === UNSURE) return null;
    items[i] = parsed;
  }
  return { origin: outer.origin, destination: outer.destination, items, currency: outer.currency };
}

/**
 * `parseValidRateRequest` of the input with each item's supplier data set to `supplierOf(index)`, without building
 * that input and without copying supplier data: for the callback, whose supplier data our own code builds from
 * mappings with exactly the schema's keys (carrier-service/enrich.ts), per line of every distinct cart. Null when
 * anything is not plainly valid (the caller then takes the general path, which explains). Kept equal to the general
 * path by a property test.
 */
export function parseValidRateRequestWith(input: RateRequestInput, supplierOf: (index: number) => SupplierData): RateRequest | null {
  const outer = envelope(input);
  if (outer === UNSURE) return null;
  const items = new Array<RateRequestItem>(outer.rawItems.length);
  for (let i = 0; i < items.length; i++) {
    const raw = outer.rawItems[i];
    const supplierData = supplierOf(i);
    const built = plain(raw) && builtSupplierValid(supplierData) ? itemWith(raw, supplierData) : UNSURE;
    if (built === UNSURE) return null;
    items[i] = built;
  }
  return { origin: outer.origin, destination: outer.destination, items, currency: outer.currency };
}
