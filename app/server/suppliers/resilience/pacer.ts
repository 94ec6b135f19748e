import type { Clock } from "./clock";

export interface Pacer {
  /** Resolves when the caller may send its next request. */
  acquire(): Promise<void>;
}

/** Spaces requests evenly (CJ allows 1–6 req/s per account level) so we never earn a 429. */
export function createPacer(options: { requestsPerSecond: number; clock: Clock }): Pacer {
  const intervalMs = 1000 / options.requestsPerSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async acquire() {
      const now = options.clock.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > now) await options.clock.sleep(slot - now);
    },
  };
}
