import crypto from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import db from "../../../db.server";
import { seedInstalledShop } from "../../../test/admin-session";
import { uniqueShop } from "../../../test/webhooks";
import { getShippingSettings, saveShippingSettings, settingsFormFrom } from "../settings.server";
import { cachedQuote, clearQuoteCache, nextMinuteBoundary, quoteCacheHolding, quoteCacheStats, quotesFor, rawQuoteKey, repeatOfVerified, seenBefore, storeQuote } from "./quote-cache";
import { answerRawRateRequest } from "./rates.server";
import { MAPPING_LOAD_AFTER_LOOKUPS, mappingStore } from "../mapping-cache.server";
import { clearRateContextCache, rateContextSlots } from "../rate-context-cache";
import { loadedShopRateContext } from "../shop-rate-context.server";
import { ratesAnswer } from "./responses";
import { buildRateItem, buildRatePayload, seedVariantMapping } from "./test-builders";

const shops: string[] = [];
const T = Date.parse("2026-11-24T09:30:15.000Z");

beforeEach(() => clearQuoteCache());
afterEach(() => {
  vi.unstubAllEnvs();
  clearQuoteCache(); // the next test reads the default budget again
});
afterAll(async () => {
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
});

const keyFor = (payload: unknown, parts: { settingsVersion?: number; cardsVersion?: string; fxDate?: string } = {}) => {
  const rawBody = Buffer.from(JSON.stringify(payload));
  return rawQuoteKey({ settingsVersion: 1, cardsVersion: "sample", fxDate: "2026-11-23", ...parts }, { rawBody, hmacDigest: crypto.createHmac("sha256", "s").update(rawBody).digest("base64") });
};

