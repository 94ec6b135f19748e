import type { SandboxProductRecord } from "./catalog-types";
import { documentTokens, queryTokens } from "./tokenize";
import { CATEGORY_TEMPLATES } from "./catalog-templates";

export interface SandboxSearchQuery {
  keyword?: string;
  category?: string;
  minCostFen?: number;
  maxCostFen?: number;
  warehouse?: string;
  inStockOnly?: boolean;
  sort?: "relevance" | "price_asc" | "price_desc" | "newest";
  page: number;
  pageSize: number;
}

export interface SandboxSearchResult {
  total: number;
  indices: number[];
}

const WAREHOUSE_BITS = ["CN-GZ", "CN-SZ", "CN-YW", "US", "DE", "UK"];

/**
 * In-memory inverted index (token → sorted product positions) plus columnar filters, so a query
 * costs a postings intersection and one pass over a presorted order, never a scan of product objects.
 */
export function buildSearchIndex(products: readonly SandboxProductRecord[]) {
  const n = products.length;
  const postingsBuild = new Map<string, number[]>();
  const minCost = new Int32Array(n);
  const category = new Uint8Array(n);
  const shipsFrom = new Uint8Array(n); // bit per warehouse holding any stock
  const inStock = new Uint8Array(n);
  const categoryIds = CATEGORY_TEMPLATES.map((c) => c.id);

  products.forEach((p, i) => {
    const colours = p.options.find((o) => o.name === "Color")?.values.join(" ") ?? "";
    const cat = CATEGORY_TEMPLATES.find((c) => c.id === p.category);
    const text = `${p.title_en} ${p.title_zh} ${colours} ${cat?.name.join(" ") ?? ""} ${p.brand}`;
    for (const token of new Set(documentTokens(text))) {
      let list = postingsBuild.get(token);
      if (!list) postingsBuild.set(token, (list = []));
      list.push(i);
    }
    minCost[i] = Math.min(...p.variants.map((v) => v.cost_fen));
    category[i] = categoryIds.indexOf(p.category);
    for (const v of p.variants) for (const [w, qty] of Object.entries(v.stock)) {
      if (qty > 0) shipsFrom[i]! |= 1 << WAREHOUSE_BITS.indexOf(w);
    }
    inStock[i] = shipsFrom[i]! > 0 ? 1 : 0;
  });

  const postings = new Map<string, Int32Array>();
  for (const [token, list] of postingsBuild) postings.set(token, Int32Array.from(list));
  const order = (compare: (a: number, b: number) => number) => Int32Array.from({ length: n }, (_, i) => i).sort(compare);
  const byPopularity = order((a, b) => products[b]!.popularity - products[a]!.popularity || a - b);
  const byPriceAsc = order((a, b) => minCost[a]! - minCost[b]! || a - b);
  const byNewest = order((a, b) => products[b]!.listed_at.localeCompare(products[a]!.listed_at) || a - b);
  const mark = new Uint8Array(n);

  function candidatesFor(keyword: string): Int32Array | null {
    const tokens = queryTokens(keyword);
    if (tokens.length === 0) return null;
    const lists = tokens.map((t) => postings.get(t) ?? new Int32Array(0)).sort((a, b) => a.length - b.length);
    return lists.reduce((acc, list) => intersect(acc, list));
  }

  return {
    size: n,
    tokenCount: postings.size,
    search(q: SandboxSearchQuery): SandboxSearchResult {
      const candidates = q.keyword ? candidatesFor(q.keyword) : null;
      if (candidates) for (const i of candidates) mark[i] = 1;
      const cat = q.category ? categoryIds.indexOf(q.category) : -1;
      if (q.category && cat < 0) return { total: 0, indices: [] };
      const bit = q.warehouse ? 1 << WAREHOUSE_BITS.indexOf(q.warehouse) : 0;
      if (q.warehouse && !WAREHOUSE_BITS.includes(q.warehouse)) return { total: 0, indices: [] };
      const sequence = q.sort === "price_asc" || q.sort === "price_desc" ? byPriceAsc : q.sort === "newest" ? byNewest : byPopularity;
      const matches: number[] = [];
      const matchesOne = (i: number) =>
        (!candidates || mark[i] === 1) && (cat < 0 || category[i] === cat) && (!bit || (shipsFrom[i]! & bit) !== 0) &&
        (!q.inStockOnly || inStock[i] === 1) && (q.minCostFen === undefined || minCost[i]! >= q.minCostFen) &&
        (q.maxCostFen === undefined || minCost[i]! <= q.maxCostFen);
      // Few candidates: filter them and sort; many: walk the presorted order instead of sorting.
      if (candidates && candidates.length < n / 16) {
        const rank = sequence === byPriceAsc ? null : rankOf(sequence);
        for (const i of candidates) if (matchesOne(i)) matches.push(i);
        matches.sort(rank ? (a, b) => rank[a]! - rank[b]! : (a, b) => minCost[a]! - minCost[b]! || a - b);
      } else {
        for (const i of sequence) if (matchesOne(i)) matches.push(i);
      }
      if (candidates) for (const i of candidates) mark[i] = 0;
      if (q.sort === "price_desc") matches.reverse();
      const start = (q.page - 1) * q.pageSize;
      return { total: matches.length, indices: matches.slice(start, start + q.pageSize) };
    },
  };
}

export type SandboxSearchIndex = ReturnType<typeof buildSearchIndex>;

const rankCache = new WeakMap<Int32Array, Int32Array>();
function rankOf(sequence: Int32Array): Int32Array {
  let rank = rankCache.get(sequence);
  if (!rank) {
    rank = new Int32Array(sequence.length);
    sequence.forEach((productIndex, position) => { rank![productIndex] = position; });
    rankCache.set(sequence, rank);
  }
  return rank;
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) { out.push(a[i]!); i++; j++; }
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return Int32Array.from(out);
}
