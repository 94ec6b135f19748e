import type { SupplierCode } from "../supplier-models";
import { fail, isHealthFailure, supplierError, type SupplierResult } from "../supplier-result";
import type { Clock } from "./clock";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  readonly supplier: SupplierCode;
  readonly clock: Clock;
  /** Consecutive health failures (timeouts, 5xx, thrown errors) that open the circuit. */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly openMs?: number;
}

export interface CircuitBreaker {
  readonly state: CircuitState;
  run<T>(op: () => Promise<SupplierResult<T>>): Promise<SupplierResult<T>>;
}

/** One per supplier connection: a dead supplier fails fast instead of tying up checkout and jobs. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const openMs = options.openMs ?? 30_000;
  let state: CircuitState = "closed";
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const currentState = (): CircuitState => {
    if (state === "open" && options.clock.now() - openedAt >= openMs) state = "half-open";
    return state;
  };
  const open = () => {
    state = "open";
    openedAt = options.clock.now();
    failures = 0;
  };
  const onOutcome = (healthy: boolean, wasTrial: boolean) => {
    if (healthy) {
      state = "closed";
      failures = 0;
    } else if (wasTrial || ++failures >= threshold) {
      open();
    }
  };

  return {
    get state() {
      return currentState();
    },
    async run(op) {
      const s = currentState();
      if (s === "open" || (s === "half-open" && trialInFlight)) {
        const retryAfterMs = Math.max(0, openMs - (options.clock.now() - openedAt));
        return fail(supplierError(options.supplier, "circuit_open",
          "The supplier is not responding right now, so we paused calls to it. We will retry automatically.",
          { retryAfterMs }));
      }
      const wasTrial = s === "half-open";
      trialInFlight = wasTrial;
      try {
        const result = await op();
        onOutcome(result.ok || !isHealthFailure(result.error), wasTrial);
        return result;
      } catch (error) {
        onOutcome(false, wasTrial);
        throw error;
      } finally {
        if (wasTrial) trialInFlight = false;
      }
    },
  };
}
