import { supplierError, type SupplierError } from "../supplier-result";

// JD VOP result codes on the legacy bizapi gateway, classified from the published table (review F5/F11;
// jd-contract.json → error_codes, from JDErrorCode.cs and the 2023 starter). Codes decide; the Chinese message
// only refines the few cases JD publishes no code for (a price-snapshot refusal). On bizapi 1001–1005 are
// PARAMETER errors; their token meanings (1003/1004) belong to the JOS router only.

/** 2007 token已过期: get a new token (refresh first) and call once more. */
export const TOKEN_EXPIRED_CODE = "2007";
/** 2011 refresh_token过期 / 2012 refresh_token不存在: the refresh failed, log in again. */
export const REFRESH_FAILED_CODES = new Set(["2011", "2012"]);
/** 0008 重复提交: JD already has an order with this thirdOrder. */
export const DUPLICATE_SUBMIT_CODE = "0008";
/** 3103 该订单已确认下单: confirming twice is a success for us. */
export const ALREADY_CONFIRMED_CODE = "3103";
/** 3203 该订单已经被取消. */
export const ALREADY_CANCELLED_CODE = "3203";
/** 3204 "该订单已经生产，不能取消订单！" and its siblings: JD has produced it; only after-sales can undo it. */
export const PRODUCED_CODES = new Set(["3204", "3206", "3208"]);
/** 3401 订单不存在 / 3102 jdOrderId不存在 / 3402 订单配送信息不存在. */
export const ORDER_NOT_FOUND_CODES = new Set(["3401", "3102"]);
export const NO_DELIVERY_INFO_CODE = "3402";
/** getTown: a county without a 4th level answers 3405 — "use town 0", not a failure. */
export const NO_TOWN_LEVEL_CODE = "3405";

const UNAVAILABLE = "JD is unavailable right now. We will retry automatically.";
const AUTH = "JD rejected our login. Check the VOP client id, client secret, username and password in Settings.";
export const JD_PRODUCED_USE_AFTER_SALE =
  "JD has already produced this order, so it can no longer be cancelled through the order API. Open an after-sale request (JD 售后, api/afterSaleNew) in your JD account, or offer the customer a return.";

type Rule = [SupplierError["kind"], string, { retryable?: boolean; retryAfterMs?: number }?];

