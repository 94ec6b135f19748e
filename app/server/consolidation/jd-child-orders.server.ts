// JD splits an order by shipping warehouse at confirmation (jd-contract.json → selectJdOrder, split parent with
// cOrder; adapter-review.md F8). Each child travels on its own to the consolidation warehouse: the order's page
// shows the split and the timeline gets one entry per child's step, recorded once however often we poll.
import db from "../../db.server";
import { recordEvent } from "../fulfillment/supplier-orders.server";
import type { JdAdapter } from "../suppliers/jd";
import type { SupplierOrderStatus } from "../suppliers/supplier-order-models";
import { storedText, storedTexts, textMessage } from "../fulfillment/order-text";

// The child steps the timeline records (order:event.jdChild.<status>); other statuses are not news to the merchant.
const STEPS: ReadonlySet<SupplierOrderStatus> = new Set(["accepted", "processing", "shipped", "delivered", "cancelled"]);

/**
 * Returns the split summary stored on the order (a catalog message, order-text.ts: "JD split this order into 2: …"),
 * or null when JD did not split it.
 */
export async function recordJdChildOrders(shop: string, idempotencyKey: string, adapter: JdAdapter): Promise<string | null> {
  const detail = await adapter.jd.orderDetail(idempotencyKey);
  if (!detail.ok || !detail.value || detail.value.children.length === 0) return null;
  const order = await db.supplierOrder.findFirst({ where: { shop, idempotencyKey }, select: { id: true, supplierStatus: true } });
  if (!order) return null;
  const { children } = detail.value;
  const summary = storedTexts(textMessage("order:jdSplit", { count: children.length }), ...children.map((c) => textMessage("order:jdSplitChild", { id: c.jdOrderId, childStatus: c.status })));
  if (order.supplierStatus === summary) return summary;
  const seen = new Set((await db.supplierOrderEvent.findMany({ where: { supplierOrderId: order.id, kind: "supplier", message: { contains: "order:event.jdChild." } }, select: { message: true } })).map((e) => e.message));
  for (const [i, child] of children.entries()) {
    const message = STEPS.has(child.status) && storedText(`order:event.jdChild.${child.status}`, { id: child.jdOrderId, n: i + 1, count: children.length });
    if (message && !seen.has(message)) await recordEvent(order.id, "supplier", message);
  }
  // Informational, outside the state machine: no version bump, so no worker's compare-and-set is disturbed.
  await db.supplierOrder.updateMany({ where: { id: order.id }, data: { supplierStatus: summary } });
  return summary;
}
