// createOrderV2 / getOrderDetail / deleteOrder / payBalance / getBalance / trackInfo as cj-contract.json publishes them
// (https://developers.cjdropshipping.com/en/api/api2/api/shopping.html 1.1, 1.7, 1.8, 2.1, 2.2;
//  https://developers.cjdropshipping.com/en/api/api2/api/logistic.html 2.2). Readings of ambiguous points are the ones in
// adapter-review.md and ADR 0300: a failed balance payment leaves the order UNPAID (F17); deleteOrder works until the
// order ships and keeps it visible as CANCELLED (F16).
import type { CjAccount } from "./cj-accounts";
import { usd, type CjCatalog } from "./cj-catalog";
import { CjApiError, invalid, missing } from "./cj-envelope";
import { freightOptions } from "./cj-freight";
import { cjDateTime, orderStatus, stepsSoFar, trackingStatusText, type CjOrderRecord } from "./cj-lifecycle";

const REQUIRED = ["orderNumber", "shippingCountryCode", "shippingCountry", "shippingProvince", "shippingCity",
  "shippingCustomerName", "shippingAddress", "logisticName", "fromCountryCode"] as const;
// string(n) limits from the createOrderV2 field table.
const MAX_LENGTH: Record<string, number> = { orderNumber: 50, shippingCountryCode: 20, shippingCountry: 50, shippingProvince: 50,
  shippingCity: 50, shippingCustomerName: 50, shippingAddress: 200, logisticName: 50, fromCountryCode: 20, shippingZip: 20, shippingPhone: 20, remark: 500 };
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const isCountry = (code: string) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code;
const isSensitive = (set: string[]) => set.some((p) => p !== "COMMON");

