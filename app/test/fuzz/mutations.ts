/**
 * fast-check arbitraries that turn a documented payload into what an attacker or a buggy sender could send:
 * a value swapped for another type, a key dropped or duplicated, prototype keys, unicode, long strings, deep
 * nesting, truncated or non-JSON text. Every body is then signed like Shopify signs it, so it reaches the handler.
 */
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths to every value in a JSON document (the root included). */
function pathsOf(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = setAt(copy[head as number] ?? null, rest, replace);
    if (rest.length === 0 && replace(copy[head as number]!) === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (root && typeof root === "object") {
    const copy: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(root)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    const old = copy[head as string] ?? null;
    const next = rest.length === 0 ? replace(old) : setAt(old, rest, replace);
    if (next === undefined) delete copy[head as string];
    else Object.defineProperty(copy, head as string, { value: next, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return root;
}

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Values a field may be replaced with: other types, edge numbers, GID-looking and prototype-looking strings, unicode. */
export const strangeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }).map((d) => (Number.isFinite(d) ? d : 0)),
  fc.constantFrom<Json>(0, -1, 1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -0.5, true, false, null, "", " ", "-1", "1e999", "NaN",
    "gid://shopify/Order/abc", "gid://shopify/Product/1", "gid://shopify/FulfillmentOrder/", "٣٤٥", "👩‍👩‍👧‍👦", "\u0000", "\ud800", "a\nb", ...PROTOTYPE_KEYS),
  fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 4 }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_KEYS)), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxKeys: 4 }),
  fc.nat({ max: 60 }).map((depth) => { let v: Json = 1; for (let i = 0; i < depth; i++) v = [v]; return v; }),
  fc.nat({ max: 20_000 }).map((n) => "x".repeat(n)),
);

export type BodyMutation =
  | { kind: "as-documented" }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "drop"; at: number }
  | { kind: "prototype-key"; at: number; key: string; value: Json }
  | { kind: "whole"; value: Json }
  | { kind: "text"; text: string };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "as-documented" as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: strangeValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("prototype-key" as const), at: fc.nat(), key: fc.constantFrom(...PROTOTYPE_KEYS), value: strangeValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: strangeValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("text" as const), text: fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("", "{", "[", "{\"id\":1,\"id\":\"dup\"}", "null", "\"str\"", "{\"a\":1}}")) }) },
);

/** The body text for a mutation of `documented`. Keys are duplicated in the text form of "prototype-key" too. */
export function mutatedBody(documented: unknown, mutation: BodyMutation): string {
  const base = documented as Json;
  const paths = pathsOf(base);
  const pick = (at: number) => paths[at % paths.length]!;
  switch (mutation.kind) {
    case "as-documented": return JSON.stringify(base);
    case "replace": return JSON.stringify(setAt(base, pick(mutation.at), () => mutation.value));
    case "drop": return JSON.stringify(setAt(base, pick(mutation.at), () => undefined));
    case "prototype-key": {
      const containers = paths.filter((p) => { const v = p.reduce<Json>((o, k) => (o as never)[k], base); return v !== null && typeof v === "object" && !Array.isArray(v); });
      const target = containers[mutation.at % containers.length] ?? [];
      const text = JSON.stringify(setAt(base, target, (old) => old));
      // Spliced as text: JSON.parse makes "__proto__" an own key (an object literal would set the prototype).
      const inject = `${JSON.stringify(mutation.key)}:${JSON.stringify(mutation.value)},`;
      const container = JSON.stringify(target.reduce<Json>((o, k) => (o as never)[k], base));
      return target.length === 0 ? `{${inject}${text.slice(1)}` : text.replace(container, `{${inject}${container.slice(1)}`.replace(/,}$/, "}"));
    }
    case "whole": return JSON.stringify(mutation.value);
    case "text": return mutation.text;
  }
}

/** Header-level mutations: the shop domain, topic, ids, signature and method. Each must be refused with a 4xx. */
export type HeaderMutation =
  | { kind: "none" }
  | { kind: "shop"; value: string }
  | { kind: "topic"; value: string }
  | { kind: "no-webhook-id" }
  | { kind: "bad-hmac"; value: string }
  | { kind: "no-hmac" }
  | { kind: "method"; value: string };

export const headerMutation: fc.Arbitrary<HeaderMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("shop" as const), value: fc.oneof(
    fc.constantFrom("UPPER.myshopify.com", "x.myshopify.com.evil.com", "x.myshopify.com/admin", "../x.myshopify.com", "", " ", "evil.com", "x.MYSHOPIFY.com", "a..myshopify.com", "xn--80ak6aa92e.myshopify.com.", "%2e%2e.myshopify.com"),
    fc.string({ unit: "grapheme-ascii", maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, "")),
  ) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("topic" as const), value: fc.constantFrom("", "ORDERS/CREATE", "orders/updated", "../orders/create", "orders\\create") }) },
  { weight: 1, arbitrary: fc.constant({ kind: "no-webhook-id" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bad-hmac" as const), value: fc.oneof(fc.base64String({ maxLength: 60 }), fc.string({ unit: "grapheme-ascii", maxLength: 20 })) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "no-hmac" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("method" as const), value: fc.constantFrom("GET", "PUT", "DELETE", "OPTIONS", "PATCH") }) },
);

/** Sets (or, with null, removes) a header; a value no HTTP client could send (Headers throws) leaves it as it was. */
export function setHeader(headers: Headers, name: string, value: string | null): void {
  try {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  } catch {
    // e.g. a control character: never reaches a server
  }
}
