/**
 * Pure: a latency histogram over fixed bucket edges (ms), small enough to keep one per shop-hour. 500 ms is an
 * edge, so "answers over Shopify's 500 ms" is exact; a percentile reads as its bucket's upper edge (an upper bound).
 */
export const LATENCY_EDGES_MS = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1_000, 2_000, 5_000, 10_000] as const;
/** Buckets: one per edge (≤ edge) plus one for everything slower than the last edge. */
export const LATENCY_BUCKETS = LATENCY_EDGES_MS.length + 1;

export function bucketOf(ms: number): number {
  for (let i = 0; i < LATENCY_EDGES_MS.length; i++) if (ms <= LATENCY_EDGES_MS[i]!) return i;
  return LATENCY_EDGES_MS.length;
}

export const emptyHistogram = (): number[] => new Array<number>(LATENCY_BUCKETS).fill(0);

/** Adds `b` into `a` (same bucket layout). */
export function addInto(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < LATENCY_BUCKETS; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return a;
}

export const serializeHistogram = (h: readonly number[]): string => h.join(",");

/** Reads a stored histogram; anything unreadable counts as empty rather than failing the page. */
export function parseHistogram(text: string): number[] {
  const out = emptyHistogram();
  if (!text) return out;
  const parts = text.split(",");
  for (let i = 0; i < Math.min(parts.length, LATENCY_BUCKETS); i++) {
    const n = Number(parts[i]);
    out[i] = Number.isInteger(n) && n > 0 ? n : 0;
  }
  return out;
}

/** The upper edge of the bucket holding the p-th percentile (Infinity when it is the open last bucket); null when empty. */
export function percentileMs(h: readonly number[], p: number): number | null {
  const total = h.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < LATENCY_BUCKETS; i++) {
    seen += h[i] ?? 0;
    if (seen >= rank) return i < LATENCY_EDGES_MS.length ? LATENCY_EDGES_MS[i]! : Infinity;
  }
  return Infinity;
}

/** How many answers took longer than `ms` (which must be an edge). */
export function countOver(h: readonly number[], ms: (typeof LATENCY_EDGES_MS)[number]): number {
  const from = LATENCY_EDGES_MS.indexOf(ms) + 1;
  let n = 0;
  for (let i = from; i < LATENCY_BUCKETS; i++) n += h[i] ?? 0;
  return n;
}
