// JD's message queue, pulled on a schedule (review F18): each message is STORED before JD is told to delete
// it, so a crash between the two re-reads it next time (stored once by its id) and nothing is lost; effects
// are keyed by the message id, so a message applied again after a crash changes nothing twice.
import type { JdMessageInbox, Prisma } from "@prisma/client";
import db from "../../db.server";
import { isUniqueViolation } from "../jobs/dedupe";
import { jobQueue } from "../jobs/queue.server";
import { enqueueTrackingSync } from "../fulfillment/queues.server";
import { recordEvent } from "../fulfillment/supplier-orders.server";
import { SYNC_QUEUE, type SyncJobPayload } from "../sourcing/sync/sync-jobs.server";
import type { JdAdapter } from "../suppliers/jd/index";
import { PRODUCT_MESSAGE_TYPES } from "../suppliers/jd/messages";

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
  // Price and stock messages feed the sync (ADR 0810): one shop sync per batch, keyed by the batch; it re-reads JD.
  if (product.length > 0 && (await touchesMappedSkus(shop, product))) {
    await jobQueue().enqueue<SyncJobPayload>(SYNC_QUEUE, { shop, trigger: "event" }, { shop, dedupeKey: `${shop}:jd-message:${product[0]!.messageId}` });
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

async function touchesMappedSkus(shop: string, messages: JdMessageInbox[]): Promise<boolean> {
  const skus = [...new Set(messages.map((m) => String((m.payload as { skuId?: unknown }).skuId ?? "")).filter(Boolean))];
  return (await db.variantMapping.count({ where: { shop, supplier: "jd", supplierSku: { in: skus } } })) > 0;
}

const ORDER_NOTES: Record<number, string> = {
  1: "JD split order {id} into child orders; each is tracked on its own.",
  5: "JD delivered order {id} to your consolidation warehouse (妥投). Enter the forwarder's tracking number once it leaves.",
  10: "JD cancelled order {id}.",
  12: "JD created the delivery for order {id} (配送单生成): on its way to your consolidation warehouse.",
  15: "JD cancelled order {id} because it was not confirmed within 7 days.",
  31: "JD completed order {id}.",
};

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
  const note = `${(ORDER_NOTES[m.type] ?? "JD sent message type {type} for order {id}.").replace("{id}", named).replace("{type}", String(m.type))} [JD message ${m.messageId}]`;
  if (!(await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, message: note } }))) await recordEvent(row.id, "supplier", note);
  await enqueueTrackingSync(shop, row.id, `jd-message:${m.messageId}`);
}
