// Orders keyed by thirdOrder (jd-contract.json → endpoints submitOrder, confirmOrder, cancel, selectJdOrder,
// selectJdOrderIdByThirdOrder, orderTrack). Codes: jd-contract.json → error_codes and each endpoint's errors.
import { CITIES, COUNTIES, isKnownChain } from "./vop-area-tree";
import type { VopCatalog } from "./vop-catalog";
import { paramFormat, paramValue, requireField, requireInt, VopError, yuan, beijingTime } from "./vop-envelope";
import type { VopMessageQueue } from "./vop-messages";
import { JD_ORDER_STATE, leafPhase, phaseAt, trackLines, waybillNumber, type VopOrderLine, type VopOrderRecord } from "./vop-order-lifecycle";
import { submitOrderLines, validateSubmitFields } from "./vop-submit-validation";

const TAX_RATE = 0.13; // the contract examples carry tax 13/16/17 per SKU; one rate keeps the emulator simple

export function createVopOrderBook(deps: { catalog: VopCatalog; messages: VopMessageQueue; now: () => number; balanceFen: number }) {
  const { catalog, messages, now } = deps;
  const byId = new Map<number, VopOrderRecord>();
  const byThird = new Map<string, VopOrderRecord>();
  let nextId = 81_000_000_001;
  let balanceFen = deps.balanceFen;

  const order = (raw: string | null, notFound = "3102"): VopOrderRecord => {
    const o = raw && /^\d+$/.test(raw) ? byId.get(Number(raw)) : undefined;
    if (!o) throw new VopError(notFound, notFound === "3102" ? "jdOrderId不存在" : "订单不存在");
    return o;
  };
  const totalFen = (lines: VopOrderLine[]) => lines.reduce((s, l) => s + l.priceFen * l.num, 0);

  function create(thirdOrder: string, lines: VopOrderLine[], parentId: number, childIndex: number, cityName: string, at: number): VopOrderRecord {
    const o: VopOrderRecord = { jdOrderId: nextId++, thirdOrder, parentId, lines, freightFen: 0, cityName, submittedAt: at, confirmedAt: null, cancelledAt: null, children: [], childIndex, announced: new Set() };
    byId.set(o.jdOrderId, o);
    return o;
  }

  /** Confirmation is when JD produces the order: pays from the balance and splits it by shipping warehouse. */
  function produce(o: VopOrderRecord, at: number): void {
    o.confirmedAt = at;
    balanceFen -= totalFen(o.lines) + o.freightFen;
    const shippers = [...new Set(o.lines.map((l) => l.shipper))];
    if (shippers.length < 2) return;
    o.children = shippers.map((shipper, i) => {
      const child = create(o.thirdOrder, o.lines.filter((l) => l.shipper === shipper), o.jdOrderId, i, o.cityName, at);
      child.confirmedAt = at;
      return child.jdOrderId;
    });
    messages.push(1, { pOrder: o.jdOrderId }, at); // 1 拆单 {pOrder}
  }

  function submit(params: URLSearchParams) {
    const fields = validateSubmitFields(params);
    if (byThird.has(fields.thirdOrder)) throw new VopError("0008", "重复提交"); // idempotency: "a repeat submit yields 0008"
    const area = [fields.province, fields.city, fields.county, fields.town];
    if (!isKnownChain(area, { lowerLevelsMayBeZero: false })) {
      // The code for an unknown/incomplete chain is not published; 3405 没查询到对应地址 is the closest published one.
      throw new VopError("3405", "没查询到对应地址");
    }
    const lines = submitOrderLines(params, catalog, fields.province);
    if (fields.doOrderPriceMode === 1) checkPriceSnap(params, lines);
    const goods = totalFen(lines);
    const freightFen = goods >= 9900 ? 0 : 600; // example_response: freight 6 on a 14.75 order
    if (goods + freightFen > balanceFen) throw new VopError("3017", "余额不足");
    const cityName = Object.entries(CITIES[fields.province] ?? {}).find(([, id]) => id === fields.city)?.[0] ?? "";
    const at = now();
    const o = create(fields.thirdOrder, lines, 0, 0, cityName || countyName(fields.city, fields.county), at);
    o.freightFen = freightFen;
    byThird.set(fields.thirdOrder, o);
    if (fields.submitState === 1) produce(o, at);
    return {
      jdOrderId: o.jdOrderId, freight: yuan(freightFen), orderPrice: yuan(goods + freightFen),
      orderNakedPrice: yuan(naked(goods)), orderTaxPrice: yuan(goods - naked(goods)), sku: lines.map(skuWire),
    };
  }

  function checkPriceSnap(params: URLSearchParams, lines: VopOrderLine[]): void {
    let snap: unknown;
    try { snap = JSON.parse(requireField(params, "orderPriceSnap")); } catch { throw paramFormat("orderPriceSnap", "应为JSON数组"); }
    if (!Array.isArray(snap)) throw paramFormat("orderPriceSnap", "应为JSON数组");
    for (const line of lines) {
      const entry = snap.find((s: { skuId?: unknown }) => s.skuId === line.skuId) as { price?: unknown } | undefined;
      if (!entry || typeof entry.price !== "number") throw paramFormat("orderPriceSnap", `缺少skuId ${line.skuId}的数字价格`);
      // doOrderPriceMode 1 = "fail if JD price differs"; the refusal code is not published (ADR 0300).
      if (Math.round(entry.price * 100) !== line.priceFen) throw paramValue("orderPriceSnap", `商品${line.skuId}价格与orderPriceSnap不一致，当前价格${yuan(line.priceFen)}`);
    }
  }

  function confirm(params: URLSearchParams): boolean {
    const o = order(requireField(params, "jdOrderId"));
    if (o.parentId !== 0) throw new VopError("3104", "不能单独确认子订单");
    if (o.cancelledAt !== null) throw new VopError("3105", "订单对应子单已取消，不能确认");
    if (o.confirmedAt !== null) throw new VopError("3103", "该订单已确认下单");
    produce(o, now());
    return true;
  }

  // "该接口仅能取消未确认的预占库存父订单单号。不能取消已经确认的订单单号。" A confirmed order answers 3204
  // '该订单已经生产，不能取消订单！' (verbatim); cancelReason is 【必传】 only in the 2023 starter, so it is validated
  // when present and not demanded (the older clients never send it).
  function cancel(params: URLSearchParams): boolean {
    const o = order(requireField(params, "jdOrderId"));
    const reason = params.get("cancelReason");
    if (reason !== null && (reason.trim() === "" || reason.length > 200)) throw paramValue("cancelReason", "为001~006或不超过200字");
    if (o.parentId !== 0) throw new VopError("3209", "不能取消子订单");
    if (o.cancelledAt !== null) throw new VopError("3203", "该订单已经被取消");
    if (o.confirmedAt !== null) throw new VopError("3204", "该订单已经生产，不能取消订单！");
    o.cancelledAt = now();
    messages.push(10, { orderId: o.jdOrderId }); // 10 订单取消
    return true;
  }

  function select(params: URLSearchParams) {
    const o = order(requireField(params, "jdOrderId"), "3401");
    const exts = new Set((params.get("queryExts") ?? "").split(",").map((s) => s.trim()).filter(Boolean));
    if (o.children.length === 0) return leafWire(o, exts);
    // split_parent: pOrder is an OBJECT, children in cOrder, and NO top-level jdOrderId (example_response_parent_verbatim)
    const goods = totalFen(o.lines);
    return {
      pOrder: { jdOrderId: o.jdOrderId, freight: yuan(o.freightFen), orderPrice: yuan(goods + o.freightFen), orderNakedPrice: yuan(naked(goods)), sku: o.lines.map(skuWire), orderTaxPrice: yuan(goods - naked(goods)) },
      orderState: o.cancelledAt === null ? 1 : 0,
      cOrder: o.children.map((id) => leafWire(byId.get(id)!, exts)),
      submitState: o.confirmedAt === null ? 0 : 1,
      type: 1,
    };
  }

  function leafWire(o: VopOrderRecord, exts: Set<string>) {
    const phase = leafPhase(o, now());
    const goods = totalFen(o.lines);
    const wire: Record<string, unknown> = {
      pOrder: o.parentId, orderState: phase === "cancelled" ? 0 : 1, jdOrderId: o.jdOrderId,
      state: phase === "delivered" ? 1 : 0, submitState: o.confirmedAt === null ? 0 : 1, type: 2, sku: o.lines.map(skuWire),
      freight: yuan(o.freightFen), orderPrice: yuan(goods + o.freightFen), orderNakedPrice: yuan(naked(goods)), orderTaxPrice: yuan(goods - naked(goods)),
    };
    // "jdOrderState is ONLY returned when requested" (queryExts=jdOrderState), as are the other extensions.
    if (exts.has("jdOrderState") && phase !== "cancelled") wire.jdOrderState = JD_ORDER_STATE[phase];
    if (exts.has("orderType")) wire.orderType = 1;
    if (exts.has("createOrderTime")) wire.createOrderTime = beijingTime(o.submittedAt);
    if (exts.has("finishTime") && phase === "delivered") wire.finishTime = beijingTime(phaseAt(o, "delivered")!);
    if (exts.has("paymentType")) wire.paymentType = 4;
    return wire;
  }

  function lookup(params: URLSearchParams): string {
    const o = byThird.get(requireField(params, "thirdOrder"));
    // "success=false (OYMLCN test asserts Success==false for an unknown thirdOrder); code/message not published"
    if (!o) throw new VopError("3401", "订单不存在");
    return String(o.jdOrderId);
  }

  function track(params: URLSearchParams) {
    const o = order(requireField(params, "jdOrderId"), "3401");
    // A split parent ships nothing itself; what JD answers for it is not published (we say 3402 订单配送信息不存在).
    if (o.children.length > 0) throw new VopError("3402", "订单配送信息不存在");
    const at = now();
    const withWaybills = requireIntOr(params, "waybillCode", 0) === 1;
    const shipped = ["shipped", "delivered"].includes(leafPhase(o, at));
    return {
      jdOrderId: o.jdOrderId,
      orderTrack: trackLines(o, at).map((l) => ({ content: l.content, msgTime: beijingTime(l.at), operator: l.operator })),
      ...(withWaybills ? { waybillCode: shipped ? [{ orderId: String(o.jdOrderId), parentId: String(o.parentId), carrier: "京东快递", deliveryOrderId: waybillNumber(o.jdOrderId) }] : [] } : {}),
    };
  }

  /** Queues the milestone messages the clock has passed (types 5, 12, 15, 31), each once. */
  function settle(): void {
    const at = now();
    for (const o of byId.values()) {
      if (o.parentId === 0 && o.confirmedAt === null && o.cancelledAt === null && at - o.submittedAt >= 7 * 86_400_000) {
        o.cancelledAt = o.submittedAt + 7 * 86_400_000;
        messages.push(15, { orderId: o.jdOrderId, cancelType: 2 }, o.cancelledAt);
      }
      if (o.children.length > 0) continue;
      const shippedAt = phaseAt(o, "shipped");
      const deliveredAt = phaseAt(o, "delivered");
      if (shippedAt !== null && shippedAt <= at && !o.announced.has("12")) { o.announced.add("12"); messages.push(12, { orderId: o.jdOrderId }, shippedAt); }
      if (deliveredAt !== null && deliveredAt <= at && !o.announced.has("5")) {
        o.announced.add("5");
        messages.push(5, { orderId: o.jdOrderId, state: 1 }, deliveredAt);
        messages.push(31, { orderId: o.jdOrderId, jdOrderState: 19, completeTime: beijingTime(deliveredAt) }, deliveredAt);
      }
    }
  }

  return {
    submit, confirm, cancel, select, lookup, track, settle,
    byThirdOrder: (key: string) => byThird.get(key),
    byId: (id: number) => byId.get(id),
    get balanceFen() { return balanceFen; },
    get size() { return byThird.size; },
  };
}

const naked = (fen: number) => Math.round(fen / (1 + TAX_RATE));

function skuWire(l: VopOrderLine) {
  const nakedFen = Math.round(l.priceFen / (1 + TAX_RATE));
  return { skuId: l.skuId, num: l.num, category: l.category, price: yuan(l.priceFen), name: l.name, tax: 13, taxPrice: yuan(l.priceFen - nakedFen), nakedPrice: yuan(nakedFen), type: 0, oid: 0 };
}

function countyName(city: number, county: number): string {
  return Object.entries(COUNTIES[city] ?? {}).find(([, id]) => id === county)?.[0] ?? "";
}

function requireIntOr(params: URLSearchParams, name: string, fallback: number): number {
  return params.get(name) === null || params.get(name) === "" ? fallback : requireInt(params, name);
}
