import type { SupplierCode } from "../supplier-models";
import type { SupplierResult } from "../supplier-result";
import { createCircuitBreaker, type CircuitBreaker } from "./circuit-breaker";
import { systemClock, type Clock } from "./clock";
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from "./retry";
import { withTimeout, type AbortableOperation } from "./timeout";

export interface ResiliencePolicy {
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly breaker: { readonly failureThreshold: number; readonly openMs: number };
}

export const DEFAULT_RESILIENCE: ResiliencePolicy = {
  timeoutMs: 10_000,
  retry: DEFAULT_RETRY_POLICY,
  breaker: { failureThreshold: 5, openMs: 30_000 },
};

export interface ResilientCaller {
  readonly breaker: CircuitBreaker;
  /** Each attempt passes the breaker and gets its own deadline; retryable failures back off and retry. */
  call<T>(op: AbortableOperation<T>, options?: { retry?: boolean }): Promise<SupplierResult<T>>;
}

export function createResilientCaller(
  supplier: SupplierCode,
  policy: Partial<ResiliencePolicy> = {},
  clock: Clock = systemClock,
): ResilientCaller {
  const p = { ...DEFAULT_RESILIENCE, ...policy };
  const breaker = createCircuitBreaker({ supplier, clock, ...p.breaker });
  const attempt = <T>(op: AbortableOperation<T>) =>
    breaker.run(() => withTimeout(op, { ms: p.timeoutMs, clock, supplier }));
  return {
    breaker,
    call(op, options = {}) {
      if (options.retry === false) return attempt(op);
      return withRetry(() => attempt(op), { policy: p.retry, clock });
    },
  };
}
