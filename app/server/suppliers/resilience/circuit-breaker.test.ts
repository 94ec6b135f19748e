import { describe, expect, it } from "vitest";
import { createCircuitBreaker } from "./circuit-breaker";
import { createManualClock } from "./clock";
import type { SupplierResult } from "../supplier-result";
import { buildFailure, scriptedOperation, success } from "./resilience.fixture";

function setup() {
  const clock = createManualClock();
  const breaker = createCircuitBreaker({ supplier: "sandbox", clock, failureThreshold: 3, openMs: 10_000 });
  return { clock, breaker };
}

describe("circuit breaker", () => {
  it("opens after the threshold of consecutive health failures and then fails fast", async () => {
    const { breaker } = setup();
    const failing = scriptedOperation([buildFailure("unavailable")]);
    for (let i = 0; i < 3; i++) await breaker.run(failing.op);
    expect(breaker.state).toBe("open");
    const result = await breaker.run(failing.op);
    expect(failing.calls).toBe(3);
    expect(!result.ok && result.error).toMatchObject({ kind: "circuit_open", retryable: true, retryAfterMs: 10_000 });
  });

  it("ignores business failures such as out of stock when counting", async () => {
    const { breaker } = setup();
    const op = scriptedOperation([buildFailure("out_of_stock")]);
    for (let i = 0; i < 5; i++) await breaker.run(op.op);
    expect(breaker.state).toBe("closed");
  });

  it("resets the count after a success", async () => {
    const { breaker } = setup();
    const op = scriptedOperation([buildFailure(), buildFailure(), success(1), buildFailure(), buildFailure()]);
    for (let i = 0; i < 5; i++) await breaker.run(op.op);
    expect(breaker.state).toBe("closed");
  });

  it("counts thrown errors as failures and rethrows them", async () => {
    const { breaker } = setup();
    const op = scriptedOperation<number>([new Error("bug")]);
    for (let i = 0; i < 3; i++) await expect(breaker.run(op.op)).rejects.toThrow("bug");
    expect(breaker.state).toBe("open");
  });

  it("lets one trial through when half-open and closes on success", async () => {
    const { clock, breaker } = setup();
    const op = scriptedOperation([buildFailure(), buildFailure(), buildFailure(), success("back")]);
    for (let i = 0; i < 3; i++) await breaker.run(op.op);
    clock.advance(10_000);
    expect(breaker.state).toBe("half-open");
    expect(await breaker.run(op.op)).toEqual({ ok: true, value: "back" });
    expect(breaker.state).toBe("closed");
  });

  it("reopens immediately when the half-open trial fails", async () => {
    const { clock, breaker } = setup();
    const op = scriptedOperation([buildFailure()]);
    for (let i = 0; i < 3; i++) await breaker.run(op.op);
    clock.advance(10_000);
    await breaker.run(op.op);
    expect(breaker.state).toBe("open");
    expect(op.calls).toBe(4);
  });

  it("refuses a second concurrent call while the half-open trial is in flight", async () => {
    const { clock, breaker } = setup();
    const failing = scriptedOperation([buildFailure()]);
    for (let i = 0; i < 3; i++) await breaker.run(failing.op);
    clock.advance(10_000);
    let release!: () => void;
    const slow = breaker.run(() => new Promise<SupplierResult<number>>((r) => { release = () => r(success(1)); }));
    const second = await breaker.run(async () => success(2));
    expect(!second.ok && second.error.kind).toBe("circuit_open");
    release();
    await slow;
    expect(breaker.state).toBe("closed");
  });
});