export function createCjOrderBook(catalog: CjCatalog, now: () => number) {
  const orders = new Map<string, CjOrderRecord>(); // CJ orderId → order
  const byNumber = new Map<string, CjOrderRecord>(); // "<openId>|<orderNumber>" → order
  let sequence = 0;

  function nextOrderId(): string {
    const d = new Date(now());
    const ymd = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
    return `${ymd}10${String(++sequence).padStart(10, "0")}`; // 18 digits like "210823100016290555"
  }

  function lines(products: unknown, from?: string) {
    if (!Array.isArray(products) || products.length === 0) throw missing("products");
    return products.map((raw, i) => {
      const p = (raw ?? {}) as { vid?: unknown; sku?: unknown; quantity?: unknown; storeLineItemId?: unknown };
      if (!Number.isInteger(p.quantity) || (p.quantity as number) < 1) throw missing(`products[${i}].quantity`);
      const found = typeof p.vid === "string" && p.vid ? catalog.variant(p.vid) : typeof p.sku === "string" && p.sku ? catalog.variantBySku(p.sku) : undefined;
      if (p.vid === undefined && p.sku === undefined) throw missing(`products[${i}].vid`);
      if (!found) throw new CjApiError(1602000);
      if (from !== undefined && (found.variant.stock[from] ?? 0) < (p.quantity as number)) throw new CjApiError(1603102);
      return { ...found, quantity: p.quantity as number, storeLineItemId: typeof p.storeLineItemId === "string" ? p.storeLineItemId : null };
    });
  }

  function pay(account: CjAccount, order: CjOrderRecord): void {
    const total = order.productCents + order.postageCents;
    if (account.balanceCents < total) throw new CjApiError(1604000);
    account.balanceCents -= total;
    order.paidAt = now();
  }

  function find(account: CjAccount, id: string): CjOrderRecord | undefined {
    const byId = orders.get(id);
    return byId?.openId === account.openId ? byId : byNumber.get(`${account.openId}|${id}`);
  }

  function detailWire(o: CjOrderRecord) {
    const status = orderStatus(o, now());
    return {
      orderId: o.orderId, orderNum: o.orderNumber, platformOrderId: null, cjOrderId: null,
      shippingCountryCode: o.shippingCountryCode, shippingProvince: o.shippingProvince, shippingCity: o.shippingCity,
      shippingPhone: o.shippingPhone, shippingAddress: o.shippingAddress, shippingCustomerName: o.shippingCustomerName, remark: null,
      orderWeight: o.products.reduce((g, p) => g + (catalog.variant(p.vid)?.variant.variantWeight ?? 0) * p.quantity, 0),
      orderStatus: status, orderAmount: usd(o.productCents + o.postageCents), productAmount: usd(o.productCents), postageAmount: usd(o.postageCents),
      logisticName: o.logisticName, trackNumber: status === "SHIPPED" || status === "DELIVERED" ? o.trackNumber : null,
      createDate: cjDateTime(o.createdAt), paymentDate: o.paidAt === null ? null : cjDateTime(o.paidAt), isComplete: 1,
      fromCountryCode: o.fromCountryCode, storageId: null, storageName: null,
      productList: o.products.map((p) => ({ vid: p.vid, quantity: p.quantity, sellPrice: usd(p.sellPriceCents), podPropertiesInfo: null,
        lineItemId: p.lineItemId, storeLineItemId: p.storeLineItemId, productionOrderStatus: 1, abnormalType: [] })),
    };
  }

  return {
    orders,
    detailWire,
    create(account: CjAccount, body: Record<string, unknown>) {
      for (const field of REQUIRED) if (typeof body[field] !== "string" || !(body[field] as string).trim()) throw missing(field);
      for (const [field, max] of Object.entries(MAX_LENGTH)) {
        if (typeof body[field] === "string" && (body[field] as string).length > max) throw invalid(field, `length must be at most ${max}`);
      }
      const b = body as Record<(typeof REQUIRED)[number], string> & Record<string, unknown>;
      if (!isCountry(b.shippingCountryCode) || !isCountry(b.fromCountryCode)) throw new CjApiError(1605002);
      if (byNumber.has(`${account.openId}|${b.orderNumber}`)) throw new CjApiError(1603003);
      const found = lines(body.products, b.fromCountryCode);
      const routes = freightOptions(b.fromCountryCode, b.shippingCountryCode,
        found.map((l) => ({ variant: l.variant, sensitive: isSensitive(l.product.productProEnSet), quantity: l.quantity })));
      const service = routes.find((r) => r.logisticName === b.logisticName);
      if (!service) throw new CjApiError(1605001);
      const payType = body.payType === undefined || body.payType === "" ? 1 : Number(body.payType);
      if (![1, 2, 3].includes(payType)) throw invalid("payType", "must be 1, 2 or 3");
      for (const l of found) l.variant.stock[b.fromCountryCode]! -= l.quantity;
      const orderId = nextOrderId();
      const order: CjOrderRecord = {
        orderId, orderNumber: b.orderNumber, openId: account.openId, createdAt: now(), payType, paidAt: null, cancelledAt: null,
        fromCountryCode: b.fromCountryCode, shippingCountryCode: b.shippingCountryCode, shippingProvince: b.shippingProvince,
        shippingCity: b.shippingCity, shippingCustomerName: b.shippingCustomerName, shippingAddress: b.shippingAddress,
        shippingPhone: typeof body.shippingPhone === "string" ? body.shippingPhone : "", logisticName: b.logisticName,
        products: found.map((l, i) => ({ vid: l.variant.vid, quantity: l.quantity, sellPriceCents: l.variant.variantSellPriceCents,
          lineItemId: `${orderId}${String(i + 1).padStart(2, "0")}`, storeLineItemId: l.storeLineItemId })),
        productCents: found.reduce((c, l) => c + l.variant.variantSellPriceCents * l.quantity, 0),
        postageCents: service.logisticPriceCents,
        trackNumber: `CJPKL${orderId.slice(-10)}${String.fromCharCode(65 + (sequence % 26))}Q`,
      };
      orders.set(orderId, order);
      byNumber.set(`${account.openId}|${order.orderNumber}`, order);
      // payType 2: "add-to-cart + confirm + deduct" from the balance in one call. On a short balance the order
      // stays UNPAID (F17 reading) and the call answers 1604000.
      if (payType === 2) pay(account, order);
      const status = orderStatus(order, now());
      return {
        orderNumber: order.orderNumber, orderId, shipmentOrderId: "", postageAmount: usd(order.postageCents), productAmount: usd(order.productCents),
        orderAmount: usd(order.productCents + order.postageCents), actualPayment: order.paidAt === null ? 0 : usd(order.productCents + order.postageCents),
        cjPayUrl: payType === 1 ? `https://cjdropshipping.com/pay/${orderId}` : "", orderStatus: status, logisticsMiss: false,
        productInfoList: order.products.map((p) => ({ storeLineItemId: p.storeLineItemId, lineItemId: p.lineItemId, variantId: p.vid,
          isGroup: false, quantity: p.quantity, subOrderProducts: [] })),
        interceptOrderReasons: [],
      };
    },
    detail(account: CjAccount, id: string | null) {
      if (!id) throw missing("orderId");
      const order = find(account, id);
      if (!order) throw new CjApiError(1600300, "order not found"); // getOrderDetail's documented not-found answer
      return detailWire(order);
    },
    remove(account: CjAccount, id: string | null) {
      if (!id) throw missing("orderId");
      const order = orders.get(id);
      if (!order || order.openId !== account.openId) throw new CjApiError(1603100);
      const status = orderStatus(order, now());
      if (status === "SHIPPED" || status === "DELIVERED" || status === "CANCELLED") throw new CjApiError(1603002);
      if (order.paidAt !== null) account.balanceCents += order.productCents + order.postageCents;
      for (const p of order.products) {
        const v = catalog.variant(p.vid)?.variant;
        if (v) v.stock[order.fromCountryCode] = (v.stock[order.fromCountryCode] ?? 0) + p.quantity;
      }
      order.cancelledAt = now();
      return order.orderId;
    },
    payBalance(account: CjAccount, id: unknown) {
      if (typeof id !== "string" || !id) throw missing("orderId");
      const order = orders.get(id);
      if (!order || order.openId !== account.openId) throw new CjApiError(1603100);
      if (order.paidAt !== null || order.cancelledAt !== null) throw new CjApiError(1603101);
      pay(account, order);
      return null;
    },
    trackInfo(account: CjAccount, numbers: string[]) {
      if (numbers.length === 0) throw missing("trackNumber");
      const t = now();
      return numbers.flatMap((n) => {
        const o = [...orders.values()].find((x) => x.openId === account.openId && x.trackNumber === n);
        const status = o ? orderStatus(o, t) : null;
        if (!o || (status !== "SHIPPED" && status !== "DELIVERED")) return [];
        const last = stepsSoFar(o, t).at(-1);
        return [{ trackingNumber: n, logisticName: o.logisticName, trackingFrom: o.fromCountryCode, trackingTo: o.shippingCountryCode,
          deliveryDay: String(Math.max(0, Math.round((t - o.paidAt!) / 86_400_000))), deliveryTime: last ? cjDateTime(o.paidAt! + last.offset) : null,
          trackingStatus: trackingStatusText(o, t), lastMileCarrier: o.logisticName, lastTrackNumber: n }];
      });
    },
  };
}

export type CjOrderBook = ReturnType<typeof createCjOrderBook>;
