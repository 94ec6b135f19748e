// Linked variants the merchant keeps stocking at their own location (ADR 2010): when an order's fulfillment order
// lands at a merchant location, its Silkroute-linked lines are moved to the supplier warehouse's Silkroute location
// (fulfillmentOrderMove) when the merchant's stock is out, or always, by setting; Silkroute then submits the moved
// FO as a fulfillment request to itself, and the ordinary request flow (fulfillment-requests.server.ts) places the
// supplier order under its per-FO key, so duplicate webhooks or a re-run reach the supplier once.
import db from "../../db.server";
import { jobQueue } from "../jobs/queue.server";
import { adminClientForShop } from "../shopify/admin.server";
import type { AdminClient } from "../shopify/admin-client";
import { AdminUserErrors } from "../shopify/admin-errors";
import { getSettings } from "../fulfillment/settings.server";
import { syncOrderRequests } from "../fulfillment/fulfillment-requests.server";
import { FULFILLMENT_ORDER_MOVE, ITEM_AVAILABLE_AT, ROUTING_FULFILLMENT_ORDER, SUBMIT_FULFILLMENT_REQUEST } from "./linking-operations";

export const ROUTE_LINKED_QUEUE = "fulfillment.route-linked-fo";

/** order_routing_complete: one job per delivery, only for shops that keep linked stock at their own locations. */
export async function enqueueLinkedRouting(shop: string, fulfillmentOrderGid: string, webhookId: string): Promise<void> {
  const any = await db.variantMapping.findFirst({ where: { shop, fulfilVia: "merchant_location" }, select: { id: true } });
  if (!any) return;
  await jobQueue().enqueue(ROUTE_LINKED_QUEUE, { shop, fulfillmentOrderGid }, { shop, dedupeKey: `${shop}:linked:${webhookId}`, maxAttempts: 10 });
}

export type RoutingOutcome = "gone" | "not-open" | "not-linked" | "merchant-has-stock" | "moved" | "submitted";

const available = async (admin: AdminClient, itemGid: string, locationGid: string): Promise<number | null> => {
  const { inventoryItem } = await admin.request(ITEM_AVAILABLE_AT, { id: itemGid, locationId: locationGid });
  if (!inventoryItem?.tracked) return null;
  return inventoryItem.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? null;
};

const refusedAsDone = (error: unknown) => error instanceof AdminUserErrors;

export async function routeLinkedFulfillmentOrder(shop: string, fulfillmentOrderGid: string, admin?: AdminClient): Promise<RoutingOutcome> {
  admin ??= await adminClientForShop(shop);
  const fo = (await admin.request(ROUTING_FULFILLMENT_ORDER, { id: fulfillmentOrderGid })).fulfillmentOrder;
  if (!fo) return "gone";
  const locationGid = fo.assignedLocation.location?.id;
  if (!locationGid) return "gone";
  const warehouses = await db.fulfillmentWarehouse.findMany({ where: { shop } });
  const atOurs = warehouses.some((w) => w.locationGid === locationGid);
  if (fo.status !== "OPEN" || fo.requestStatus !== "UNSUBMITTED") return "not-open";
  if (atOurs) {
    // A move whose submit was lost (a crash in between): submit it now.
    await submit(admin, fo.id);
    await syncOrderRequests(shop, fo.orderId);
    return "submitted";
  }
  const variantGids = fo.lineItems.nodes.map((l) => l.variant?.id).filter((id): id is string => !!id);
  const mappings = new Map((await db.variantMapping.findMany({ where: { shop, variantGid: { in: variantGids }, fulfilVia: "merchant_location" } })).map((m) => [m.variantGid, m]));
  const linked = fo.lineItems.nodes.filter((l) => l.remainingQuantity > 0 && l.variant && mappings.has(l.variant.id));
  if (linked.length === 0) return "not-linked";

  const always = (await getSettings(shop)).linkedMoveWhen === "always";
  const byLocation = new Map<string, { id: string; quantity: number }[]>();
  for (const line of linked) {
    const mapping = mappings.get(line.variant!.id)!;
    // Committing this order took the merchant's available below zero: their stock did not cover it.
    if (!always) {
      const left = await available(admin, line.inventoryItemId!, locationGid);
      if (left === null || left >= 0) continue;
    }
    const target = warehouses.find((w) => w.code === mapping.linkedWarehouse)?.locationGid ?? warehouses.find((w) => w.code === "CN-SZ")?.locationGid;
    if (!target) continue;
    byLocation.set(target, [...(byLocation.get(target) ?? []), { id: line.id, quantity: line.remainingQuantity }]);
  }
  if (byLocation.size === 0) return "merchant-has-stock";
  for (const [target, lines] of byLocation) {
    let movedId: string | null = null;
    try {
      const result = await admin.request(FULFILLMENT_ORDER_MOVE, { id: fo.id, newLocationId: target, lines });
      movedId = result.fulfillmentOrderMove?.movedFulfillmentOrder?.id ?? null;
    } catch (error) {
      // Another run moved these lines first (the FO changed under us): that run submits them.
      if (refusedAsDone(error)) continue;
      throw error;
    }
    if (movedId) await submit(admin, movedId);
  }
  await syncOrderRequests(shop, fo.orderId);
  return "moved";
}

async function submit(admin: AdminClient, id: string): Promise<void> {
  try {
    await admin.request(SUBMIT_FULFILLMENT_REQUEST, { id, message: "Silkroute-linked items: sent to the supplier by Silkroute." });
  } catch (error) {
    if (!refusedAsDone(error)) throw error; // already submitted by a concurrent run
  }
}
