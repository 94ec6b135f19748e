/**
 * Pure: joins a rate request's lines with the shop's supplier mappings. Mapped lines carry the supplier's
 * weight, size, hazard flags, HS code, origin and stock; unmapped lines keep Shopify's grams and ship in the
 * shop's default box. Mapping values that the engine would reject are dropped field by field, so one bad
 * mapping never empties the whole checkout.
 */
import type { RateRequestInput } from "../engine";
import { ITEM_FLAGS, type ItemFlag } from "../engine/card-types";
import type { MappingFields } from "../mapping-store/mapping-fields";
import type { DefaultBoxCm } from "../settings.server";

type ItemInput = RateRequestInput["items"][number];
type Supplier = NonNullable<ItemInput["supplier"]>;

const MAX_SIDE_CM = 1000;

function dimensions(m: MappingFields): Supplier["dimensionsCm"] {
  const sides = [m.lengthMm, m.widthMm, m.heightMm];
  if (!sides.every((s) => typeof s === "number" && s > 0 && s / 10 <= MAX_SIDE_CM)) return undefined;
  return { length: m.lengthMm! / 10, width: m.widthMm! / 10, height: m.heightMm! / 10 };
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

export function supplierDataFrom(m: MappingFields): Supplier {
  const hs = m.hsCode?.replace(/\D/g, "") ?? "";
  const origin = m.originCountry?.trim().toUpperCase() ?? "";
  const stocked = stock(m.stock);
  const box = dimensions(m);
  const weight = m.weightGrams != null && Number.isInteger(m.weightGrams) && m.weightGrams >= 0 && m.weightGrams <= 1_000_000 ? m.weightGrams : undefined;
  return {
    ...(weight !== undefined ? { weightGrams: weight } : {}),
    ...(box ? { dimensionsCm: box } : {}),
    flags: flags(m.flags ?? ""),
    ...(/^\d{4,10}$/.test(hs) ? { hsCode: hs } : {}),
    ...(/^[A-Z]{2}$/.test(origin) ? { originCountry: origin } : {}),
    ...(stocked ? { stock: stocked } : {}),
  };
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
