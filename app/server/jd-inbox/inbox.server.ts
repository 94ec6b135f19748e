// JD's message queue, pulled on a schedule (review F18): each message is STORED before JD is told to delete
// it, so a crash between the two re-reads it next time (stored once by its id) and nothing is lost; effects
// are keyed by the message id, so a message applied again after a crash changes nothing twice.
import type { JdMessageInbox, Prisma } from "@prisma/client";
import db from "../../db.server";
import { isUniqueViolation } from "../jobs/dedupe";
import { jobQueue } from "../jobs/queue.server";
import { enqueueTrackingSync } from "../fulfillment/queues.server";
import { recordEvent } from "../fulfillment/supplier-orders.server";
import { inChunks } from "../sourcing/chunked";
import { applySupplierChange, type SupplierChange } from "../sourcing/sync/supplier-events.server";
import type { JdAdapter } from "../suppliers/jd/index";
import { PRODUCT_MESSAGE_TYPES } from "../suppliers/jd/messages";
import { storedText } from "../fulfillment/order-text";

export interface PollSummary { received: number; stored: number; acked: number; applied: number; failed: number }

const MAX_ROUNDS = 10; // bounded per run: 10 × JD's page of messages

/** Pulls, stores, acknowledges, then applies whatever is pending (also rows a crashed run stored earlier). */
export async function pollJdMessages(shop: string, jd: JdAdapter): Promise<PollSummary> {
  const summary: PollSummary = { received: 0, stored: 0, acked: 0, applied: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const got = await jd.jd.messages.get();
    if (!got.ok) { summary.failed++; break; }
    if (got.value.length === 0) break;
    summary.received += got.value.length;
    for (const m of got.value) {
      if (await store(shop, m.id, m.type, m.result)) summary.stored++;
      // Acknowledge only what is stored: JD deletes it for good.
      const del = await jd.jd.messages.del(m.id);
      if (!del.ok) { summary.failed++; continue; }
      await db.jdMessageInbox.updateMany({ where: { shop, messageId: m.id, ackedAt: null }, data: { ackedAt: new Date() } });
      summary.acked++;
    }
  }
  summary.applied = await applyPending(shop, jd);
  // Bounded: applied messages are kept 30 days for support, then dropped (JD never resends a deleted one).
  await db.jdMessageInbox.deleteMany({ where: { shop, appliedAt: { lt: new Date(Date.now() - 30 * 86_400_000) } } });
  return summary;
}

async function store(shop: string, messageId: string, type: number, payload: Record<string, unknown>): Promise<boolean> {
  try {
    await db.jdMessageInbox.create({ data: { shop, messageId, type, payload: payload as Prisma.InputJsonValue } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // stored before a crash, not yet acknowledged
    throw error;
  }
}

export async function applyPending(shop: string, jd: JdAdapter): Promise<number> {
  const pending = await db.jdMessageInbox.findMany({ where: { shop, appliedAt: null }, orderBy: { receivedAt: "asc" }, take: 500 });
  const product = pending.filter((m) => PRODUCT_MESSAGE_TYPES.has(m.type));
  // Price and shelf messages name their SKU (skuId) but carry no values: each becomes a supplier event for that
  // SKU (ADR 0810), so the event sync re-reads just those SKUs at JD. Keyed by JD's message id: applied again
  // after a crash, it is recognised and ignored. SKUs we do not sell are not stored.
  if (product.length > 0) {
    const mapped = await mappedSkus(shop, product);
    const events: SupplierChange[] = product.flatMap((m) => {
      const sku = skuOf(m);
      return mapped.has(sku) ? [{ eventKey: `jd-message:${m.messageId}`, supplierSku: sku, occurredAt: m.receivedAt, kind: "changed" as const }] : [];
    });
    await applySupplierChange(shop, "jd", events, jobQueue());
  }
  let applied = 0;
  for (const m of pending) {
    try {
      if (!PRODUCT_MESSAGE_TYPES.has(m.type)) await applyOrderMessage(shop, m, jd);
      await db.jdMessageInbox.update({ where: { id: m.id }, data: { appliedAt: new Date(), error: null } });
      applied++;
    } catch (error) {
      await db.jdMessageInbox.update({ where: { id: m.id }, data: { error: String(error).slice(0, 500) } });
    }
  }
  return applied;
}

const skuOf = (m: JdMessageInbox) => String((m.payload as { skuId?: unknown }).skuId ?? "");

async function mappedSkus(shop: string, messages: JdMessageInbox[]): Promise<Set<string>> {
  const skus = [...new Set(messages.map(skuOf).filter(Boolean))];
  const rows = await inChunks(skus, (slice) => db.variantMapping.findMany({ where: { shop, supplier: "jd", supplierSku: { in: slice } }, select: { supplierSku: true }, distinct: ["supplierSku"] }));
  return new Set(rows.map((r) => r.supplierSku));
}

// JD order message types the timeline explains (order:event.jdMessage.<type>); any other type is named by its number.
const ORDER_NOTES: ReadonlySet<number> = new Set([1, 5, 10, 12, 15, 31]);

/** Order and delivery messages feed fulfillment: a timeline note once, and a tracking sync keyed by the message. */
async function applyOrderMessage(shop: string, m: JdMessageInbox, jd: JdAdapter): Promise<void> {
  const payload = m.payload as { orderId?: unknown; pOrder?: unknown };
  const named = String(payload.pOrder ?? payload.orderId ?? "");
  if (!named) return;
  let row = await db.supplierOrder.findFirst({ where: { shop, supplier: "jd", supplierOrderId: named } });
  if (!row) { // a child order: find its parent, which is what we stored
    const top = await jd.jd.topOrderId(named);
    if (!top.ok) throw new Error(top.error.message);
    row = await db.supplierOrder.findFirst({ where: { shop, supplier: "jd", supplierOrderId: top.value } });
  }
  if (!row) return; // not one of ours (placed outside Silkroute)
  const values = { id: named, type: m.type, messageId: String(m.messageId) };
  const note = storedText(ORDER_NOTES.has(m.type) ? `order:event.jdMessage.${m.type}` : "order:event.jdMessage.other", values);
  if (!(await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, message: note } }))) await recordEvent(row.id, "supplier", note);
  await enqueueTrackingSync(shop, row.id, `jd-message:${m.messageId}`);
}