describe("quote cache keys", () => {
  it("hold a digest of the body, never the buyer's name, street, phone or e-mail", () => {
    const jane = buildRatePayload({ items: [buildRateItem()], destination: { name: "Jane Buyer", address1: "1 Market St", phone: "+14155550100", email: "jane@example.com" } });
    expect(keyFor(jane)).not.toContain("Market");
    expect(keyFor(jane)).not.toContain("Jane");
    expect(keyFor(jane)).toBe(keyFor(jane));
  });

  it("change with any byte of the body, the settings or cards version and the FX table date", () => {
    const item = buildRateItem();
    const base = buildRatePayload({ items: [item] });
    const keys = [
      keyFor(base),
      keyFor(buildRatePayload({ items: [item], destination: { postal_code: "99501" } })),
      keyFor(buildRatePayload({ items: [{ ...item, quantity: 2 }] })),
      keyFor(buildRatePayload({ items: [item], destination: { name: "Someone Else" } })),
      keyFor(base, { settingsVersion: 2 }),
      keyFor(base, { cardsVersion: "SR-EXPRESS@2" }),
      keyFor(base, { fxDate: "2026-11-24" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("quote cache entries", () => {
  const answer = ratesAnswer([]);

  it("expire at the next minute boundary, never later", () => {
    const quotes = quotesFor("a.myshopify.com", T);
    storeQuote(quotes, "k", answer, T);
    expect(nextMinuteBoundary(T)).toBe(Date.parse("2026-11-24T09:31:00.000Z"));
    expect(cachedQuote(quotesFor("a.myshopify.com", T + 44_999), "k", T + 44_999)).toBe(answer);
    expect(cachedQuote(quotesFor("a.myshopify.com", T + 45_000), "k", T + 45_000)).toBeUndefined();
  });

  it("are worth storing from a body's second computation in the minute, and marks expire with the minute", () => {
    const key = keyFor(buildRatePayload({ items: [buildRateItem()] }));
    expect(seenBefore(key, T)).toBe(false);
    expect(seenBefore(key, T + 1)).toBe(true);
    expect(seenBefore(keyFor(buildRatePayload({ items: [buildRateItem()] })), T + 2)).toBe(false);
    expect(seenBefore(key, nextMinuteBoundary(T))).toBe(false);
    expect(seenBefore(key, nextMinuteBoundary(T) + 1)).toBe(true);
  });

  it("mark bodies in a fixed table: a flood of new carts overwrites old marks instead of growing", () => {
    const first = keyFor(buildRatePayload({ items: [buildRateItem()] }));
    seenBefore(first, T);
    const flood = Array.from({ length: 200_000 }, (_, i) => keyFor({ cart: i }));
    for (const key of flood) seenBefore(key, T);
    expect(seenBefore(first, T)).toBe(false); // its slot was taken: one more computation, nothing wrong
    expect(flood.slice(-1000).filter((key) => seenBefore(key, T)).length).toBeGreaterThan(950); // recent marks mostly survive
  });

  it("stay within the entry budget by dropping the least recently quoted shop's answers first", () => {
    vi.stubEnv("SILKROUTE_QUOTE_CACHE_ENTRIES", "4");
    clearQuoteCache();
    const store = (shop: string, key: string, at = T) => storeQuote(quotesFor(shop, at), key, answer, at);
    store("a.myshopify.com", "1");
    store("a.myshopify.com", "2");
    store("b.myshopify.com", "1");
    store("c.myshopify.com", "1");
    expect(cachedQuote(quotesFor("a.myshopify.com", T), "1", T)).toBe(answer); // a is now the most recent
    store("d.myshopify.com", "1");
    expect(quoteCacheHolding()).toEqual({ entries: 4, shops: 3, evictedShops: 1 });
    expect(cachedQuote(quotesFor("b.myshopify.com", T), "1", T)).toBeUndefined(); // b was the coldest
    expect(cachedQuote(quotesFor("a.myshopify.com", T), "2", T)).toBe(answer);
    expect(cachedQuote(quotesFor("c.myshopify.com", T), "1", T)).toBe(answer);
  });

  it("keep one shop within the budget by dropping its oldest answers, never growing past it", () => {
    vi.stubEnv("SILKROUTE_QUOTE_CACHE_ENTRIES", "3");
    clearQuoteCache();
    const quotes = quotesFor("a.myshopify.com", T);
    for (const key of ["1", "2", "3", "4", "5"]) storeQuote(quotes, key, answer, T);
    expect(quoteCacheHolding().entries).toBe(3);
    expect(cachedQuote(quotes, "2", T)).toBeUndefined();
    expect(cachedQuote(quotes, "5", T)).toBe(answer);
  });

  it("keep the newest answers through many rounds at the cap, an answer stored again keeping its place", () => {
    vi.stubEnv("SILKROUTE_QUOTE_CACHE_ENTRIES", "3");
    clearQuoteCache();
    const quotes = quotesFor("a.myshopify.com", T);
    for (let key = 1; key <= 50; key++) {
      storeQuote(quotes, String(key), answer, T);
      if (key === 48) storeQuote(quotes, "47", { ...answer, body: "again" }, T); // replaced, not moved to newest
    }
    expect(quoteCacheHolding().entries).toBe(3);
    expect(["46", "47", "48", "49", "50"].map((key) => cachedQuote(quotes, key, T)?.body ?? null)).toEqual([null, null, answer.body, answer.body, answer.body]);
  });

  it("store nothing into a shop's set once it was dropped, and count nothing for it", () => {
    const quotes = quotesFor("a.myshopify.com", T);
    clearQuoteCache();
    storeQuote(quotes, "k", answer, T);
    expect(quoteCacheHolding().entries).toBe(0);
    expect(cachedQuote(quotesFor("a.myshopify.com", T), "k", T)).toBeUndefined();
  });

  it("keep the signed bytes of an answer asked for twice, and match a later request only byte for byte", () => {
    const quotes = quotesFor("a.myshopify.com", T);
    const body = Buffer.from('{"rate":{"items":[]}}');
    storeQuote(quotes, "k", answer, T);
    expect(repeatOfVerified(quotes, "k", body, T)).toBeUndefined(); // asked for once: no bytes kept
    expect(cachedQuote(quotes, "k", T, body)).toBe(answer);
    body[0] = 0x20; // the kept bytes are a copy, not the request's buffer
    expect(repeatOfVerified(quotes, "k", Buffer.from('{"rate":{"items":[]}}'), T)).toBe(answer);
    expect(repeatOfVerified(quotes, "k", Buffer.from('{"rate":{"items":[1]}}'), T)).toBeUndefined();
    expect(repeatOfVerified(quotes, "k", Buffer.from('{"rate":{"items":[]}} '), T)).toBeUndefined();
    expect(repeatOfVerified(quotes, "k", Buffer.from('{"rate":{"items":[]}}'), nextMinuteBoundary(T))).toBeUndefined();
  });

  it("expire with the earliest supplier data they were computed from", () => {
    const quotes = quotesFor("b.myshopify.com", T);
    storeQuote(quotes, "k", answer, T, T + 10_000);
    expect(cachedQuote(quotes, "k", T + 9_999)).toBe(answer);
    expect(cachedQuote(quotes, "k", T + 10_000)).toBeUndefined();
  });
});

describe("the callback's quote cache", () => {
  const secret = () => process.env.SHOPIFY_API_SECRET!;
  const raw = (shop: string, payload: unknown) => {
    const body = Buffer.from(JSON.stringify(payload));
    return { body, shopHeader: shop, hmacHeader: crypto.createHmac("sha256", secret()).update(body).digest("base64") };
  };
  const at = (ms: number) => () => new Date(ms);
  const newShop = async (label: string) => {
    const shop = uniqueShop(label);
    shops.push(shop);
    await seedInstalledShop(shop);
    return shop;
  };

  it("answers an identical request from the cache once it was computed twice in the minute, and another buyer at the same address with the same rates computed afresh", async () => {
    const shop = await newShop("quote-hit");
    const items = [buildRateItem()];
    const first = await answerRawRateRequest(raw(shop, buildRatePayload({ items })), at(T));
    const second = await answerRawRateRequest(raw(shop, buildRatePayload({ items })), at(T + 4_000));
    const again = await answerRawRateRequest(raw(shop, buildRatePayload({ items })), at(T + 5_000));
    const other = await answerRawRateRequest(raw(shop, buildRatePayload({ items, destination: { name: "Someone Else" } })), at(T + 6_000));
    expect(first.status).toBe(200);
    expect(second).not.toBe(first); // computed again: the first computation only marked the body seen
    expect(second).toEqual(first);
    expect(again).toBe(second);
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
    expect(quoteCacheStats()).toEqual({ hits: 1, misses: 3 });
  });

  it("keeps no answer for a body computed once, as most are (Shopify caches answers itself)", async () => {
    const shop = await newShop("quote-once-only");
    const item = buildRateItem();
    const cart = (quantity: number) => raw(shop, buildRatePayload({ items: [{ ...item, quantity }] }));
    for (let quantity = 1; quantity <= 5; quantity++) expect((await answerRawRateRequest(cart(quantity), at(T + quantity))).status).toBe(200);
    expect(quoteCacheHolding().entries).toBe(0);
    await answerRawRateRequest(cart(3), at(T + 10));
    expect(quoteCacheHolding().entries).toBe(1);
  });

  it("answers a byte-identical body from its digest without parsing it, with the answer the full path computes", async () => {
    const shop = await newShop("quote-raw");
    const item = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, item.variant_id, { weightGrams: 700, flags: "battery", stock: { "CN-SZ": 5 } });
    const request = raw(shop, buildRatePayload({ items: [item, buildRateItem()] }));
    await answerRawRateRequest(request, at(T));
    const first = await answerRawRateRequest(request, at(T + 500)); // the second computation is kept
    const parse = vi.spyOn(JSON, "parse");
    try {
      const again = await answerRawRateRequest(request, at(T + 1_000));
      expect(parse).not.toHaveBeenCalled();
      expect(again).toBe(first);
    } finally {
      parse.mockRestore();
    }
    clearQuoteCache();
    const full = await answerRawRateRequest(request, at(T + 2_000));
    expect(full).not.toBe(first);
    expect(full).toEqual(first);
    expect(JSON.parse(first.body).rates.length).toBeGreaterThan(0);
  });

  it("quotes a warm shop's new cart within the call, with the answer the awaited path gives", async () => {
    const shop = await newShop("quote-in-memory");
    const item = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, item.variant_id, { weightGrams: 700, flags: "battery", stock: { "CN-SZ": 5 } });
    const cart = raw(shop, buildRatePayload({ items: [item] }));
    const cold = answerRawRateRequest(cart, at(T));
    expect(cold).toBeInstanceOf(Promise); // the shop's context and mappings are read first
    const awaited = await cold;
    // More new carts of the same line, until the shop has earned its mapping table (MAPPING_LOAD_AFTER_LOOKUPS).
    for (let i = 1; i <= MAPPING_LOAD_AFTER_LOOKUPS; i++) await answerRawRateRequest(raw(shop, buildRatePayload({ items: [{ ...item, quantity: 1 + i }] })), at(T + i));
    await mappingStore.settled(shop);
    clearQuoteCache();
    const inMemory = answerRawRateRequest(cart, at(T + 10));
    expect(inMemory).not.toBeInstanceOf(Promise);
    expect(inMemory).not.toBe(awaited);
    expect(inMemory).toEqual(awaited);
    expect(JSON.parse(awaited.body).rates.length).toBeGreaterThan(0);
    expect(quoteCacheStats()).toEqual({ hits: 0, misses: 1 });
    const second = answerRawRateRequest(cart, at(T + 11));
    expect(second).toEqual(inMemory);
    expect(answerRawRateRequest(cart, at(T + 12))).toBe(second); // kept like any answer computed twice
  });

  it("stores each computed answer once, under its body's digest", async () => {
    const shop = await newShop("quote-once");
    const payload = buildRatePayload({ items: [buildRateItem()] });
    await answerRawRateRequest(raw(shop, payload), at(T));
    const first = await answerRawRateRequest(raw(shop, payload), at(T + 1));
    const spaced = Buffer.from(JSON.stringify(payload, null, 2));
    const request = { body: spaced, shopHeader: shop, hmacHeader: crypto.createHmac("sha256", secret()).update(spaced).digest("base64") };
    await answerRawRateRequest(request, at(T + 2));
    const spacedAnswer = await answerRawRateRequest(request, at(T + 3));
    expect(spacedAnswer).toEqual(first);
    expect(quoteCacheHolding().entries).toBe(2);
    expect(await answerRawRateRequest(request, at(T + 4))).toBe(spacedAnswer);
    expect(quoteCacheStats()).toEqual({ hits: 1, misses: 4 });
  });

  it("still answers a malformed body with 400 when the same shop has cached answers", async () => {
    const shop = await newShop("quote-raw-400");
    await answerRawRateRequest(raw(shop, buildRatePayload()), at(T));
    const bad = raw(shop, buildRatePayload({ items: [buildRateItem({ quantity: 0 })] }));
    const answer = await answerRawRateRequest(bad, at(T + 1));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toContain("rate.items.0.quantity");
  });

  it("quotes afresh after the shop's mappings change", async () => {
    const shop = await newShop("quote-mapping");
    const item = buildRateItem({ grams: 100 });
    const codes = async () => JSON.parse((await answerRawRateRequest(raw(shop, buildRatePayload({ items: [item] })), at(T))).body).rates.map((r: { service_code: string }) => r.service_code);
    expect(await codes()).toContain("SR-POST-ECONOMY");
    await seedVariantMapping(shop, item.variant_id, { flags: "battery" }); // notifies, as the sourcing import does
    expect(await codes()).not.toContain("SR-POST-ECONOMY");
    expect(quoteCacheStats().hits).toBe(0);
  });

  it("quotes afresh after the shop's settings are saved", async () => {
    const shop = await newShop("quote-settings");
    const payload = buildRatePayload({ items: [buildRateItem()] });
    const names = async () => JSON.parse((await answerRawRateRequest(raw(shop, payload), at(T))).body).rates.map((r: { service_name: string }) => r.service_name);
    expect(await names()).not.toContain("Tracked from China");
    const form = settingsFormFrom(await getShippingSettings(shop));
    expect(await saveShippingSettings(shop, { ...form, boxLengthMm: 150, boxWidthMm: 100, boxHeightMm: 50 }, { "SR-CN-DIRECT": { name: "Tracked from China" } })).toEqual({ ok: true });
    expect(await names()).toContain("Tracked from China");
  });

  it("quotes a shop correctly again after the budgets pushed its answers and rate context out", async () => {
    vi.stubEnv("SILKROUTE_QUOTE_CACHE_ENTRIES", "1"); // one request stores one answer
    vi.stubEnv("SILKROUTE_RATE_CONTEXT_CACHE_ENTRIES", "1");
    clearQuoteCache();
    clearRateContextCache();
    try {
      const [a, b] = [await newShop("evict-a"), await newShop("evict-b")];
      const item = buildRateItem({ grams: 100 });
      await seedVariantMapping(a, item.variant_id, { flags: "battery" });
      const codes = async (shop: string, at: number) => JSON.parse((await answerRawRateRequest(raw(shop, buildRatePayload({ items: [item] })), () => new Date(at))).body).rates.map((r: { service_code: string }) => r.service_code);
      const first = await codes(a, T);
      expect(first).not.toContain("SR-POST-ECONOMY"); // the battery mapping excludes it
      expect(await codes(b, T + 1)).toContain("SR-POST-ECONOMY");
      expect(loadedShopRateContext(a, T + 1)).toBeUndefined();
      expect([...rateContextSlots().keys()]).toEqual([b]);
      expect(quoteCacheHolding()).toMatchObject({ shops: 1, entries: 1 });
      expect(await codes(a, T + 2)).toEqual(first);
      expect(quoteCacheStats()).toEqual({ hits: 0, misses: 3 });
    } finally {
      vi.unstubAllEnvs();
      clearRateContextCache();
    }
  });

  it("never serves an answer across a minute boundary, where a cut-off can move the delivery dates", async () => {
    const shop = await newShop("quote-minute");
    const request = raw(shop, buildRatePayload({ items: [buildRateItem()] }));
    const lastMoment = Date.parse("2026-11-24T09:30:59.999Z");
    await answerRawRateRequest(request, at(Date.parse("2026-11-24T09:30:00.000Z")));
    await answerRawRateRequest(request, at(Date.parse("2026-11-24T09:30:30.000Z")));
    await answerRawRateRequest(request, at(lastMoment));
    expect(quoteCacheStats()).toEqual({ hits: 1, misses: 2 });
    await answerRawRateRequest(request, at(lastMoment + 1));
    expect(quoteCacheStats()).toEqual({ hits: 1, misses: 3 });
    // Nor does a body's mark: in the new minute it is computed twice again before its answer is kept.
    await answerRawRateRequest(request, at(lastMoment + 2));
    await answerRawRateRequest(request, at(lastMoment + 3));
    expect(quoteCacheStats()).toEqual({ hits: 2, misses: 4 });
  });
});
