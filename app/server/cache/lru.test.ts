import { describe, expect, it } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  it("never holds more entries than its entry budget, dropping the least recently used first", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>({ maxEntries: 2, onEvict: (key) => evicted.push(key) });
    cache.set("a", 1).set("b", 2);
    expect(cache.get("a")).toBe(1); // "a" is now the most recent
    cache.set("c", 3);
    expect([...cache.keys()]).toEqual(["a", "c"]);
    expect(evicted).toEqual(["b"]);
    for (let i = 0; i < 1_000; i++) cache.set(`shop-${i}`, i);
    expect(cache.size).toBe(2);
  });

  it("keeps the total of sizeOf within its byte budget and refuses a value larger than the whole budget", () => {
    const cache = new LruCache<string, string>({ maxBytes: 10, sizeOf: (value) => value.length });
    cache.set("a", "aaaa").set("b", "bbbb");
    expect(cache.bytes).toBe(8);
    cache.set("c", "cccc");
    expect([...cache.keys()]).toEqual(["b", "c"]);
    expect(cache.bytes).toBe(8);
    cache.set("b", "x".repeat(11));
    expect(cache.has("b")).toBe(false);
    expect(cache.bytes).toBe(4);
  });

  it("peek reads without making an entry recent; replacing a value recounts its bytes", () => {
    const cache = new LruCache<string, string>({ maxEntries: 2, maxBytes: 100, sizeOf: (value) => value.length });
    cache.set("a", "1").set("b", "22");
    expect(cache.peek("a")).toBe("1");
    cache.set("b", "333");
    expect(cache.bytes).toBe(4);
    cache.set("c", "4");
    expect([...cache.keys()]).toEqual(["b", "c"]);
    expect(cache.delete("b")).toBe(true);
    expect(cache.bytes).toBe(1);
  });

  it("evicts the least recently used at once when its byte budget shrinks, and keeps what it holds when it grows", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>({ maxBytes: 30, sizeOf: (v) => v, onEvict: (k) => evicted.push(k) });
    cache.set("a", 10).set("b", 10).set("c", 10);
    cache.get("a");
    cache.resizeBytes(20);
    expect(evicted).toEqual(["b"]);
    expect([...cache.keys()]).toEqual(["c", "a"]);
    cache.resizeBytes(40);
    expect(cache.byteBudget).toBe(40);
    cache.set("d", 20);
    expect([...cache.keys()]).toEqual(["c", "a", "d"]);
    expect(() => cache.resizeBytes(0)).toThrow(RangeError);
    expect(() => new LruCache<string, number>({ maxEntries: 2 }).resizeBytes(10)).toThrow(RangeError);
  });

  it("refuses to be built without a budget", () => {
    expect(() => new LruCache({})).toThrow(RangeError);
    expect(() => new LruCache({ maxBytes: 10 })).toThrow(/sizeOf/);
  });
});
