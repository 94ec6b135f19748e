// CJ's push messages, shaped and signed as published: cj-contract.json "webhooks" (payloads PRODUCT, STOCK, ORDER,
// LOGISTIC; signature = Base64(HMAC-SHA256(key = openId as a string, message = raw body)) in the `sign` header) —
// https://developers.cjdropshipping.cn/en/api/start/webhook.html and .../api2/api/webhook.html.
// Messages are derived from persisted order state on the clock, each with a stable messageId, and re-sent until the
// receiver answers 200 (CJ requires a 200 within 3 s), so a crash or a 500 never loses one.
import { createHash, createHmac } from "node:crypto";
import type { CjAccount } from "./cj-accounts";
import type { CjCatalog } from "./cj-catalog";
import { cjDateTime, orderStatus, SHIPS_AFTER, trackSteps, type CjOrderRecord } from "./cj-lifecycle";
import { stockRows } from "./cj-products";

export interface CjWebhookMessage { at: number; openId: number; topic: "product" | "stock" | "order" | "logistics"; messageId: string; body: string }

const id = (...parts: (string | number)[]) => createHash("sha1").update(parts.join("|")).digest("hex").slice(0, 32);

export function signCjWebhook(rawBody: string, openId: number | string): string {
  return createHmac("sha256", String(openId)).update(rawBody, "utf8").digest("base64");
}

/** CJ writes 18-digit ids as bare JSON numbers (ORDER cjOrderId, LOGISTIC orderId); JSON.stringify cannot, so splice them in. */
function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"#num:(\d+)"/g, "$1");
}
const bareNumber = (digits: string) => `#num:${digits}`;

function orderMessages(o: CjOrderRecord, now: number): CjWebhookMessage[] {
  const changes: [number, string][] = [[o.createdAt, o.payType === 3 ? "CREATED" : "UNPAID"]];
  if (o.paidAt !== null) {
    changes.push([o.paidAt, "UNSHIPPED"]);
    if (o.cancelledAt === null || o.cancelledAt >= o.paidAt + SHIPS_AFTER) changes.push([o.paidAt + SHIPS_AFTER, "SHIPPED"]);
    const end = o.paidAt + trackSteps(o).at(-1)!.offset;
    if (o.cancelledAt === null) changes.push([end, "DELIVERED"]);
  }
  if (o.cancelledAt !== null) changes.push([o.cancelledAt, "CANCELLED"]);
  const shipped = (at: number) => o.paidAt !== null && at >= o.paidAt + SHIPS_AFTER;
  const orders = changes.filter(([at]) => at <= now).map(([at, status]): CjWebhookMessage => {
    const messageId = id(o.orderId, "ORDER", status);
    const body = toJson({ messageId, type: "ORDER", messageType: at === o.createdAt ? "INSERT" : "UPDATE", params: {
      orderNumber: o.orderNumber, cjOrderId: bareNumber(o.orderId), orderStatus: status, logisticName: o.logisticName,
      trackNumber: shipped(at) ? o.trackNumber : null, createDate: cjDateTime(o.createdAt), updateDate: cjDateTime(at),
      payDate: o.paidAt === null ? null : cjDateTime(o.paidAt), deliveryDate: shipped(at) ? cjDateTime(o.paidAt! + SHIPS_AFTER) : null,
      completeDate: status === "DELIVERED" ? cjDateTime(at) : null,
      orderItems: o.products.map((p) => ({ vid: p.vid, quantity: p.quantity, sellPrice: p.sellPriceCents / 100, lineItemId: p.lineItemId,
        storeLineItemId: p.storeLineItemId, productionOrderStatus: 1, abnormalType: [] })),
    } });
    return { at, openId: o.openId, topic: "order", messageId, body };
  });
  // One LOGISTIC message per scan; logisticsTrackEvents is a JSON *string* of every event so far, as published.
  const steps = o.paidAt === null ? [] : trackSteps(o).filter((s) => o.paidAt! + s.offset <= now && (o.cancelledAt === null || o.cancelledAt > o.paidAt! + SHIPS_AFTER));
  const logistics = steps.map((s, i): CjWebhookMessage => {
    const messageId = id(o.orderId, "LOGISTIC", s.status);
    const events = steps.slice(0, i + 1).map((e) => ({ status: e.status, activity: e.activity, location: e.location,
      eventTime: cjDateTime(o.paidAt! + e.offset), statusDesc: e.statusDesc, thirdActivity: e.activity, thirdLocation: e.location,
      thirdEventTime: cjDateTime(o.paidAt! + e.offset) }));
    const body = toJson({ messageId, type: "LOGISTIC", messageType: "UPDATE", openId: o.openId, params: {
      orderId: bareNumber(o.orderId), logisticName: o.logisticName, trackingNumber: o.trackNumber, trackingStatus: s.status,
      logisticsTrackEvents: JSON.stringify(events),
    } });
    return { at: o.paidAt! + s.offset, openId: o.openId, topic: "logistics", messageId, body };
  });
  return [...orders, ...logistics];
}

