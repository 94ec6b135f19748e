import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

const policy = { baseMs: 100, factor: 2, capMs: 10_000 };

describe("backoffDelay", () => {
  it("stays between half and all of the exponential step", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelay(30, policy, () => 1)).toBe(10_000);
  });

  it("never shrinks from one attempt to the next below the cap, whatever the jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a, b) => {
        expect(backoffDelay(n + 1, policy, () => b)).toBeGreaterThanOrEqual(backoffDelay(n, policy, () => a));
      }),
    );
  });
});
