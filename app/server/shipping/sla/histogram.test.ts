import { describe, expect, it } from "vitest";
import { addInto, bucketOf, countOver, emptyHistogram, parseHistogram, percentileMs, serializeHistogram } from "./histogram";

const histogramOf = (...ms: number[]) => {
  const h = emptyHistogram();
  for (const m of ms) h[bucketOf(m)]!++;
  return h;
};

describe("latency histogram", () => {
  it("reads the 95th percentile as the upper edge of the bucket that holds it", () => {
    const h = histogramOf(...Array.from({ length: 95 }, () => 4), ...Array.from({ length: 5 }, () => 480));
    expect(percentileMs(h, 95)).toBe(5);
    expect(percentileMs(h, 96)).toBe(500);
  });

  it("counts answers over 500 ms exactly, 500 ms itself not over", () => {
    const h = histogramOf(500, 501, 12_000, 3);
    expect(countOver(h, 500)).toBe(2);
    expect(percentileMs(h, 100)).toBe(Infinity);
  });

  it("has no percentile without answers", () => {
    expect(percentileMs(emptyHistogram(), 95)).toBeNull();
  });

  it("survives storage and merges bucket by bucket, reading a damaged value as empty buckets", () => {
    const a = histogramOf(1, 40);
    const stored = serializeHistogram(a);
    expect(parseHistogram(stored)).toEqual(a);
    expect(addInto(parseHistogram(stored), histogramOf(40))[bucketOf(40)]).toBe(2);
    expect(parseHistogram("x,-3,2.5")).toEqual(emptyHistogram());
  });
});
