// JD splits an order by shipping warehouse at confirmation (jd-contract.json → selectJdOrder, split parent with
// cOrder; adapter-review.md F8). Each child travels on its own to the consolidation warehouse: the order's page
// shows the split and the timeline gets one entry per child's step, recorded once however often we poll.
import db from "../../db.server";
import { recordEvent } from "../fulfillment/supplier-orders.server";
import type { JdAdapter } from "../suppliers/jd";
import type { SupplierOrderStatus } from "../suppliers/supplier-order-models";

const STEP: Partial<Record<SupplierOrderStatus, string>> = {
  accepted: "confirmed at JD",
  processing: "being picked and packed at JD",
  shipped: "shipped by JD to the consolidation warehouse",
  delivered: "delivered to the consolidation warehouse",
  cancelled: "cancelled at JD",
};

/** Returns the split summary stored on the order ("JD split this order into 2: …"), or null when JD did not split it. */
export async function recordJdChildOrders(shop: string, idempotencyKey: string, adapter: JdAdapter): Promise<string | null> {
  const detail = await adapter.jd.orderDetail(idempotencyKey);
  if (!detail.ok || !detail.value || detail.value.children.length === 0) return null;
  const order = await db.supplierOrder.findFirst({ where: { shop, idempotencyKey }, select: { id: true, supplierStatus: true } });
  if (!order) return null;
  const { children } = detail.value;
  const summary = `JD split this order into ${children.length}: ${children.map((c) => `${c.jdOrderId} ${c.status}`).join(", ")}`;
  if (order.supplierStatus === summary) return summary;
  const seen = new Set((await db.supplierOrderEvent.findMany({ where: { supplierOrderId: order.id, kind: "supplier", message: { startsWith: "JD child order " } }, select: { message: true } })).map((e) => e.message));
  for (const [i, child] of children.entries()) {
    const step = STEP[child.status];
    const message = step && `JD child order ${child.jdOrderId} (${i + 1} of ${children.length}): ${step}.`;
    if (message && !seen.has(message)) await recordEvent(order.id, "supplier", message);
  }
  // Informational, outside the state machine: no version bump, so no worker's compare-and-set is disturbed.
  await db.supplierOrder.updateMany({ where: { id: order.id }, data: { supplierStatus: summary } });
  return summary;
}
