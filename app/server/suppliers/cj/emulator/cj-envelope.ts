// CJ API 2.0's answer envelope and its published error codes, verbatim.
// Contract: /work/shared/reference/supplier-contracts/cj-contract.json "envelope" and "error_codes";
// https://developers.cjdropshipping.com/en/api/start (Interface Definition > Return) and
// https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
import { randomUUID } from "node:crypto";

/** Message texts as CJ's code table and endpoint examples print them ("message is for reference only"). */
export const CJ_MESSAGES = {
  1600000: "System busy",
  1600001: "Invalid API key or access token",
  1600002: "access token cannot be empty",
  1600003: "Refresh token is failure", // refreshAccessToken example_error
  1600101: "Interface not found",
  1600200: "Too much request",
  1600201: "Quota has been used up",
  1600300: "Param error",
  1601000: "User not find", // getAccessToken example_error
  1602000: "Variant not found",
  1602001: "Product not found",
  1603002: "Order delete fail",
  1603003: "Order exist, please do not duplicate create",
  1603100: "Order not found, please check the CJ order id",
  1603101: "Order pay fail",
  1603102: "Inventory deduction fail",
  1604000: "Balance is insufficient",
  1605001: "Logistic invalid, please reference freight calculate.",
  1605002: "country code not found",
  16900202: "Request method not supported",
  16900204: "JSON parse error",
} as const;

export type CjCode = keyof typeof CJ_MESSAGES;

/** A refusal CJ answers with HTTP 200 and `{code, result:false, message, data:null}` (every published error example). */
export class CjApiError extends Error {
  constructor(readonly code: CjCode, detail?: string, readonly httpStatus = 200) {
    super(detail ?? CJ_MESSAGES[code]);
  }
}

/** "orderId must be not empty" is the published wording for a missing parameter (shopping 1.7 errors). */
export const missing = (field: string) => new CjApiError(1600300, `${field} must be not empty`);
export const invalid = (field: string, why: string) => new CjApiError(1600300, `${field} ${why}`);

const requestId = () => randomUUID();

export function success(data: unknown) {
  return { code: 200, result: true, message: "Success", data, requestId: requestId() };
}

export function failure(error: CjApiError) {
  return { code: error.code, result: false, message: error.message, data: null, requestId: requestId() };
}
