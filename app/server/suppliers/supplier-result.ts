import type { SupplierCode } from "./supplier-models";

/**
 * Why a supplier call failed, in terms the fulfillment and sourcing flows can act on.
 * Anything not in this list is a bug and is thrown instead.
 */
export type SupplierErrorKind =
  | "auth" // credentials rejected or token unobtainable
  | "rate_limited"
  | "unavailable" // 5xx, network error, "system busy"
  | "timeout"
  | "circuit_open" // we stopped calling this supplier for a while
  | "not_found"
  | "invalid_request"
  | "out_of_stock"
  | "price_changed"
  | "insufficient_balance"
  | "unsupported" // a filter or option the supplier cannot honour
  | "rejected"; // the supplier refused for a business reason we have no better kind for

/** An expected failure, carried as a value. `message` is safe to show a merchant. */
export interface SupplierError {
  readonly kind: SupplierErrorKind;
  readonly supplier: SupplierCode;
  /** Merchant-readable, no PII, says what to do next when there is something to do. */
  readonly message: string;
  /** True when the same call may succeed later without any change on our side. */
  readonly retryable: boolean;
  /** The supplier's own code (e.g. CJ 1600001, JD resultCode) for support tickets. */
  readonly supplierCode?: string;
  /** When the supplier told us how long to wait. */
  readonly retryAfterMs?: number;
}

export type SupplierResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SupplierError };

export function ok<T>(value: T): SupplierResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: SupplierError): SupplierResult<T> {
  return { ok: false, error };
}

const RETRYABLE_KINDS: ReadonlySet<SupplierErrorKind> = new Set([
  "rate_limited",
  "unavailable",
  "timeout",
  "circuit_open",
]);

export function supplierError(
  supplier: SupplierCode,
  kind: SupplierErrorKind,
  message: string,
  extra: { supplierCode?: string; retryable?: boolean; retryAfterMs?: number } = {},
): SupplierError {
  const { retryable = RETRYABLE_KINDS.has(kind), ...rest } = extra;
  return { kind, supplier, message, retryable, ...rest };
}

/** Applies `fn` to a successful value; failures pass through untouched. */
export function mapResult<T, U>(result: SupplierResult<T>, fn: (value: T) => U): SupplierResult<U> {
  return result.ok ? ok(fn(result.value)) : result;
}

/** Counts toward opening a circuit: the supplier looks unhealthy, not the request wrong. */
export function isHealthFailure(error: SupplierError): boolean {
  return error.kind === "unavailable" || error.kind === "timeout";
}