export function createCjWebhookOutbox(catalog: CjCatalog, orders: Map<string, CjOrderRecord>, now: () => number) {
  const delivered = new Set<string>();
  const extra: CjWebhookMessage[] = []; // STOCK / PRODUCT messages raised by catalog changes
  let sequence = 0;

  function due(): CjWebhookMessage[] {
    const t = now();
    const all = [...[...orders.values()].flatMap((o) => orderMessages(o, t)), ...extra];
    return all.filter((m) => !delivered.has(`${m.openId}|${m.messageId}`)).sort((a, b) => a.at - b.at);
  }

  return {
    due,
    /** Raises a STOCK message for every account subscribed (after a stock change in the catalog). */
    stockChanged(vid: string, openIds: readonly number[]) {
      const v = catalog.variant(vid)?.variant;
      if (!v) return;
      const messageId = id("STOCK", vid, ++sequence, now());
      const body = toJson({ messageId, type: "STOCK", messageType: "UPDATE", params: { [vid]: stockRows(v).map((r) => ({
        vid: r.vid, areaId: r.areaId, areaEn: r.areaEn, countryCode: r.countryCode, storageNum: r.totalInventoryNum })) } });
      for (const openId of openIds) extra.push({ at: now(), openId, topic: "stock", messageId, body });
    },
    productChanged(pid: string, fields: Record<string, unknown>, openIds: readonly number[]) {
      const messageId = id("PRODUCT", pid, ++sequence, now());
      const params = { categoryId: null, categoryName: null, pid, productDescription: null, productImage: null, productName: null,
        productNameEn: null, productProperty1: null, productProperty2: null, productProperty3: null, productSellPrice: null,
        productSku: null, productStatus: null, ...fields, fields: Object.keys(fields) };
      const body = toJson({ messageId, type: "PRODUCT", messageType: "UPDATE", params });
      for (const openId of openIds) extra.push({ at: now(), openId, topic: "product", messageId, body });
    },
    /** POSTs every due message to the account's callback URL for its topic; 200 marks it delivered. */
    async deliver(accounts: Iterable<CjAccount>, doFetch: typeof fetch = fetch): Promise<{ sent: number; failed: number }> {
      const byOpenId = new Map([...accounts].map((a) => [a.openId, a]));
      let sent = 0, failed = 0;
      for (const m of due()) {
        const account = byOpenId.get(m.openId);
        const url = account?.callbacks[m.topic][0];
        if (!url) continue;
        try {
          const res = await doFetch(url, { method: "POST", headers: { "content-type": "application/json", sign: signCjWebhook(m.body, m.openId) },
            body: m.body, signal: AbortSignal.timeout(3_000) });
          await res.arrayBuffer().catch(() => undefined);
          if (res.status === 200) { delivered.add(`${m.openId}|${m.messageId}`); sent++; } else failed++;
        } catch {
          failed++;
        }
      }
      return { sent, failed };
    },
  };
}
