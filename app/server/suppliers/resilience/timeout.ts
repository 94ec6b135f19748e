import type { SupplierCode } from "../supplier-models";
import { fail, supplierError, type SupplierResult } from "../supplier-result";
import type { Clock } from "./clock";

export type AbortableOperation<T> = (signal: AbortSignal) => Promise<SupplierResult<T>>;

/**
 * Runs `op` with a deadline. On expiry the op's signal aborts (so fetch stops) and the call
 * becomes a retryable "timeout" failure.
 */
export async function withTimeout<T>(
  op: AbortableOperation<T>,
  options: { ms: number; clock: Clock; supplier: SupplierCode; parentSignal?: AbortSignal },
): Promise<SupplierResult<T>> {
  const controller = new AbortController();
  const stopTimer = new AbortController();
  const onParentAbort = () => controller.abort(options.parentSignal?.reason);
  options.parentSignal?.addEventListener("abort", onParentAbort, { once: true });
  const timedOut = Symbol("timeout");
  const timer = options.clock.sleep(options.ms, stopTimer.signal).then(() => timedOut);
  try {
    const winner = await Promise.race([op(controller.signal), timer]);
    if (winner === timedOut && !stopTimer.signal.aborted) {
      controller.abort(new Error("supplier call timed out"));
      return fail(
        supplierError(options.supplier, "timeout", "The supplier took too long to answer. We will try again shortly."),
      );
    }
    return winner as SupplierResult<T>;
  } catch (error) {
    // fetch rejects with an AbortError when our own deadline fired first; that is a timeout, not a bug.
    if (controller.signal.aborted) {
      return fail(supplierError(options.supplier, "timeout", "The supplier took too long to answer. We will try again shortly."));
    }
    throw error;
  } finally {
    stopTimer.abort();
    options.parentSignal?.removeEventListener("abort", onParentAbort);
  }
}
