import { describe, expect, it } from "vitest";
import { createInstantClock, createManualClock } from "./clock";
import { createPacer } from "./pacer";
import { createResilientCaller } from "./resilient-call";
import { withTimeout } from "./timeout";
import { buildFailure, success } from "./resilience.fixture";

describe("withTimeout", () => {
  it("turns a call that outlives its deadline into a retryable timeout and aborts it", async () => {
    const clock = createManualClock();
    let aborted = false;
    const pending = withTimeout((signal) => new Promise(() => {
      signal.addEventListener("abort", () => { aborted = true; });
    }), { ms: 1_000, clock, supplier: "jd" });
    clock.advance(1_000);
    const result = await pending;
    expect(!result.ok && result.error).toMatchObject({ kind: "timeout", retryable: true, supplier: "jd" });
    expect(aborted).toBe(true);
  });

  it("returns the result of a call that finishes in time and clears its timer", async () => {
    const clock = createManualClock();
    const result = await withTimeout(async () => success(42), { ms: 1_000, clock, supplier: "jd" });
    expect(result).toEqual({ ok: true, value: 42 });
    expect(clock.pendingSleeps).toBe(0);
  });

  it("rethrows unexpected errors that are not caused by the deadline", async () => {
    const clock = createManualClock();
    await expect(withTimeout(async () => { throw new TypeError("bug"); }, { ms: 1_000, clock, supplier: "cj" }))
      .rejects.toThrow("bug");
  });
});

describe("resilient caller", () => {
  it("retries through the breaker and opens it when the supplier keeps failing", async () => {
    const clock = createManualClock();
    const caller = createResilientCaller("cj", {
      timeoutMs: 1_000,
      retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
      breaker: { failureThreshold: 4, openMs: 60_000 },
    }, clock);
    let calls = 0;
    const op = async () => { calls += 1; return buildFailure("unavailable"); };
    await caller.call(op);
    await caller.call(op);
    expect(calls).toBe(4);
    expect(caller.breaker.state).toBe("open");
    const blocked = await caller.call(op);
    expect(calls).toBe(4);
    expect(!blocked.ok && blocked.error.kind).toBe("circuit_open");
  });
});

describe("pacer", () => {
  it("spaces requests at the configured rate", async () => {
    const clock = createInstantClock(0);
    const pacer = createPacer({ requestsPerSecond: 2, clock });
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    // Each request waits for the previous slot: 0, 500, 1000 ms.
    expect(clock.slept).toEqual([500, 500]);
    expect(clock.now()).toBe(1_000);
  });
});
