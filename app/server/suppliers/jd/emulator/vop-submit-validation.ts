// submitOrder's parameter rules (jd-contract.json → endpoints submitOrder.required_request_fields, enums
// invoiceType/selectedInvoiceTitle/paymentType/submitState; review F4 and F19).
import type { VopCatalog } from "./vop-catalog";
import { paramEmpty, paramFormat, paramValue, requireField, requireInt, VopError } from "./vop-envelope";
import type { VopOrderLine } from "./vop-order-lifecycle";

const REQUIRED = [
  "thirdOrder", "sku", "name", "province", "city", "county", "town", "address", "mobile", "email",
  "invoiceState", "invoiceType", "selectedInvoiceTitle", "invoiceContent", "paymentType", "isUseBalance", "submitState",
  "invoicePhone", // "always sent by Go/C#/2023 SDKs"
] as const;

export function validateSubmitFields(params: URLSearchParams) {
  for (const f of REQUIRED) requireField(params, f);
  const thirdOrder = params.get("thirdOrder")!;
  if (thirdOrder.length > 100) throw paramValue("thirdOrder", "不能超过100个字符");
  if (params.get("name")!.length > 20) throw paramValue("name", "不能超过20个字符");
  if (params.get("address")!.length > 100) throw paramValue("address", "不能超过100个字符");
  if (params.get("mobile")!.length > 20) throw paramValue("mobile", "不能超过20个字符");
  const invoiceType = requireInt(params, "invoiceType");
  // older doc 1/2/3, newer doc 2/3; 4 is not a value (review F4)
  if (![1, 2, 3].includes(invoiceType)) throw paramValue("invoiceType", "只能为1、2或3");
  const title = requireInt(params, "selectedInvoiceTitle");
  if (title !== 4 && title !== 5) throw paramValue("selectedInvoiceTitle", "只能为4(个人)或5(单位)");
  if (title === 5 && !params.get("companyName")) throw paramEmpty("companyName"); // "required when selectedInvoiceTitle=5"
  if (invoiceType === 2) { // VAT special invoice: regCompanyName/regCode "该字段必填" (2023 starter), Go SDK for type 2
    requireField(params, "regCompanyName");
    requireField(params, "regCode");
    if (params.get("companyName") && params.get("companyName") !== params.get("regCompanyName")) throw paramValue("companyName", "必须与regCompanyName一致");
  }
  const paymentType = requireInt(params, "paymentType");
  if (![1, 4, 5, 20, 101, 102].includes(paymentType)) throw paramValue("paymentType");
  if (paymentType === 4 && params.get("isUseBalance") !== "1") throw paramValue("isUseBalance", "预存款支付时必须为1");
  const submitState = requireInt(params, "submitState");
  if (submitState !== 0 && submitState !== 1) throw paramValue("submitState", "只能为0或1");
  const doOrderPriceMode = params.get("doOrderPriceMode") ? requireInt(params, "doOrderPriceMode") : 0;
  return {
    thirdOrder, submitState, doOrderPriceMode,
    province: requireInt(params, "province"), city: requireInt(params, "city"),
    county: requireInt(params, "county"), town: requireInt(params, "town"),
  };
}

/**
 * sku = JSON [{"skuId":<long>,"num":<int>,...}]: skuId must be a JSON number as every client sends it
 * (review F19 — JD tolerating strings is unverified, so the emulator does not).
 */
export function submitOrderLines(params: URLSearchParams, catalog: VopCatalog, provinceId: number): VopOrderLine[] {
  let parsed: unknown;
  try { parsed = JSON.parse(params.get("sku")!); } catch { throw paramFormat("sku", "应为JSON数组"); }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 100) throw paramFormat("sku", "应为1到100条的JSON数组");
  return parsed.map((entry: { skuId?: unknown; num?: unknown }) => {
    if (typeof entry.skuId !== "number" || !Number.isInteger(entry.skuId)) throw paramFormat("sku.skuId", "应为数字");
    if (typeof entry.num !== "number" || !Number.isInteger(entry.num) || entry.num < 1) throw paramFormat("sku.num", "应为正整数");
    const sku = catalog.sku(entry.skuId);
    if (!sku) throw new VopError("3005", `商品没查询到: ${entry.skuId}`);
    if (sku.state === 0) throw new VopError("3005", `商品${entry.skuId}已下架`);
    if (sku.priceFen < 0) throw new VopError("3406", `价格不存在: ${entry.skuId}`);
    const stock = catalog.stockIn(sku, provinceId);
    if (stock < entry.num) throw new VopError("3008", `库存不足: ${entry.skuId}`);
    const category = Number(sku.template.category.split(";").at(-1));
    return { skuId: sku.sku, num: entry.num, priceFen: sku.priceFen, name: sku.template.name, category, shipper: sku.shipper };
  });
}
