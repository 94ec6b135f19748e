import { supplierError, type SupplierError } from "../supplier-result";

// CJ's global code table (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html, cj-contract.json
// "error_codes"). CJ says to troubleshoot by code, never by message, so no message text is matched here.
const CODES: Record<string, { kind: SupplierError["kind"]; message: string; retryable?: boolean }> = {
  "1600000": { kind: "unavailable", message: "CJ is busy right now. We will retry automatically." },
  "1600001": { kind: "auth", message: "CJ rejected the API key or token. Check the CJ API key in Settings." },
  "1600002": { kind: "auth", message: "CJ did not receive an access token. Reconnect CJ in Settings." },
  "1600003": { kind: "auth", message: "CJ's refresh token is no longer valid. Reconnect CJ in Settings." },
  "1600004": { kind: "auth", message: "CJ refused authorisation for this account. Check the CJ account in Settings." },
  "1600005": { kind: "auth", message: "CJ says the API key is wrong. Copy it again from CJ → Authorization → API." },
  "1600030": { kind: "auth", message: "CJ could not invalidate the old token. Reconnect CJ in Settings." },
  "1600031": { kind: "auth", message: "CJ rejected the platform token on this request." },
  "1601000": { kind: "auth", message: "CJ has no user for this API key. Copy it again from CJ → Authorization → API." },
  // The global table says "Interface is offline"; the per-endpoint examples print "Param error" (review F10).
  "1600100": { kind: "invalid_request", message: "CJ refused the request (parameter error or interface offline). Check the product, variant and address details." },
  "1600101": { kind: "invalid_request", message: "CJ does not know this interface. Update Silkroute." },
  "1600300": { kind: "invalid_request", message: "CJ rejected the request parameters. Check the product, variant and address details." },
  "1602000": { kind: "not_found", message: "CJ no longer sells a variant on this order. Remap it to another CJ variant." },
  "1602001": { kind: "not_found", message: "This product is no longer in CJ's catalog." },
  "1602002": { kind: "not_found", message: "CJ has taken this product off the shelves." },
  "1602003": { kind: "not_found", message: "CJ has taken a variant on this order off the shelves. Remap it to another CJ variant." },
  "1603000": { kind: "rejected", message: "CJ could not create the order." },
  "1603001": { kind: "rejected", message: "CJ could not confirm the order." },
  "1603002": { kind: "rejected", message: "CJ could not delete the order; it may already be on its way." },
  "1603003": { kind: "rejected", message: "CJ already has an order with this number." },
  "1603100": { kind: "not_found", message: "CJ has no order with this reference." },
  "1603101": { kind: "rejected", message: "CJ could not take the payment for this order." },
  "1603102": { kind: "out_of_stock", message: "CJ does not have enough stock in that warehouse for this order." },
  "1604000": { kind: "insufficient_balance", message: "Your CJ balance is too low to pay for this order. Top up your CJ wallet, then retry the order." },
  "1604001": { kind: "insufficient_balance", message: "CJ has restricted balance payments on your account. Contact CJ support, then retry the order." },
  "1605000": { kind: "invalid_request", message: "CJ does not know this shipping method. Pick one from CJ's freight quote." },
  "1605001": { kind: "invalid_request", message: "CJ does not offer this shipping method for this route. Pick one from CJ's freight quote." },
  "1605002": { kind: "invalid_request", message: "CJ does not recognise the destination country code." },
};

export const TOKEN_INVALID_CODES = new Set(["1600001", "1600002"]);
export const DUPLICATE_ORDER_CODE = "1603003";

export interface CjError extends SupplierError { readonly detail?: string }

export function cjError(code: number | string | undefined, message?: string, now = Date.now()): CjError {
  const key = code === undefined ? undefined : String(code);
  if (key === "1600200") return cjRateLimited(key);
  // The points budget resets at 00:00 UTC (points.html): retrying sooner only burns calls, so the wait is until then
  // (too long to sleep inside a request; the job layer reschedules).
  if (key === "1600201") {
    const midnight = Math.ceil((now + 1) / 86_400_000) * 86_400_000;
    return supplierError("cj", "rate_limited", "CJ's daily call budget for this account is used up. Calls resume after 00:00 UTC.",
      { supplierCode: key, retryAfterMs: midnight - now });
  }
  const known = key ? CODES[key] : undefined;
  if (known) return { ...supplierError("cj", known.kind, known.message, { supplierCode: key }), detail: message };
  return { ...supplierError("cj", "rejected", `CJ refused the request (code ${key ?? "?"}).`, { supplierCode: key }), detail: message };
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
