/**
 * Per-process cache of whole callback answers. Checkout repeats identical rate requests (Shopify itself
 * caches answers for 15 minutes on the same inputs), so a hit skips mapping lookups, the engine and JSON.
 * Keys: shop → (settings version, cards version, FX table date, digest of the raw body: its verified HMAC).
 * Delivery dates depend on cut-off times, which fall on minute boundaries, so no entry outlives the minute it
 * was computed in; entries also never outlive the supplier data they used. A mapping, settings or card write
 * in this process drops the shop's entries; an answer computed while such a write raced it is never stored.
 * Bounded by an entry budget over all shops from config (SILKROUTE_QUOTE_CACHE_ENTRIES): when it is reached, the
 * least recently quoted shop's entries go first (ADR 0710); a dropped answer is only computed again.
 * An answer is stored when its body is computed for the second time in the minute (`seenBefore`), not the first:
 * because Shopify caches answers itself, most bodies arrive once, and storing each of them cost a distinct cart ~15 %
 * of its CPU in garbage collection (ADR 0720, "Eighth round"). A repeated cart is computed twice a minute, not once.
 */
import crypto from "node:crypto";
import { LruCache } from "../../cache/lru";
import { loadConfig } from "../../config";
import type { RateAnswer } from "./responses";

const MINUTE_MS = 60_000;
const MAX_ENTRIES_PER_SHOP = 10_000;

/** `verifiedBody`: the signed bytes this answer was computed for, kept once the answer is asked for again (see
 *  repeatOfVerified); a cart asked for once (most distinct carts) keeps none. */
interface Entry { readonly answer: RateAnswer; readonly expiresAt: number; verifiedBody?: Buffer }

/** One shop's answers for the current minute; a set no longer in the cache (dropped, evicted) stores nothing. */
export class ShopQuotes {
  readonly entries = new Map<string, Entry>();
  /** The keys of `entries` in the order first stored, oldest at `oldest`. Dropping the oldest through the Map's own
   *  order (keys().next()) first steps over every slot deleted since the Map last rehashed: thousands once a busy
   *  shop is at its cap, which made storing a distinct cart's answer 8 % of the server's time (ADR 0720). */
  private readonly order: string[] = [];
  private oldest = 0;
  constructor(readonly shop: string) {}

  /** Stores under a key not yet in the set, as its newest entry. */
  add(key: string, entry: Entry): void {
    this.order.push(key);
    this.entries.set(key, entry);
  }

  /** Drops the entry stored first, if any. */
  dropOldest(): void {
    if (this.oldest >= this.order.length) return;
    this.entries.delete(this.order[this.oldest++]!);
    // Reclaim the consumed front once it is half the array: each key is moved at most once more, so O(1) amortised.
    if (this.oldest * 2 >= this.order.length) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }
}

/**
 * Fingerprints of the keys computed once this minute: a fixed table of 32-bit hashes outside the V8 heap (256 KB),
 * direct-mapped, a newer key overwriting an older one in its slot. So marking a body seen allocates nothing, and the
 * table never grows: under a flood of distinct carts a slot lasts seconds, which still catches checkout's repeats
 * (concurrent requests, or a retry after an error, which Shopify caches for only 30 s). A lost mark costs one more
 * computation; a false match (two keys with the same 32 bits in the same slot) only stores an answer early.
 */
const SEEN_SLOTS = 1 << 16;
const seen = new Uint32Array(SEEN_SLOTS);

/** FNV-1a over the key's last 16 characters: its digest (an HMAC or SHA-256 in base64), already uniformly random. */
function fingerprint(key: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, key.length - 16); i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1; // 0 marks an empty slot
}

/** Whether `key` was computed before this minute already; marks it when not (then its answer is not worth storing). */
export function seenBefore(key: string, nowMs: number): boolean {
  startMinute(nowMs);
  const fp = fingerprint(key);
  const slot = fp & (SEEN_SLOTS - 1);
  if (seen[slot] === fp) return true;
  seen[slot] = fp;
  return false;
}

let cache: { shops: LruCache<string, ShopQuotes>; budget: number } | undefined;
let totalEntries = 0; // over every live set
let minute = -1;
const stats = { hits: 0, misses: 0, evictedShops: 0 };

function shopsCache() {
  if (cache) return cache;
  const budget = loadConfig().SILKROUTE_QUOTE_CACHE_ENTRIES;
  // A live set holds at least the entry that created it, so the entry budget also bounds the number of shops.
  const onEvict = (_shop: string, quotes: ShopQuotes) => dropped(quotes);
  return (cache = { budget, shops: new LruCache({ maxEntries: budget, onEvict }) });
}

function dropped(quotes: ShopQuotes): void {
  totalEntries -= quotes.entries.size;
  stats.evictedShops++;
}

export const nextMinuteBoundary = (nowMs: number): number => (Math.floor(nowMs / MINUTE_MS) + 1) * MINUTE_MS;

export interface QuoteKeyParts {
  readonly settingsVersion: number;
  readonly cardsVersion: string;
  readonly fxDate: string;
}

/**
 * An answer is keyed by the raw body's digest, looked up before JSON parsing and validation: a byte-identical body
 * parses to the same request, so it gets the same answer under the same versions (and the same minute). A body that
 * differs in any byte (another buyer's name at the same address) is computed again, to the same rates: Shopify's
 * own repeats are byte-identical, and a second, normalised key cost every miss more than it saved (ADR 0720).
 */
