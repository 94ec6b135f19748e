import { supplierError, type SupplierError } from "../supplier-result";

// JD VOP's code table is not public; these codes come from public client code and are UNVERIFIED, so the
// Chinese message is classified as well and always wins over a generic fallback.
const CODE_KINDS: Record<string, SupplierError["kind"]> = {
  "1001": "auth", "1003": "auth", "1004": "auth", "1006": "auth",
  "0010": "unavailable", "5001": "unavailable",
};
export const TOKEN_EXPIRED_CODES = new Set(["1003", "1004"]);

const AUTH_MESSAGE = "JD rejected our login. Check the VOP username, password and client credentials in Settings.";
export const JD_ALREADY_SHIPPED = "JD has already shipped this order, so it can no longer be cancelled. Offer the customer a return instead.";
export const JD_DUPLICATE_ORDER = "JD already has an order with this reference.";

const MESSAGE_RULES: readonly [RegExp, SupplierError["kind"], string][] = [
  [/已出库|已发货|不能取消|不允许取消|无法取消/, "rejected", JD_ALREADY_SHIPPED],
  [/thirdOrder.*(重复|已存在)|(重复|已存在|已经存在).*(订单|thirdOrder)/, "rejected", JD_DUPLICATE_ORDER],
  [/token.*(过期|失效|不存在|无效)|access_token|授权|密码错误|用户名/i, "auth", AUTH_MESSAGE],
  [/库存不足|无货|缺货/, "out_of_stock", "JD has no stock for this item in the delivery area. Choose another item or try later."],
  [/价格.*(变|不一致|不符)|orderPriceSnap/, "price_changed", "JD's price changed since you priced this order. Review the new cost before placing it."],
  [/余额不足|额度不足/, "insufficient_balance", "Your JD account balance is too low to pay for this order. Top it up in JD, then retry."],
  [/不在商品池|不可售|下架/, "rejected", "This item is not sellable on your JD account (not in your product pool or delisted)."],
  [/地址|区域|area/i, "invalid_request", "JD could not deliver to this address. Check the JD area ids (province/city/county) on the connection."],
  [/不存在|未找到|查询不到/, "not_found", "JD has no record of this item or order."],
  [/系统繁忙|系统异常|超时|busy/i, "unavailable", "JD is busy right now. We will retry automatically."],
];

export function jdError(resultCode: string | number | undefined, resultMessage: string | undefined): SupplierError {
  const code = resultCode === undefined ? undefined : String(resultCode);
  const text = resultMessage ?? "";
  const rule = MESSAGE_RULES.find(([pattern]) => pattern.test(text));
  if (rule) return supplierError("jd", rule[1], rule[2], { supplierCode: code });
  const kind = code ? CODE_KINDS[code] : undefined;
  if (kind === "auth") return supplierError("jd", "auth", AUTH_MESSAGE, { supplierCode: code });
  if (kind) return supplierError("jd", kind, "JD is unavailable right now. We will retry automatically.", { supplierCode: code });
  return supplierError("jd", "rejected", `JD refused the request (code ${code ?? "?"}: ${text || "no message"}).`, { supplierCode: code });
}

export function jdHttpError(status: number): SupplierError {
  if (status === 429) return supplierError("jd", "rate_limited", "JD is limiting our requests. We will slow down and retry.", { supplierCode: "429" });
  if (status >= 500) return supplierError("jd", "unavailable", "JD is unavailable right now. We will retry automatically.", { supplierCode: String(status) });
  return supplierError("jd", "rejected", `JD answered with HTTP ${status}.`, { supplierCode: String(status) });
}

export const jdNetworkError = () => supplierError("jd", "unavailable", "Could not reach JD. We will retry automatically.");

