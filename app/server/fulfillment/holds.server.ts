// Shopify fulfillment holds (awaiting payment, a fraud check, an address to fix…) on fulfillment orders. A hold is
// kept per FO, not on our rows: Shopify can hold an FO before we have answered its request, and the rows created
// afterwards must wait too. Placement asks isFulfillmentOrderHeld before sending anything to a supplier.
import db from "../../db.server";
import { recordEvent } from "./supplier-orders.server";
import { enqueuePlacement, enqueueRequestResync } from "./queues.server";
import { adminClientForShop } from "../shopify/admin.server";
import { fulfillmentOrderHolds } from "./shopify/fulfillment-api.server";
import { FINAL, type SupplierOrderState } from "./state-machine";
import { storedText } from "./order-text";

export interface HoldReason {
  reason: string | null; // FulfillmentHoldReason as webhooks spell it: "awaiting_payment"
  reasonNotes: string | null;
}

/** Not sent to the supplier yet, so a hold still stops them. */
const NOT_SENT: readonly SupplierOrderState[] = ["pending", "awaiting_approval", "needs_attention"];
const notFinal = { state: { notIn: [...FINAL] } };

export async function isFulfillmentOrderHeld(shop: string, fulfillmentOrderGid: string): Promise<boolean> {
  return (await db.fulfillmentOrderHold.count({ where: { shop, fulfillmentOrderGid } })) > 0;
}

/** "Awaiting payment: card declined twice" */
export function describeHold({ reason, reasonNotes }: HoldReason): string {
  const label = reason ? reason.charAt(0).toUpperCase() + reason.slice(1).toLowerCase().replaceAll("_", " ") : "no reason given";
  return reasonNotes ? `${label}: ${reasonNotes}` : label;
}

export async function recordHold(shop: string, fulfillmentOrderGid: string, hold: HoldReason): Promise<void> {
  await db.fulfillmentOrderHold.upsert({
    where: { shop_fulfillmentOrderGid: { shop, fulfillmentOrderGid } },
    create: { shop, fulfillmentOrderGid, ...hold },
    update: hold,
  });
  const rows = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid, ...notFinal }, select: { id: true, state: true } });
  for (const row of rows) {
    // Shopify refuses holds once a request is accepted, so a row at the supplier should not get here; if it does,
    // what the supplier has is not recalled, the merchant just sees it.
    // Shopify's reason code and notes as values: the page names the reason in the merchant's language.
    const stopped = NOT_SENT.includes(row.state as SupplierOrderState);
    const kind = `${stopped ? "stopped" : "notStopped"}${hold.reasonNotes ? "WithNotes" : ""}`;
    await recordEvent(row.id, "shopify", storedText(`order:event.held.${kind}`, { reason: hold.reason ?? "none", ...(hold.reasonNotes ? { notes: hold.reasonNotes } : {}) }));
  }
}

/**
 * The hold is cleared before anything is enqueued, so the placement job finds the FO free. Each release gets its
 * own placement generation and request resync (keyed by the webhook id); a redelivery is dropped by the receiver.
 */
export async function releaseHold(shop: string, fulfillmentOrderGid: string, webhookId: string): Promise<void> {
  await clearHold(shop, fulfillmentOrderGid);
  const rows = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid, ...notFinal }, select: { id: true, state: true, orderGid: true } });
  for (const row of rows) {
    const resumes = row.state === "pending";
    await recordEvent(row.id, "shopify", storedText(resumes ? "order:event.holdReleasedResumes" : "order:event.holdReleased"));
    if (resumes) await enqueuePlacement(shop, row.id, `released-${webhookId}`);
  }
  await enqueueRequestResync(shop, webhookId, rows[0]?.orderGid ?? null);
}

export async function clearHold(shop: string, fulfillmentOrderGid: string): Promise<void> {
  await db.fulfillmentOrderHold.deleteMany({ where: { shop, fulfillmentOrderGid } });
}

/** The holds on these FOs, by FO id, for the orders admin. */
export async function holdsFor(shop: string, fulfillmentOrderGids: string[]): Promise<Map<string, HoldReason>> {
  if (fulfillmentOrderGids.length === 0) return new Map();
  const holds = await db.fulfillmentOrderHold.findMany({ where: { shop, fulfillmentOrderGid: { in: [...new Set(fulfillmentOrderGids)] } } });
  return new Map(holds.map((h) => [h.fulfillmentOrderGid, { reason: h.reason, reasonNotes: h.reasonNotes }]));
}

/**
 * Makes our record of the FO's hold match Shopify's: webhooks can arrive out of order or be lost, Shopify's
 * fulfillment order cannot. A hold Shopify no longer has is released (placement resumes); a hold we missed is
 * recorded. Returns what it did.
 */
export async function reconcileHold(shop: string, fulfillmentOrderGid: string, jobId: string): Promise<"held" | "released" | "unchanged"> {
  const truth = await fulfillmentOrderHolds(await adminClientForShop(shop), fulfillmentOrderGid);
  const heldInShopify = truth?.status === "ON_HOLD" && truth.holds.length > 0;
  const heldHere = await isFulfillmentOrderHeld(shop, fulfillmentOrderGid);
  if (heldInShopify && !heldHere) {
    await recordHold(shop, fulfillmentOrderGid, truth.holds[0]!);
    return "held";
  }
  if (!heldInShopify && heldHere) {
    await releaseHold(shop, fulfillmentOrderGid, `reconcile-${jobId}`);
    return "released";
  }
  return "unchanged";
}
