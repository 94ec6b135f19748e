import { supplierError, type SupplierError } from "../supplier-result";

// CJ asks integrators to troubleshoot by code, not message (developers.cjdropshipping.cn ps-code page).
const CODES: Record<string, { kind: SupplierError["kind"]; message: string }> = {
  "1600000": { kind: "unavailable", message: "CJ is busy right now. We will retry automatically." },
  "1600001": { kind: "auth", message: "CJ rejected the API key or token. Check the CJ API key in Settings." },
  "1600002": { kind: "auth", message: "CJ did not receive an access token. Reconnect CJ in Settings." },
  "1600003": { kind: "auth", message: "CJ's refresh token is no longer valid. Reconnect CJ in Settings." },
  "1600004": { kind: "auth", message: "CJ refused authorisation for this account. Check the CJ API key in Settings." },
  "1600030": { kind: "auth", message: "CJ could not invalidate the old token. Reconnect CJ in Settings." },
  "1600031": { kind: "auth", message: "CJ rejected the platform token on this request." },
  "1600100": { kind: "invalid_request", message: "CJ rejected the request parameters. Check the product, variant and address details." },
};

export const TOKEN_INVALID_CODES = new Set(["1600001", "1600002"]);

export function cjError(code: number | string | undefined, message?: string): SupplierError {
  const key = code === undefined ? undefined : String(code);
  const known = key ? CODES[key] : undefined;
  if (known) return supplierError("cj", known.kind, known.message, { supplierCode: key });
  if (/too many requests/i.test(message ?? "")) return cjRateLimited(key);
  if (/stock|inventory/i.test(message ?? "")) return supplierError("cj", "out_of_stock", "CJ does not have enough stock for this order.", { supplierCode: key });
  if (/balance/i.test(message ?? "")) return supplierError("cj", "insufficient_balance", "Your CJ balance is too low to pay for this order. Top it up in CJ, then retry.", { supplierCode: key });
  if (/not (exist|found)/i.test(message ?? "")) return supplierError("cj", "not_found", "CJ has no record of this item or order.", { supplierCode: key });
  return supplierError("cj", "rejected", `CJ refused the request (code ${key ?? "?"}${message ? `: ${message}` : ""}).`, { supplierCode: key });
}

export const cjRateLimited = (code?: string, retryAfterMs = 1_000) =>
  supplierError("cj", "rate_limited", "CJ is limiting our requests. We will slow down and retry.", { supplierCode: code, retryAfterMs });

export function cjHttpError(status: number): SupplierError {
  if (status === 429) return cjRateLimited("429");
  if (status >= 500) return supplierError("cj", "unavailable", "CJ is unavailable right now. We will retry automatically.", { supplierCode: String(status) });
  return supplierError("cj", "rejected", `CJ answered with HTTP ${status}.`, { supplierCode: String(status) });
}

export const cjNetworkError = () => supplierError("cj", "unavailable", "Could not reach CJ. We will retry automatically.");
export const CJ_ALREADY_SHIPPED = "CJ has already shipped this order, so it can no longer be cancelled. Offer the customer a return instead.";
