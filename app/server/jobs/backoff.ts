import type { RetryPolicy } from "./types";

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, factor: 2, capMs: 15 * 60_000 };

// "Equal jitter": half the exponential step is fixed, half random. Spreads a thundering herd of
// retries while keeping delays non-decreasing across attempts whenever factor >= 2 (until the cap).
export function backoffDelay(failedAttempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, failedAttempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
