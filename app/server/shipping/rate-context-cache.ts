/**
 * The per-process cache of compiled shop contexts. Kept apart from the loader so that settings and
 * rate-card writes can drop an entry without importing the loader (and the loader's imports).
 */
export const RATE_CONTEXT_TTL_MS = 60_000;

export interface CacheSlot<T> {
  value: Promise<T>;
  expiresAt: number;
  resolved?: T; // set once `value` fulfils, so the hot path can read it without awaiting
}

export const rateContextSlots = new Map<string, CacheSlot<unknown>>();

type Listener = (shop: string) => void;
const listeners = new Set<Listener>();

/** Caches derived from a shop's context (the quote cache) drop their entries together with it. */
export function onShopRateContextInvalidated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after every settings or rate-card write in this process; other processes catch up within the TTL. */
export function invalidateShopRateContext(shop: string): void {
  rateContextSlots.delete(shop);
  for (const listener of listeners) listener(shop);
}

export function clearRateContextCache(): void {
  rateContextSlots.clear();
}
