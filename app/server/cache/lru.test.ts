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

  it("refuses to be built without a budget", () => {
    expect(() => new LruCache({})).toThrow(RangeError);
    expect(() => new LruCache({ maxBytes: 10 })).toThrow(/sizeOf/);
  });
});
