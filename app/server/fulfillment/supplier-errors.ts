// What a supplier failure means for a supplier order: wait and retry, ask the merchant, or give up.
import type { SupplierError } from "../suppliers/supplier-result";
import { storedText } from "./order-text";

export type ErrorHandling =
  | { retry: true }
  | { retry: false; state: "needs_attention" | "failed"; code: string; fix: string }; // fix: a stored catalog message (order-text.ts)

export function classifySupplierError(error: SupplierError): ErrorHandling {
  if (error.retryable) return { retry: true };
  switch (error.kind) {
    case "price_changed":
      return { retry: false, state: "needs_attention", code: "PRICE_CHANGED", fix: storedText("order:fix.priceChanged") };
    case "insufficient_balance":
      return { retry: false, state: "needs_attention", code: "INSUFFICIENT_BALANCE", fix: storedText("order:fix.insufficientBalance") };
    case "auth":
      return { retry: false, state: "needs_attention", code: "SUPPLIER_AUTH", fix: storedText("order:fix.supplierAuth") };
    case "out_of_stock":
      return { retry: false, state: "failed", code: "OUT_OF_STOCK", fix: storedText("order:fix.outOfStock") };
    case "not_found":
      return { retry: false, state: "failed", code: "SUPPLIER_ITEM_NOT_FOUND", fix: storedText("order:fix.supplierItemNotFound") };
    default:
      return { retry: false, state: "failed", code: "SUPPLIER_REFUSED", fix: storedText("order:fix.supplierRefused") };
  }
}

/** Exponential backoff with jitter, capped at 30 minutes; a supplier's own retry-after wins when longer. */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random = Math.random): number {
  // FULFILLMENT_RETRY_BASE_MS shrinks the schedule for tests and the reliability run.
  const first = Number(process.env.FULFILLMENT_RETRY_BASE_MS ?? 2_000);
  const base = Math.min(30 * 60_000, first * 2 ** Math.min(attempt - 1, 12));
  const jittered = Math.round(base / 2 + random() * (base / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
