import { describe, expect, it } from "vitest";
import { createInstantClock } from "./clock";
import { backoffDelay, withRetry } from "./retry";
import { buildFailure, scriptedOperation, success } from "./resilience.fixture";

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1 };

describe("withRetry", () => {
  it("retries a retryable failure until it succeeds", async () => {
    const clock = createInstantClock();
    const script = scriptedOperation([buildFailure("unavailable"), buildFailure("timeout"), success("ok")]);
    const result = await withRetry(script.op, { policy, clock });
    expect(result).toEqual({ ok: true, value: "ok" });
    expect(script.calls).toBe(3);
  });

  it("backs off exponentially, capped at the maximum delay", async () => {
    const clock = createInstantClock();
    const script = scriptedOperation([buildFailure()]);
    await withRetry(script.op, { policy: { ...policy, maxAttempts: 6 }, clock });
    expect(clock.slept).toEqual([100, 200, 400, 800, 1_000]);
  });

  it("applies full jitter between zero and the exponential ceiling", () => {
    expect(backoffDelay(3, { ...policy, random: () => 0.5 })).toBe(200);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0);
  });

  it("does not retry a non-retryable failure such as bad credentials", async () => {
    const script = scriptedOperation([buildFailure("auth"), success("never")]);
    const result = await withRetry(script.op, { policy, clock: createInstantClock() });
    expect(result.ok).toBe(false);
    expect(script.calls).toBe(1);
  });

  it("does not retry an open circuit", async () => {
    const script = scriptedOperation([buildFailure("circuit_open"), success("never")]);
    await withRetry(script.op, { policy, clock: createInstantClock() });
    expect(script.calls).toBe(1);
  });

  it("gives up after the last attempt and returns the last failure", async () => {
    const script = scriptedOperation([buildFailure("unavailable")]);
    const result = await withRetry(script.op, { policy, clock: createInstantClock() });
    expect(script.calls).toBe(4);
    expect(!result.ok && result.error.kind).toBe("unavailable");
  });

  it("waits at least as long as the supplier's retry-after", async () => {
    const clock = createInstantClock();
    const limited = { ok: false as const, error: { ...buildFailure("rate_limited"), kind: "rate_limited" as const,
      supplier: "cj" as const, message: "slow down", retryable: true, retryAfterMs: 5_000 } };
    const script = scriptedOperation([limited, success(1)]);
    await withRetry(script.op, { policy, clock });
    expect(clock.slept).toEqual([5_000]);
  });

  it("returns a retry-after of hours at once, still retryable, instead of sleeping through it", async () => {
    const clock = createInstantClock();
    const quota = { ok: false as const, error: { ...buildFailure("rate_limited"), kind: "rate_limited" as const,
      supplier: "cj" as const, message: "quota used up", retryable: true, retryAfterMs: 3 * 3_600_000 } };
    const script = scriptedOperation([quota, success(1)]);
    const result = await withRetry(script.op, { policy, clock });
    expect(script.calls).toBe(1);
    expect(clock.slept).toEqual([]);
    expect(!result.ok && result.error).toMatchObject({ retryable: true, retryAfterMs: 3 * 3_600_000 });
  });
});
