/**
 * A subset of Shopify's search syntax: `key:value`, `key:"quoted"`, `key:prefix*`, `-key:value`,
 * bare words (matched against a default text), implicit AND, and top-level OR.
 */
type Term = { key: string | null; value: string; negate: boolean };

export type FieldLookup = (key: string) => (string | number | null | undefined)[] | undefined;

export function matchesQuery(query: string | null | undefined, lookup: FieldLookup, defaultText: string): boolean {
  if (!query || !query.trim()) return true;
  return splitOr(query).some((clause) => parseTerms(clause).every((t) => matchTerm(t, lookup, defaultText)));
}

function splitOr(query: string): string[] {
  return query.split(/\s+OR\s+/);
}

function parseTerms(clause: string): Term[] {
  const terms: Term[] = [];
  const re = /(-|NOT\s+)?(?:([A-Za-z_.]+):)?(?:"([^"]*)"|'([^']*)'|(\S+))/g;
  for (const m of clause.matchAll(re)) {
    const value = m[3] ?? m[4] ?? m[5] ?? "";
    if (!m[2] && value === "AND") continue;
    terms.push({ key: m[2] ?? null, value, negate: !!m[1] });
  }
  return terms;
}

function matchTerm(term: Term, lookup: FieldLookup, defaultText: string): boolean {
  const result = term.key ? matchField(term.key, term.value, lookup) : defaultText.toLowerCase().includes(term.value.toLowerCase());
  return term.negate ? !result : result;
}

function matchField(key: string, raw: string, lookup: FieldLookup): boolean {
  const values = lookup(key.toLowerCase());
  if (!values) return false;
  const comparison = /^(<=|>=|<|>)(.*)$/.exec(raw);
  if (comparison) {
    const [, op, rhs] = comparison;
    return values.some((v) => compare(v, op!, rhs!));
  }
  const prefix = raw.endsWith("*");
  const wanted = (prefix ? raw.slice(0, -1) : raw).toLowerCase();
  return values.some((v) => {
    if (v == null) return false;
    const text = String(v).toLowerCase();
    return prefix ? text.startsWith(wanted) : text === wanted;
  });
}

function compare(v: string | number | null | undefined, op: string, rhs: string): boolean {
  if (v == null) return false;
  const a = typeof v === "number" ? v : Number.isNaN(Number(v)) ? Date.parse(String(v)) : Number(v);
  const b = Number.isNaN(Number(rhs)) ? Date.parse(rhs) : Number(rhs);
  if (op === "<") return a < b;
  if (op === "<=") return a <= b;
  if (op === ">") return a > b;
  return a >= b;
}
