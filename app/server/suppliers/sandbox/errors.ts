import { supplierError, type SupplierError } from "../supplier-result";

// Sandbox error codes → merchant-readable messages; mirrors what a real supplier's code table gives us.
const BY_CODE: Record<string, { kind: SupplierError["kind"]; message: string }> = {
  INVALID_PARAM: { kind: "invalid_request", message: "The sandbox supplier rejected the request as incomplete." },
  INVALID_JSON: { kind: "invalid_request", message: "The sandbox supplier could not read the request." },
  PRODUCT_NOT_FOUND: { kind: "not_found", message: "This product is no longer in the supplier's catalog." },
  VARIANT_NOT_FOUND: { kind: "not_found", message: "A variant on this order is no longer sold by the supplier. Remap it to another variant." },
  ORDER_NOT_FOUND: { kind: "not_found", message: "The supplier has no order with this reference." },
  OUT_OF_STOCK: { kind: "out_of_stock", message: "The supplier does not have enough stock for every item. Choose another warehouse or wait for restock." },
  PRICE_CHANGED: { kind: "price_changed", message: "The supplier's price changed since you priced this order. Review the new cost before placing it." },
  ORDER_CANCELLED: { kind: "rejected", message: "This supplier order was cancelled and cannot be confirmed." },
  SYSTEM_BUSY: { kind: "unavailable", message: "The sandbox supplier is busy. We will retry automatically." },
  TIMEOUT: { kind: "timeout", message: "The sandbox supplier took too long to answer. We will retry automatically." },
  INTERNAL: { kind: "unavailable", message: "The sandbox supplier had an internal error. We will retry automatically." },
};

export function sandboxError(status: number, code: string | undefined, detail?: string): SupplierError {
  const known = code ? BY_CODE[code] : undefined;
  if (known) return supplierError("sandbox", known.kind, known.message, { supplierCode: code });
  if (status >= 500) return supplierError("sandbox", "unavailable", "The sandbox supplier is unavailable. We will retry automatically.", { supplierCode: String(status) });
  return supplierError("sandbox", "rejected", `The sandbox supplier refused the request${detail ? `: ${detail}` : ""}.`, { supplierCode: code ?? String(status) });
}

export function sandboxNetworkError(): SupplierError {
  return supplierError("sandbox", "unavailable", "Could not reach the sandbox supplier. Check that it is running; we will retry automatically.");
}
