/** Time as a dependency, so retries, breakers and the sandbox lifecycle are testable without waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; resolves early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

export interface ManualClock extends Clock {
  /** Moves time forward and wakes every sleeper that is now due, oldest deadline first. */
  advance(ms: number): void;
  set(epochMs: number): void;
  readonly pendingSleeps: number;
}

export function createManualClock(startMs = Date.UTC(2026, 10, 1)): ManualClock {
  let current = startMs;
  let sleepers: { at: number; wake: () => void }[] = [];
  const wakeDue = () => {
    const due = sleepers.filter((s) => s.at <= current).sort((a, b) => a.at - b.at);
    sleepers = sleepers.filter((s) => s.at > current);
    for (const s of due) s.wake();
  };
  return {
    now: () => current,
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted) return resolve();
        const entry = { at: current + ms, wake: () => resolve() };
        sleepers.push(entry);
        signal?.addEventListener("abort", () => {
          sleepers = sleepers.filter((s) => s !== entry);
          resolve();
        }, { once: true });
      });
    },
    advance(ms) {
      current += ms;
      wakeDue();
    },
    set(epochMs) {
      current = epochMs;
      wakeDue();
    },
    get pendingSleeps() {
      return sleepers.length;
    },
  };
}

/** Every sleep completes at once and moves time forward: backoff schedules become observable. */
export function createInstantClock(startMs = Date.UTC(2026, 10, 1)): Clock & { readonly slept: number[] } {
  let current = startMs;
  const slept: number[] = [];
  return {
    slept,
    now: () => current,
    async sleep(ms) {
      slept.push(ms);
      current += ms;
    },
  };
}
