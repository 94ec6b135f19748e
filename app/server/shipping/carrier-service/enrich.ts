/**
 * Pure: joins a rate request's lines with the shop's supplier mappings. Mapped lines carry the supplier's
 * weight, size, hazard flags, HS code, origin and stock; unmapped lines keep Shopify's grams and ship in the
 * shop's default box. Mapping values that the engine would reject are dropped field by field, so one bad
 * mapping never empties the whole checkout.
 */
import { parseValidRateRequestWith, type RateRequest, type RateRequestInput } from "../engine";
import { ITEM_FLAGS, type ItemFlag } from "../engine/card-types";
import type { MappingFields } from "../mapping-store/mapping-fields";
import type { DefaultBoxCm } from "../settings.server";

type ItemInput = RateRequestInput["items"][number];
type Supplier = NonNullable<ItemInput["supplier"]>;

const MAX_SIDE_CM = 1000;

const validSide = (mm: number | null | undefined): mm is number => typeof mm === "number" && mm > 0 && mm / 10 <= MAX_SIDE_CM;

function dimensions(m: MappingFields): Supplier["dimensionsCm"] {
  if (!validSide(m.lengthMm) || !validSide(m.widthMm) || !validSide(m.heightMm)) return undefined;
  return { length: m.lengthMm / 10, width: m.widthMm / 10, height: m.heightMm / 10 };
}

// A catalogue has a handful of distinct flag lists, so each is turned into supplier data once and shared, frozen, by
// every request that uses it; a database row's stock object (the cold path) is checked once per object.
const FLAG_MEMO_LIMIT = 1_000;
const flagMemo = new Map<string, Supplier["flags"]>();
const stockMemo = new WeakMap<object, Supplier["stock"] | null>();

function flags(csv: string): Supplier["flags"] {
  let out = flagMemo.get(csv);
  if (out === undefined) {
    const set = new Set(csv.split(",").map((f) => f.trim().toLowerCase()));
    const parsed: Partial<Record<ItemFlag, boolean>> = {};
    for (const flag of ITEM_FLAGS) if (set.has(flag)) parsed[flag] = true;
    if (flagMemo.size >= FLAG_MEMO_LIMIT) flagMemo.clear();
    flagMemo.set(csv, (out = Object.freeze(parsed)));
  }
  return out;
}

function stock(value: unknown): Supplier["stock"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  // The mapping store's tables hand out stock already reduced to integer quantities ≥ 0, frozen, one object per
  // read: used as it is (memoising each would only fill the WeakMap). Rows read from the database are not frozen.
  if (Object.isFrozen(value)) return value as Supplier["stock"];
  let out = stockMemo.get(value);
  if (out === undefined) {
    const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => Number.isInteger(e[1]) && (e[1] as number) >= 0);
    stockMemo.set(value, (out = entries.length ? Object.freeze(Object.fromEntries(entries)) : null));
  }
  return out ?? undefined;
}

// HS codes and origins come from a table's interned strings (a catalogue has few distinct ones): each raw value's
// normalised form is remembered rather than re-derived with regexes for every line of every request. Bounded.
const hsMemo = new Map<string, string | null>();
const originMemo = new Map<string, string | null>();

function normalised(memo: Map<string, string | null>, raw: string, normalise: (raw: string) => string | null): string | null {
  let out = memo.get(raw);
  if (out === undefined) {
    if (memo.size >= FLAG_MEMO_LIMIT) memo.clear();
    memo.set(raw, (out = normalise(raw)));
  }
  return out;
}

const hsCodeOf = (raw: string): string | null => {
  const hs = raw.replace(/\D/g, "");
  return /^\d{4,10}$/.test(hs) ? hs : null;
};
const originOf = (raw: string): string | null => {
  const origin = raw.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(origin) ? origin : null;
};

export function supplierDataFrom(m: MappingFields): Supplier {
  // Built property by property in the order the engine's validation reads them (no spreads of conditional objects).
  const out: { -readonly [K in keyof Supplier]: Supplier[K] } = {};
  if (m.weightGrams != null && Number.isInteger(m.weightGrams) && m.weightGrams >= 0 && m.weightGrams <= 1_000_000) out.weightGrams = m.weightGrams;
  const box = dimensions(m);
  if (box) out.dimensionsCm = box;
  out.flags = flags(m.flags ?? "");
  const hs = m.hsCode ? normalised(hsMemo, m.hsCode, hsCodeOf) : null;
  if (hs) out.hsCode = hs;
  const origin = m.originCountry ? normalised(originMemo, m.originCountry, originOf) : null;
  if (origin) out.originCountry = origin;
  const stocked = stock(m.stock);
  if (stocked) out.stock = stocked;
  return out;
}

export function enrichItems(input: RateRequestInput, mappings: readonly (MappingFields | null)[], defaultBox: DefaultBoxCm): RateRequestInput {
  return {
    ...input,
    items: input.items.map((item, i) => {
      const mapping = mappings[i];
      if (!mapping) return { ...item, supplier: { dimensionsCm: defaultBox } };
      const supplier = supplierDataFrom(mapping);
      return { ...item, supplier: supplier.dimensionsCm ? supplier : { ...supplier, dimensionsCm: defaultBox } };
    }),
  };
}

/**
 * The engine's checked request for `enrichItems(input, mappings, defaultBox)`, built in one pass: each line's supplier
 * data is checked where it is built rather than copied again by the engine's validation (which was most of what
 * joining cost a distinct cart). Null when anything is not plainly valid: the caller then quotes `enrichItems`'
 * output, whose validation explains.
 */
export function enrichedRequest(input: RateRequestInput, mappings: readonly (MappingFields | null)[], defaultBox: DefaultBoxCm): RateRequest | null {
  const box = { length: defaultBox.length, width: defaultBox.width, height: defaultBox.height }; // shared read-only by this request's unmapped lines
  return parseValidRateRequestWith(input, (i) => supplierWithBox(mappings[i] ?? null, box));
}

/** A line's supplier data as `enrichItems` gives it: the mapping's, sized by the default box when it has no size. */
export function supplierWithBox(mapping: MappingFields | null, box: Supplier["dimensionsCm"]): Supplier {
  if (!mapping) return { dimensionsCm: box };
  const supplier = supplierDataFrom(mapping);
  return supplier.dimensionsCm ? supplier : { ...supplier, dimensionsCm: box };
}
