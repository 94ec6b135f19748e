import type { SupplierResult } from "../supplier-result";
import type { Clock } from "./clock";

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injected so tests can pin jitter; defaults to Math.random. */
  readonly random?: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * A retry-after longer than this is not slept through inside a request (CJ's daily quota resets at 00:00 UTC): the
 * failure comes back at once, still retryable with its retryAfterMs, and the job layer reschedules the work.
 */
export const MAX_INLINE_RETRY_AFTER_MS = 60_000;

/** Full jitter (AWS architecture blog): spreads retries so many shops do not hit a recovering supplier in step. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round((policy.random ?? Math.random)() * ceiling);
}

/**
 * Retries failures marked `retryable`, except an open circuit (retrying it only burns the budget).
 * A supplier's explicit retry-after wins over our own backoff when it is longer.
 */
export async function withRetry<T>(
  op: (attempt: number) => Promise<SupplierResult<T>>,
  options: { policy: RetryPolicy; clock: Clock; signal?: AbortSignal },
): Promise<SupplierResult<T>> {
  let attempt = 1;
  for (;;) {
    const result = await op(attempt);
    if (result.ok || !result.error.retryable || result.error.kind === "circuit_open") return result;
    if (attempt >= options.policy.maxAttempts || options.signal?.aborted) return result;
    if ((result.error.retryAfterMs ?? 0) > MAX_INLINE_RETRY_AFTER_MS) return result;
    const delay = Math.max(backoffDelay(attempt, options.policy), result.error.retryAfterMs ?? 0);
    await options.clock.sleep(delay, options.signal);
    attempt += 1;
  }
}