const CODES: Record<string, Rule> = {
  "0010": ["not_found", "JD returned no data for this request."],
  "1001": ["invalid_request", "JD says a required field is missing (参数为空). This is a Silkroute bug; please contact support."],
  "1002": ["invalid_request", "JD says a field has the wrong format (参数格式不正确). This is a Silkroute bug; please contact support."],
  "1003": ["invalid_request", "JD says a field has a value it does not accept (参数值不正确)."],
  "1004": ["invalid_request", "JD says a field was repeated (参数重复)."],
  "1005": ["invalid_request", "JD could not read the request (入参转化错误)."],
  "2001": ["auth", "Your JD account lacks permission for this call (用户权限不足). Ask your JD account manager."],
  "2002": ["auth", "Your JD contract does not cover this call (合同权限不足). Ask your JD account manager."],
  "2003": ["auth", "Your JD company account lacks permission (企业权限不足). Ask your JD account manager."],
  "2004": ["rejected", "This item is not in your JD product pool (商品池权限不足)."],
  "2006": ["rejected", "Your JD account has no valid VAT invoice qualification (无有效增票资质). Use electronic invoices or ask JD to approve one."],
  "2007": ["auth", AUTH],
  "2011": ["auth", AUTH],
  "2012": ["auth", AUTH],
  "3002": ["rate_limited", "JD says orders are being submitted too fast (提交订单过快). We will slow down and retry.", { retryable: true, retryAfterMs: 5_000 }],
  "3005": ["not_found", "JD cannot find this item (商品没查询到); it may have been removed or taken off the shelf."],
  "3007": ["invalid_request", "JD cannot deliver cash on delivery to this address."],
  "3008": ["out_of_stock", "JD has no stock for this item in the consolidation warehouse's area (库存不足). Choose another item or try later."],
  "3009": ["rejected", "JD does not sell this item in the consolidation warehouse's area (区域限制). Pick another consolidation warehouse or item."],
  "3016": ["insufficient_balance", "Your JD quota is used up or locked (配额不足或者已被锁定). Ask your JD account manager."],
  "3017": ["insufficient_balance", "Your JD account balance is too low to pay for this order (余额不足). Top it up in JD, then retry."],
  "3021": ["rate_limited", "JD is limiting our calls after repeated failures. We will retry later.", { retryable: true, retryAfterMs: 60_000 }],
  "3041": ["rate_limited", "JD's concurrency limit was reached. We will retry shortly.", { retryable: true, retryAfterMs: 2_000 }],
  "3101": ["rejected", "JD could not confirm the order (确认下单最终失败)."],
  "3102": ["not_found", "JD has no order with this id (jdOrderId不存在)."],
  "3103": ["rejected", "JD has already confirmed this order."],
  "3104": ["invalid_request", "JD cannot confirm a child order on its own (不能单独确认子订单)."],
  "3105": ["rejected", "JD cannot confirm this order because a child order was cancelled."],
  "3201": ["unavailable", "JD could not cancel the order right now (取消订单失败). We will retry.", { retryable: true }],
  "3203": ["rejected", "JD had already cancelled this order."],
  "3204": ["rejected", JD_PRODUCED_USE_AFTER_SALE],
  "3205": ["rejected", "JD cannot cancel an unconfirmed order this way."],
  "3206": ["rejected", JD_PRODUCED_USE_AFTER_SALE],
  "3207": ["rejected", "JD cannot cancel a parent order of a split order this way."],
  "3208": ["rejected", JD_PRODUCED_USE_AFTER_SALE],
  "3209": ["rejected", "JD cannot cancel a child order on its own."],
  "3401": ["not_found", "JD has no record of this order (订单不存在)."],
  "3402": ["not_found", "JD has no delivery information for this order yet."],
  "3403": ["insufficient_balance", "Your JD account balance is too low to pay for this order (支付时余额不足). Top it up in JD, then retry."],
  "3404": ["rejected", "JD says this order cannot be paid (订单不能发起支付)."],
  "3405": ["invalid_request", "JD does not know this address (没查询到对应地址). Re-pick the consolidation warehouse's province, city, county and town."],
  "3406": ["rejected", "JD has no price for this item on your account (价格不存在), so it is not available to buy."],
  "3554": ["invalid_request", "JD says these area ids are not a JD address (地址非法). Re-pick the consolidation warehouse's area."],
  "5001": ["unavailable", UNAVAILABLE],
  "5002": ["unavailable", UNAVAILABLE],
};

// Refusals JD publishes no code for: the price-snapshot check (doOrderPriceMode=1) is recognised by its wording.
const PRICE_CHANGED = /orderPriceSnap|价格.*(变|不一致|不符)/;

export function jdError(resultCode: string | number | null | undefined, resultMessage: string | undefined): SupplierError {
  const code = resultCode === undefined || resultCode === null ? undefined : String(resultCode);
  const text = resultMessage ?? "";
  if (PRICE_CHANGED.test(text)) {
    return supplierError("jd", "price_changed", "JD's price changed since you priced this order. Review the new cost before placing it.", { supplierCode: code });
  }
  const rule = code ? CODES[code] : undefined;
  if (rule) return supplierError("jd", rule[0], rule[1], { supplierCode: code, ...rule[2] });
  return supplierError("jd", "rejected", `JD refused the request (code ${code ?? "?"}: ${text || "no message"}).`, { supplierCode: code });
}

/** Any refusal of the token request itself means the credentials (or their signing) are wrong. */
export function jdLoginError(resultCode: string | number | null | undefined, resultMessage: string | undefined): SupplierError {
  const base = jdError(resultCode, resultMessage);
  if (base.kind === "unavailable" || base.kind === "rate_limited") return base;
  return supplierError("jd", "auth", `${AUTH} (JD: ${resultMessage || "no message"})`, { supplierCode: base.supplierCode, retryable: false });
}

export function jdHttpError(status: number): SupplierError {
  if (status === 429) return supplierError("jd", "rate_limited", "JD is limiting our requests. We will slow down and retry.", { supplierCode: "429" });
  if (status >= 500) return supplierError("jd", "unavailable", UNAVAILABLE, { supplierCode: String(status) });
  return supplierError("jd", "rejected", `JD answered with HTTP ${status}.`, { supplierCode: String(status) });
}

export const jdNetworkError = () => supplierError("jd", "unavailable", "Could not reach JD. We will retry automatically.");
