import { fail, ok, supplierError, type SupplierErrorKind, type SupplierResult } from "../supplier-result";

export function buildFailure(kind: SupplierErrorKind = "unavailable"): SupplierResult<never> {
  return fail(supplierError("sandbox", kind, `test ${kind}`));
}

/** An operation that plays back scripted outcomes and counts its calls. */
export function scriptedOperation<T>(outcomes: readonly (SupplierResult<T> | Error)[], fallback?: SupplierResult<T>) {
  let calls = 0;
  const op = async (): Promise<SupplierResult<T>> => {
    const next = outcomes[calls] ?? fallback ?? outcomes.at(-1)!;
    calls += 1;
    if (next instanceof Error) throw next;
    return next;
  };
  return { op, get calls() { return calls; } };
}

export const success = <T>(value: T): SupplierResult<T> => ok(value);
