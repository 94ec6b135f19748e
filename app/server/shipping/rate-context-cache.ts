/**
 * The per-process cache of compiled shop contexts. Kept apart from the loader so that settings and
 * rate-card writes can drop an entry without importing the loader (and the loader's imports).
 * An LRU with an entry budget from config (SILKROUTE_RATE_CONTEXT_CACHE_ENTRIES): an evicted shop only costs a
 * reload on its next request (ADR 0710).
 */
import { LruCache } from "../cache/lru";
import { loadConfig } from "../config";

export const RATE_CONTEXT_TTL_MS = 60_000;

export interface CacheSlot<T> {
  value: Promise<T>;
  expiresAt: number;
  resolved?: T; // set once `value` fulfils, so the hot path can read it without awaiting
  /** The background load replacing this expired slot, while it runs; after a failed one, none before `replaceAfter`. */
  replacing?: Promise<T>;
  replaceAfter?: number;
}

let slots: LruCache<string, CacheSlot<unknown>> | undefined;
export const rateContextSlots = () => (slots ??= new LruCache({ maxEntries: loadConfig().SILKROUTE_RATE_CONTEXT_CACHE_ENTRIES }));

type Listener = (shop: string) => void;
const listeners = new Set<Listener>();

/** Caches derived from a shop's context (the quote cache) drop their entries together with it. */
export function onShopRateContextInvalidated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after every settings or rate-card write in this process; other processes catch up within the TTL. */
export function invalidateShopRateContext(shop: string): void {
  slots?.delete(shop);
  for (const listener of listeners) listener(shop);
}

export function clearRateContextCache(): void {
  slots?.clear();
  slots = undefined; // the next use reads the budget from config again
}