export function rawQuoteKey(parts: QuoteKeyParts, body: RawBodyDigest): string {
  return `${parts.settingsVersion}|${parts.cardsVersion}|${parts.fxDate}|raw:${body.hmacDigest ? `h:${body.hmacDigest}` : `s:${crypto.hash("sha256", body.rawBody, "base64")}`}`;
}

/** The body's verified HMAC (already computed, as good a digest as SHA-256) or, unsigned, the body itself. */
export interface RawBodyDigest { readonly rawBody: Buffer; readonly hmacDigest?: string }

/** The shop's entry set for one request; pass it back to store, so a dropped set swallows a racing write. */
export function quotesFor(shop: string, nowMs: number): ShopQuotes {
  const { shops } = startMinute(nowMs);
  let quotes = shops.get(shop);
  if (!quotes) shops.set(shop, (quotes = new ShopQuotes(shop)));
  return quotes;
}

/** Every entry and mark expires at a minute boundary; a new minute leaves nothing worth keeping. */
function startMinute(nowMs: number): ReturnType<typeof shopsCache> {
  const current = Math.floor(nowMs / MINUTE_MS);
  const caches = shopsCache();
  if (current !== minute) {
    caches.shops.clear();
    totalEntries = 0;
    seen.fill(0);
    minute = current;
  }
  return caches;
}

/** The shop's entry set if one exists this minute, without creating one: an unsigned request may read, never add. */
export function existingQuotesFor(shop: string, nowMs: number): ShopQuotes | undefined {
  return Math.floor(nowMs / MINUTE_MS) === minute ? cache?.shops.get(shop) : undefined;
}

/** `verifiedBody`: the request's body, whose HMAC made `key`; a hit keeps a copy, for repeatOfVerified. */
export function cachedQuote(quotes: ShopQuotes, key: string, nowMs: number, verifiedBody?: Buffer): RateAnswer | undefined {
  const entry = quotes.entries.get(key);
  if (entry && entry.expiresAt > nowMs) {
    stats.hits++;
    // An exact-size copy: the request's buffer may be a slice of a much larger socket read.
    if (verifiedBody && !entry.verifiedBody) entry.verifiedBody = Buffer.from(new Uint8Array(verifiedBody).buffer);
    return entry.answer;
  }
  stats.misses++;
  return undefined;
}

/**
 * The answer for a request whose signature header and body are byte for byte those of a request verified before
 * (`key` built from the header as sent): such a request is as authentic as that one, so checkout's repeats skip
 * computing the HMAC again, which cost more than the rest of answering them (ADR 0720, "Third round"). Shopify's
 * signature covers the body alone, so a replay of the same bytes was always accepted; nothing new is. Counts a hit
 * only: a miss goes on to the HMAC and cachedQuote.
 */
export function repeatOfVerified(quotes: ShopQuotes, key: string, body: Buffer, nowMs: number): RateAnswer | undefined {
  const entry = quotes.entries.get(key);
  const kept = entry?.verifiedBody;
  if (!kept || entry.expiresAt <= nowMs || kept.length !== body.length || !crypto.timingSafeEqual(kept, body)) return undefined;
  stats.hits++;
  return entry.answer;
}

/** `dataExpiresAt`: the earliest expiry of the cached data the answer was computed from. */
export function storeQuote(quotes: ShopQuotes, key: string, answer: RateAnswer, nowMs: number, dataExpiresAt = Infinity): void {
  const expiresAt = Math.min(nextMinuteBoundary(nowMs), dataExpiresAt);
  const { shops, budget } = shopsCache();
  if (expiresAt <= nowMs || shops.peek(quotes.shop) !== quotes) return;
  const { entries } = quotes;
  // An answer stored again replaces the old one in place: same count, same place in the order.
  if (entries.has(key)) return void entries.set(key, { answer, expiresAt });
  // At the shop's cap, the oldest makes room (the count of live entries stays the same).
  if (entries.size >= Math.min(MAX_ENTRIES_PER_SHOP, budget)) quotes.dropOldest();
  else totalEntries++;
  while (totalEntries > budget) {
    const coldest = shops.keys().next().value!;
    if (coldest !== quotes.shop) {
      dropped(shops.peek(coldest)!);
      shops.delete(coldest);
    } else if (entries.size) {
      quotes.dropOldest();
      totalEntries--;
    } else shops.get(coldest); // nothing of its own to drop yet: the others hold the entries
  }
  quotes.add(key, { answer, expiresAt });
}

export function invalidateShopQuotes(shop: string): void {
  const quotes = cache?.shops.peek(shop);
  if (!quotes) return;
  totalEntries -= quotes.entries.size;
  cache!.shops.delete(shop);
}

export function clearQuoteCache(): void {
  cache?.shops.clear();
  seen.fill(0);
  cache = undefined; // the next use reads the budget from config again
  totalEntries = 0;
  stats.hits = 0;
  stats.misses = 0;
  stats.evictedShops = 0;
}

/** Hit and miss counts since the last clear, for tests and the benchmark's report. */
export function quoteCacheStats(): { hits: number; misses: number } {
  return { hits: stats.hits, misses: stats.misses };
}

/** What the cache holds against its budget, and how many shops' sets the budget pushed out since the last clear. */
export function quoteCacheHolding(): { entries: number; shops: number; evictedShops: number } {
  return { entries: totalEntries, shops: cache?.shops.size ?? 0, evictedShops: stats.evictedShops };
}
