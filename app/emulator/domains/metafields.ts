import { createHash } from "node:crypto";
import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";

/** `$app` and `$app:foo` are app-owned namespaces Shopify expands to `app--<appId>` and `app--<appId>--foo`. */
export function expandNamespace(ns: string | null | undefined, appId: number): string {
  if (!ns) return `app--${appId}`;
  if (ns === "$app") return `app--${appId}`;
  if (ns.startsWith("$app:")) return `app--${appId}--${ns.slice(5)}`;
  return ns;
}

const OWNER_TYPES: Record<string, string> = {
  Product: "PRODUCT", ProductVariant: "PRODUCTVARIANT", Shop: "SHOP", Order: "ORDER", Location: "LOCATION", Collection: "COLLECTION",
};

export interface MetafieldWrite { namespace?: string | null; key?: string | null; type?: string | null; value?: string | null; id?: string | null; compareDigest?: string | null }

export function setMetafield(core: Core, state: ShopState, owner: Rec, input: MetafieldWrite): Rec {
  owner.metafields ??= [];
  const namespace = expandNamespace(input.namespace, core.appId);
  const existing = (owner.metafields as Rec[]).find((m) => (input.id && m.id === input.id) || (m.namespace === namespace && m.key === input.key));
  const now = isoAt(core.clock);
  if (existing) {
    if (input.value != null) existing.value = input.value;
    if (input.type) existing.type = input.type;
    existing.updatedAt = now;
    return existing;
  }
  const rec: Rec = {
    __typename: "Metafield",
    id: core.ids.next("Metafield"),
    namespace,
    key: input.key,
    type: input.type ?? "single_line_text_field",
    value: input.value ?? "",
    createdAt: now,
    updatedAt: now,
    owner,
    ownerType: OWNER_TYPES[owner.__typename] ?? "PRODUCT",
    jsonValue(this: Rec) { return jsonValueOf(this.type, this.value); },
    compareDigest(this: Rec) { return createHash("sha256").update(`${this.value}`).digest("hex"); },
  };
  owner.metafields.push(rec);
  register(state, rec);
  return rec;
}

function jsonValueOf(type: string, value: string): unknown {
  if (type.startsWith("list.") || type === "json" || type === "dimension" || type === "weight" || type === "money" || type === "rating" || type === "volume") {
    try { return JSON.parse(value); } catch { return value; }
  }
  if (type === "number_integer") return Number.parseInt(value, 10);
  if (type === "number_decimal") return value;
  if (type === "boolean") return value === "true";
  return value;
}

export function findMetafield(list: Rec[], args: Record<string, unknown>, appId: number): Rec | null {
  const key = String(args.key ?? "");
  const [nsFromKey, keyPart] = key.includes(".") && args.namespace == null ? [key.slice(0, key.lastIndexOf(".")), key.slice(key.lastIndexOf(".") + 1)] : [args.namespace as string | undefined, key];
  const namespace = expandNamespace(nsFromKey, appId);
  return list.find((m) => m.namespace === namespace && m.key === keyPart) ?? null;
}

export function filterMetafields(list: Rec[], args: Record<string, unknown>, appId: number): Rec[] {
  let out = list;
  if (args.namespace) out = out.filter((m) => m.namespace === expandNamespace(args.namespace as string, appId));
  if (Array.isArray(args.keys) && args.keys.length) {
    const wanted = new Set((args.keys as string[]).map((k) => {
      const i = k.lastIndexOf(".");
      return `${expandNamespace(k.slice(0, i), appId)}.${k.slice(i + 1)}`;
    }));
    out = out.filter((m) => wanted.has(`${m.namespace}.${m.key}`));
  }
  return out;
}
