import { afterAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { uniqueShop } from "../../../test/webhooks";
import { toGid } from "../../shopify/gid";
import { driverMappingSource } from "./driver-mapping-source.server";
import { prismaMappingSource, type MappingSource } from "./mapping-source.server";
import { MappingStore } from "./mapping-store";

const shops: string[] = [];
const T = Date.parse("2026-11-24T09:30:15.000Z");
const POLL_MS = 10_000;
const COUNT_MS = 60_000;

afterAll(async () => {
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
});

/** Both real sources: the store must behave the same whichever reads its rows (driver-mapping-source.server.ts). */
const SOURCES: [string, MappingSource][] = [["Prisma", prismaMappingSource], ["driver", driverMappingSource()]];

/** A real source (Prisma's unless given), with every query counted by name. */
function countingSource(base: MappingSource = prismaMappingSource) {
  const calls: string[] = [];
  const source = Object.fromEntries(
    Object.entries(base).map(([name, fn]) => [name, (...args: unknown[]) => (calls.push(name), (fn as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as MappingSource;
  return { source, calls };
}

async function shopWithMappings(label: string, count: number) {
  const shop = uniqueShop(label);
  shops.push(shop);
  await db.variantMapping.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shop, productGid: toGid("Product", 9_000 + i), variantGid: toGid("ProductVariant", 1_000 + i), shopifySku: `SKU-${i}`,
      supplier: "sandbox", supplierProductId: `P-${i}`, supplierSku: `S-${i}`, weightGrams: 100 + i, flags: i % 2 ? "battery" : "",
    })),
  });
  return shop;
}

const line = (variant: number | null, sku: string | null = null) => ({ variantGid: variant === null ? null : toGid("ProductVariant", variant), sku });

async function loadedStore(shop: string, pageSize = 2, base: MappingSource = prismaMappingSource) {
  const { source, calls } = countingSource(base);
  const store = new MappingStore(source, { pollMs: POLL_MS, countMs: COUNT_MS, pageSize });
  await store.lookup(shop, [line(1_000)], T);
  await store.settled(shop);
  calls.length = 0;
  return { store, calls };
}

describe.each(SOURCES)("mapping store (%s reads)", (_reads, base) => {
  it("answers a cold shop from its lines' rows while it bulk-loads every mapping in pages", async () => {
    const shop = await shopWithMappings("store-load", 5);
    const { source, calls } = countingSource(base);
    const store = new MappingStore(source, { pollMs: POLL_MS, pageSize: 2 });
    const cold = await store.lookup(shop, [line(1_001), line(null, "SKU-3")], T);
    expect(cold.map((m) => m?.weightGrams)).toEqual([101, 103]);
    await store.settled(shop);
    expect(store.loadedSize(shop)).toBe(5);
    expect(calls.filter((c) => c === "page")).toHaveLength(3);
  });

  it("answers known variants and SKUs from memory without a query once loaded", async () => {
    const shop = await shopWithMappings("store-memory", 5);
    const { store, calls } = await loadedStore(shop, 2, base);
    const found = await store.lookup(shop, [line(1_004), line(null, "SKU-2"), line(999_998, "SKU-1")], T + 1);
    expect(found.map((m) => m?.weightGrams ?? null)).toEqual([104, 102, 101]);
    expect(found[0]).toMatchObject({ flags: "", hsCode: null, stock: null });
    expect(calls).toEqual([]);
  });

  it("asks the database about an unknown line once per freshness check, then answers it from memory", async () => {
    const shop = await shopWithMappings("store-unknown", 5);
    const { store, calls } = await loadedStore(shop, 2, base);
    const unknown = [line(1_004), line(999_999), line(null, "NO-SUCH-SKU")];
    expect((await store.lookup(shop, unknown, T + 1)).map((m) => m?.weightGrams ?? null)).toEqual([104, null, null]);
    expect(calls).toEqual(["forVariants", "forSkus"]); // only the two unknown lines' keys, indexed
    calls.length = 0;
    expect((await store.lookup(shop, unknown, T + 2)).map((m) => m?.weightGrams ?? null)).toEqual([104, null, null]);
    expect(calls).toEqual([]);
  });

  it("uses a mapping another process just wrote in the very next lookup, then catches the table up", async () => {
    const shop = await shopWithMappings("store-import", 3);
    const { store, calls } = await loadedStore(shop, 2, base);
    const changed: string[] = [];
    store.onChanged((s) => changed.push(s));
    expect((await store.lookup(shop, [line(7_777, "IMPORTED")], T + 1))[0]).toBeNull(); // before the import
    // The worker's import writes the row straight to the database; this process hears nothing of it.
    await db.variantMapping.create({ data: { shop, productGid: toGid("Product", 7), variantGid: toGid("ProductVariant", 7_777), shopifySku: "IMPORTED", supplier: "sandbox", supplierProductId: "P7", supplierSku: "S7", weightGrams: 77, stock: { "US-LA": 5 } } });
    await db.variantMapping.create({ data: { shop, productGid: toGid("Product", 8), variantGid: toGid("ProductVariant", 8_888), shopifySku: "IMPORTED-2", supplier: "sandbox", supplierProductId: "P8", supplierSku: "S8", weightGrams: 88 } });
    // Well inside the poll interval (no freshness check is due), a line never asked about before.
    const [m] = await store.lookup(shop, [line(8_888)], T + 2);
    expect(m).toMatchObject({ weightGrams: 88 });
    await store.settled(shop);
    expect(changed).toEqual([shop]); // the found row started a refresh, which reset what was known to be absent
    expect(store.loadedSize(shop)).toBe(5);
    calls.length = 0;
    const again = await store.lookup(shop, [line(7_777, "IMPORTED"), line(8_888)], T + 3);
    expect(again.map((r) => r?.weightGrams)).toEqual([77, 88]);
    expect(again[0]?.stock).toEqual({ "US-LA": 5 });
    expect(calls).toEqual([]);
  });

  it("answers from memory alone only what lookup would answer without a query or a wait", async () => {
    const shop = await shopWithMappings("store-in-memory", 5);
    const cold = new MappingStore(countingSource(base).source, { pollMs: POLL_MS });
    expect(cold.lookupInMemory(shop, [line(1_001)], T)).toBeUndefined(); // not loaded: the caller awaits lookup
    const { store, calls } = await loadedStore(shop, 2, base);
    expect(store.lookupInMemory(shop, [line(1_004), line(null, "SKU-2")], T + 1)?.map((m) => m?.weightGrams)).toEqual([104, 102]);
    const unknown = [line(1_003), line(999_999)];
    expect(store.lookupInMemory(shop, unknown, T + 1)).toBeUndefined(); // never asked about: lookup queries it
    await store.lookup(shop, unknown, T + 1);
    calls.length = 0;
    expect(store.lookupInMemory(shop, unknown, T + 2)?.map((m) => m?.weightGrams ?? null)).toEqual([103, null]); // known absent
    store.invalidate(shop);
    expect(store.lookupInMemory(shop, [line(1_004)], T + 3)).toBeUndefined(); // stale: lookup re-reads first
    expect(calls).toEqual([]);
  });

  it("starts a due freshness check from a lookup in memory, without waiting for it", async () => {
    const shop = await shopWithMappings("store-in-memory-poll", 3);
    const { store, calls } = await loadedStore(shop, 2, base);
    expect(store.lookupInMemory(shop, [line(1_001)], T + POLL_MS + 1)?.[0]?.weightGrams).toBe(101);
    await store.settled(shop);
    expect(calls).toContain("newest");
  });

  it("re-reads the changed rows before the next answer after a write in this process", async () => {
    const shop = await shopWithMappings("store-invalidate", 3);
    const { store, calls } = await loadedStore(shop, 2, base);
    await db.variantMapping.update({ where: { shop_variantGid: { shop, variantGid: toGid("ProductVariant", 1_001) } }, data: { weightGrams: 999, flags: "magnet" } });
    store.invalidate(shop);
    const [m] = await store.lookup(shop, [line(1_001)], T + 1);
    expect(m).toMatchObject({ weightGrams: 999, flags: "magnet" });
    expect(calls).not.toContain("page"); // a delta, not a reload
    calls.length = 0;
    await store.lookup(shop, [line(1_001)], T + 2);
    expect(calls).toEqual([]);
  });

  it("sees a write made in this process while a background check that started before it is still running", async () => {
    const shop = await shopWithMappings("store-race", 2);
    const { source } = countingSource(base);
    let release: () => void = () => undefined;
    let gated = false;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gatedAfterRead = <T>(read: (s: string) => Promise<T>) => async (s: string) => {
      const result = await read(s); // read before the write below
      if (gated) await gate;
      return result;
    };
    const store = new MappingStore({ ...source, version: gatedAfterRead(source.version), newest: gatedAfterRead(source.newest) }, { pollMs: POLL_MS });
    await store.lookup(shop, [], T);
    await store.settled(shop);
    gated = true;
    await store.lookup(shop, [], T + POLL_MS); // starts the background check, which reads the version, then waits
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.variantMapping.update({ where: { shop_variantGid: { shop, variantGid: toGid("ProductVariant", 1_000) } }, data: { weightGrams: 4242 } });
    store.invalidate(shop);
    const answer = store.lookup(shop, [line(1_000)], T + POLL_MS + 1);
    gated = false;
    release();
    expect((await answer)[0]?.weightGrams).toBe(4242);
  });

  it("checks for other processes' writes at most once per poll interval, in the background", async () => {
    const shop = await shopWithMappings("store-poll", 3);
    const { store, calls } = await loadedStore(shop, 2, base);
    const changed: string[] = [];
    store.onChanged((s) => changed.push(s));
    await db.variantMapping.update({ where: { shop_variantGid: { shop, variantGid: toGid("ProductVariant", 1_002) } }, data: { weightGrams: 777 } });
    expect((await store.lookup(shop, [line(1_002)], T + POLL_MS - 1))[0]?.weightGrams).toBe(102);
    expect(calls).toEqual([]);
    // Due: this lookup starts the check and answers from memory without waiting for it.
    expect((await store.lookup(shop, [line(1_002)], T + POLL_MS))[0]?.weightGrams).toBe(102);
    await store.settled(shop);
    expect(calls).toEqual(["newest", "version", "changedSince"]); // the newest update moved: counted and re-read
    expect(changed).toEqual([shop]);
    expect((await store.lookup(shop, [line(1_002)], T + POLL_MS + 1))[0]?.weightGrams).toBe(777);
  });

  it("reads only the newest update when a due check finds nothing changed, and counts rows at most every countMs", async () => {
    const shop = await shopWithMappings("store-unchanged", 3);
    const { store, calls } = await loadedStore(shop, 2, base);
    await store.lookup(shop, [line(1_000)], T + POLL_MS);
    await store.settled(shop);
    expect(calls).toEqual(["newest"]);
    calls.length = 0;
    await store.lookup(shop, [line(1_000)], T + COUNT_MS);
    await store.settled(shop);
    expect(calls).toEqual(["version"]);
  });

  it("forgets a mapping another process deleted at the first check that counts rows", async () => {
    const shop = await shopWithMappings("store-delete-only", 3);
    const { store } = await loadedStore(shop, 2, base);
    await db.variantMapping.delete({ where: { shop_variantGid: { shop, variantGid: toGid("ProductVariant", 1_002) } } });
    await store.lookup(shop, [], T + POLL_MS); // a deletion leaves the newest update where it was
    await store.settled(shop);
    expect(store.loadedSize(shop)).toBe(3);
    await store.lookup(shop, [], T + COUNT_MS);
    await store.settled(shop);
    expect(store.loadedSize(shop)).toBe(2);
    expect((await store.lookup(shop, [line(1_002)], T + COUNT_MS + 1))[0]).toBeNull();
  });

  it("forgets mappings another process deleted and learns ones it created", async () => {
    const shop = await shopWithMappings("store-delete", 3);
    const { store } = await loadedStore(shop, 2, base);
    await db.variantMapping.delete({ where: { shop_variantGid: { shop, variantGid: toGid("ProductVariant", 1_000) } } });
    await db.variantMapping.create({ data: { shop, productGid: toGid("Product", 1), variantGid: toGid("ProductVariant", 5_555), shopifySku: "NEW", supplier: "sandbox", supplierProductId: "P", supplierSku: "S", weightGrams: 55 } });
    await store.lookup(shop, [], T + POLL_MS);
    await store.settled(shop);
    const found = await store.lookup(shop, [line(1_000), line(null, "SKU-0"), line(5_555), line(null, "NEW")], T + POLL_MS + 1);
    expect(found.map((m) => m?.weightGrams ?? null)).toEqual([null, null, 55, 55]);
    expect(store.loadedSize(shop)).toBe(3);
  });

  it("keeps answering from memory when a refresh fails", async () => {
    const shop = await shopWithMappings("store-failing", 2);
    const { source } = countingSource(base);
    const errors: string[] = [];
    let failing = false;
    const store = new MappingStore({ ...source, version: (s) => (failing ? Promise.reject(new Error("db down")) : source.version(s)) }, { pollMs: POLL_MS, onError: (what) => errors.push(what) });
    await store.lookup(shop, [], T);
    await store.settled(shop);
    failing = true;
    store.invalidate(shop);
    expect((await store.lookup(shop, [line(1_001)], T + 1))[0]?.weightGrams).toBe(101);
    expect(errors).toEqual(["refresh"]);
  });
});

describe.each(SOURCES)("mapping source reads (%s)", (_reads, source) => {
  it("read each mapping as Prisma gives it: stock parsed, missing sizes and codes null, ordered by variant", async () => {
    const shop = uniqueShop("source-page");
    shops.push(shop);
    await db.variantMapping.createMany({
      data: [
        { shop, productGid: toGid("Product", 1), variantGid: toGid("ProductVariant", 30), shopifySku: "B", supplier: "cj", supplierProductId: "P1", supplierSku: "S1", weightGrams: 250, lengthMm: 100, widthMm: 50, heightMm: 20, hsCode: "610910", originCountry: "CN", flags: "battery", stock: { "CN-SZ": 12, "US-LA": 0 } },
        { shop, productGid: toGid("Product", 1), variantGid: toGid("ProductVariant", 20), shopifySku: null, supplier: "cj", supplierProductId: "P1", supplierSku: "S2", flags: "" },
      ],
    });
    const select = { variantGid: true, shopifySku: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true, hsCode: true, originCountry: true, flags: true, stock: true } as const;
    const expected = await db.variantMapping.findMany({ where: { shop }, orderBy: { variantGid: "asc" }, select });
    expect(await source.page(shop, null, 10)).toEqual(expected);
    expect((await source.page(shop, null, 10))[1]!.stock).toEqual({ "CN-SZ": 12, "US-LA": 0 });
    expect(await source.page(shop, expected[0]!.variantGid, 10)).toEqual(expected.slice(1));
  });

  it("give a shop's version as its row count and newest update in ms, and 0 rows at 0 for a shop with none", async () => {
    const shop = await shopWithMappings("source-version", 3);
    const newest = new Date(Date.parse("2026-11-24T09:30:15.123Z"));
    await db.variantMapping.updateMany({ where: { shop, variantGid: toGid("ProductVariant", 1_001) }, data: { updatedAt: newest } });
    await db.variantMapping.updateMany({ where: { shop, variantGid: { not: toGid("ProductVariant", 1_001) } }, data: { updatedAt: new Date(newest.getTime() - 60_000) } });
    expect(await source.version(shop)).toEqual({ count: 3, maxUpdatedAt: newest.getTime() });
    expect(await source.version(uniqueShop("source-version-none"))).toEqual({ count: 0, maxUpdatedAt: 0 });
    expect(await source.newest(shop)).toBe(newest.getTime());
    expect(await source.newest(uniqueShop("source-newest-none"))).toBe(0);
  });

  it("find a cold cart's own rows by variant and by SKU, in that shop only, and nothing for no keys", async () => {
    const shop = await shopWithMappings("source-lines", 4);
    const other = await shopWithMappings("source-lines-other", 4);
    const weights = (rows: { weightGrams: number | null }[]) => rows.map((r) => r.weightGrams).sort();
    expect(weights(await source.forVariants(shop, [toGid("ProductVariant", 1_001), toGid("ProductVariant", 1_003), toGid("ProductVariant", 7_777)]))).toEqual([101, 103]);
    expect(weights(await source.forSkus(shop, ["SKU-0", "SKU-2", "SKU-2", "NOT-MAPPED", "it's \"quoted\""]))).toEqual([100, 102]);
    expect(await source.forSkus(other, ["SKU-1"])).toEqual(await prismaMappingSource.forSkus(other, ["SKU-1"]));
    expect(await source.forVariants(shop, [])).toEqual([]);
    expect(await source.forSkus(shop, [])).toEqual([]);
  });

  it("see rows another connection committed after the first read", async () => {
    const shop = await shopWithMappings("source-fresh", 1);
    expect(await source.forSkus(shop, ["LATE"])).toEqual([]);
    await db.variantMapping.create({ data: { shop, productGid: toGid("Product", 1), variantGid: toGid("ProductVariant", 4_242), shopifySku: "LATE", supplier: "sandbox", supplierProductId: "P", supplierSku: "S", weightGrams: 42 } });
    expect((await source.forSkus(shop, ["LATE"])).map((r) => r.weightGrams)).toEqual([42]);
    expect((await source.version(shop)).count).toBe(2);
  });
});

describe("mapping store load turns", () => {
  it("answers a shop from its lines until its n-th lookup, then loads its table", async () => {
    const shop = await shopWithMappings("load-after", 5);
    const { source, calls } = countingSource();
    const store = new MappingStore(source, { pollMs: POLL_MS, loadAfterLookups: 3 });
    for (let i = 0; i < 2; i++) expect((await store.lookup(shop, [line(1_004)], T))[0]?.weightGrams).toBe(104);
    await store.settled(shop);
    expect(store.loadedSize(shop)).toBeNull();
    expect(calls).not.toContain("page");
    await store.lookup(shop, [line(1_004)], T);
    await store.settled(shop);
    expect(store.loadedSize(shop)).toBe(5);
  });

  it("loads one shop's table at a time when told to, answering the waiting shops from their lines meanwhile", async () => {
    const [a, b, c] = await Promise.all(["turn-a", "turn-b", "turn-c"].map((label) => shopWithMappings(label, 5)));
    const pagesOf: string[] = [];
    const source: MappingSource = { ...prismaMappingSource, page: (shop, after, limit) => (pagesOf.push(shop), prismaMappingSource.page(shop, after, limit)) };
    const store = new MappingStore(source, { pollMs: POLL_MS, pageSize: 2, maxConcurrentLoads: 1 });
    const answers = await Promise.all([a!, b!, c!].map((shop) => store.lookup(shop, [line(1_002)], T)));
    expect(answers.map((m) => m[0]?.weightGrams)).toEqual([102, 102, 102]);
    await Promise.all([a!, b!, c!].map((shop) => store.settled(shop)));
    expect(pagesOf).toEqual([a, a, a, b, b, b, c, c, c]);
    expect([a!, b!, c!].map((shop) => store.loadedSize(shop))).toEqual([5, 5, 5]);
  });
});

describe("mapping store budget", () => {
  // 5 rows × 1,000 bytes plus a state's 2,048: two shops fit in 15,000 bytes, a third pushes one out.
  const budgeted = (evicted: string[] = []) => {
    const { source, calls } = countingSource();
    const store = new MappingStore(source, { pollMs: POLL_MS, bytesPerRow: 1_000, maxBytes: 15_000, onEvicted: (shop) => evicted.push(shop) });
    return { store, calls };
  };
  const load = async (store: MappingStore, shop: string, at = T) => {
    await store.lookup(shop, [line(1_000)], at);
    await store.settled(shop);
  };

  it("stays within its byte budget by dropping the least recently quoted shop's table", async () => {
    const [a, b, c] = await Promise.all(["budget-a", "budget-b", "budget-c"].map((label) => shopWithMappings(label, 5)));
    const evicted: string[] = [];
    const { store } = budgeted(evicted);
    await load(store, a!);
    await load(store, b!);
    await store.lookup(a!, [line(1_001)], T + 1); // a is now the most recently quoted
    await load(store, c!);
    expect(evicted).toEqual([b]);
    expect([store.loadedSize(a!), store.loadedSize(b!), store.loadedSize(c!)]).toEqual([5, null, 5]);
    expect(store.holding()).toEqual({ bytes: 2 * (2_048 + 5 * 1_000), shops: 2, budget: 15_000 });
  });

  it("drops the coldest tables when a budget that counts the rest of the process shrinks, and grows back when it can", async () => {
    const [a, b, c, d] = await Promise.all(["ceiling-a", "ceiling-b", "ceiling-c", "ceiling-d"].map((label) => shopWithMappings(label, 5)));
    const evicted: string[] = [];
    let rest = 0; // what the rest of the process holds: the ceiling leaves the tables 15,000 bytes minus it
    const store = new MappingStore(countingSource().source, {
      pollMs: POLL_MS, bytesPerRow: 1_000, maxBytes: 15_000, onEvicted: (shop) => evicted.push(shop), budgetNow: () => 15_000 - rest,
    });
    await load(store, a!);
    await load(store, b!);
    rest = 7_500; // say the V8 heap grew: one table's room (7,048 bytes) is left
    await load(store, c!);
    expect(evicted).toEqual([a, b]);
    expect(store.holding()).toEqual({ bytes: 7_048, shops: 1, budget: 7_500 });
    rest = 0;
    await load(store, d!);
    expect(evicted).toEqual([a, b]); // c stays: the budget grew back before d was counted
    expect([store.loadedSize(c!), store.loadedSize(d!)]).toEqual([5, 5]);
    expect(store.holding().budget).toBe(15_000);
    rest = -10_000; // a budget never goes past maxBytes
    await load(store, a!);
    expect(store.holding()).toEqual({ bytes: 14_096, shops: 2, budget: 15_000 });
  });

  it("answers an evicted shop correctly at once and loads its table again in the background", async () => {
    const [a, b, c] = await Promise.all(["reload-a", "reload-b", "reload-c"].map((label) => shopWithMappings(label, 5)));
    const { store, calls } = budgeted();
    await load(store, a!);
    await load(store, b!);
    await load(store, c!); // a is out
    calls.length = 0;
    const cold = await store.lookup(a!, [line(1_003), line(null, "SKU-4")], T + 2);
    expect(cold.map((m) => m?.weightGrams)).toEqual([103, 104]);
    expect(calls).toContain("forVariants"); // the cold path, as for a first request
    await store.settled(a!);
    expect(store.loadedSize(a!)).toBe(5);
    calls.length = 0;
    expect((await store.lookup(a!, [line(1_002)], T + 3))[0]?.weightGrams).toBe(102);
    expect(calls).toEqual([]);
  });

  it("answers a lookup that was waiting on its shop's refresh when the shop was evicted from the database, and the refresh stops", async () => {
    const [a, b, c] = await Promise.all(["gone-a", "gone-b", "gone-c"].map((label) => shopWithMappings(label, 5)));
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { source, calls } = countingSource();
    const gated: MappingSource = { ...source, changedSince: async (shop, since) => (shop === a ? await gate : undefined, source.changedSince(shop, since)) };
    const evicted: string[] = [];
    const store = new MappingStore(gated, { pollMs: POLL_MS, bytesPerRow: 1_000, maxBytes: 15_000, onEvicted: (shop) => evicted.push(shop) });
    await load(store, a!);
    await load(store, b!);
    await db.variantMapping.update({ where: { shop_variantGid: { shop: a!, variantGid: toGid("ProductVariant", 1_003) } }, data: { weightGrams: 777 } });
    store.invalidate(a!);
    const waiting = store.lookup(a!, [line(1_003)], T + 1); // waits for a's refresh, held at the gate
    await new Promise((resolve) => setImmediate(resolve));
    await store.lookup(b!, [line(1_000)], T + 1); // b is now the most recently quoted
    await load(store, c!, T + 1); // a is pushed out, its table released
    expect(evicted).toEqual([a]);
    calls.length = 0;
    open();
    expect((await waiting)[0]?.weightGrams).toBe(777);
    expect(calls).toContain("forVariants"); // answered by the cold path's query
    expect(calls).not.toContain("variantGids"); // the refresh did not go on for a table nobody holds
    expect(store.loadedSize(a!)).toBeNull();
  });

  it("re-reads an evicted shop's write on reload, so invalidation is never lost to eviction", async () => {
    const [a, b, c] = await Promise.all(["inval-a", "inval-b", "inval-c"].map((label) => shopWithMappings(label, 5)));
    const { store } = budgeted();
    await load(store, a!);
    await load(store, b!);
    await load(store, c!); // a is out
    await db.variantMapping.update({ where: { shop_variantGid: { shop: a!, variantGid: toGid("ProductVariant", 1_001) } }, data: { weightGrams: 888 } });
    store.invalidate(a!);
    await load(store, a!, T + 1);
    expect((await store.lookup(a!, [line(1_001)], T + 2))[0]?.weightGrams).toBe(888);
  });
});
