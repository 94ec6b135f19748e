// Each carrier scan is stored under a key (number, time, status) and posted to Shopify once. A scan stored but
// not marked posted (the run died mid-way) is first looked for among the fulfillment's events.
import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import type { Parcel } from "../../suppliers/supplier-order-models";
import type { SupplierOrderRow } from "../supplier-orders.server";
import { trackingEventKey } from "../order-keys";
import { existingFulfillments, createFulfillmentEvent } from "../shopify/fulfillment-api.server";
import { shopifyEventFor } from "./carriers";
import type { EventStatus } from "../shopify/fulfillment-api.server";
import { storedText } from "../order-text";

/**
 * `admin` is only opened when something has to go to Shopify: a poll that brings no new scan costs one query.
 */
export async function postTrackingEvents(admin: () => Promise<AdminClient>, row: SupplierOrderRow, parcels: Parcel[]): Promise<Date | null> {
  const multi = parcels.length > 1;
  let latest: Date | null = null;
  const stored = await db.trackingEventPost.findMany({ where: { supplierOrderId: row.id }, select: { eventKey: true, postedAt: true } });
  const known = new Set(stored.map((p) => p.eventKey));
  let pending = stored.some((p) => !p.postedAt);
  for (const parcel of parcels) {
    for (const event of parcel.events) {
      const happenedAt = new Date(event.at);
      if (!latest || happenedAt > latest) latest = happenedAt;
      const eventKey = trackingEventKey(parcel.trackingNumber, event.at, event.status);
      if (known.has(eventKey)) continue;
      pending = true;
      const mapped = parcelEvent(event, parcels);
      const message = multi ? `${parcel.trackingNumber}: ${mapped.message}` : mapped.message;
      try {
        await db.trackingEventPost.create({
          data: { supplierOrderId: row.id, eventKey, trackingNumber: parcel.trackingNumber, status: event.status, shopifyStatus: mapped.status, message, happenedAt },
        });
        // The scan status in the merchant's language; the carrier's own words as they come.
        await db.supplierOrderEvent.create({ data: { supplierOrderId: row.id, kind: "carrier", message: storedText("order:event.carrierScan", { scan: event.status, detail: message }), at: happenedAt } });
      } catch (error) {
        if ((error as { code?: string }).code !== "P2002") throw error;
      }
    }
  }
  if (!pending || !row.fulfillmentGid) return latest;
  const unposted = await db.trackingEventPost.findMany({ where: { supplierOrderId: row.id, postedAt: null }, orderBy: { happenedAt: "asc" } });
  if (unposted.length === 0 || !row.fulfillmentGid) return latest;
  // DELIVERED is terminal on Shopify's timeline: once it is posted (in an earlier run or earlier in this one),
  // later scans stay on our timeline (supplierOrderEvent) but are not posted, so the buyer never sees a
  // delivered parcel "in transit" again.
  let delivered = (await db.trackingEventPost.count({ where: { supplierOrderId: row.id, shopifyStatus: "DELIVERED", postedAt: { not: null } } })) > 0;
  let onShopify: Set<string> | null = null;
  for (const post of unposted) {
    if (delivered) {
      await db.trackingEventPost.update({ where: { id: post.id }, data: { postedAt: new Date(), shopifyStatus: "SKIPPED" } });
      continue;
    }
    onShopify ??= await shopifyEventKeys(await admin(), row);
    const key = `${post.shopifyStatus}|${post.happenedAt.toISOString()}`;
    if (!onShopify.has(key)) {
      await createFulfillmentEvent(await admin(), {
        fulfillmentId: row.fulfillmentGid, status: post.shopifyStatus as EventStatus, happenedAt: post.happenedAt.toISOString(), message: post.message,
      });
      onShopify.add(key);
    }
    await db.trackingEventPost.update({ where: { id: post.id }, data: { postedAt: new Date() } });
    if (post.shopifyStatus === "DELIVERED") delivered = true;
  }
  return latest;
}

/**
 * One Shopify fulfillment carries every parcel, and DELIVERED closes it for the buyer: a parcel delivered while
 * another is still on its way is told as progress, and only the scan that completes the set is DELIVERED.
 */
function parcelEvent(event: Parcel["events"][number], parcels: Parcel[]): { status: EventStatus; message: string } {
  const { status, description } = event;
  const mapped = shopifyEventFor(status, description, event.eventStatus);
  if (mapped.status !== "DELIVERED" || parcels.length < 2) return mapped;
  const delivered = parcels.filter((p) => p.status === "delivered").length;
  if (delivered === parcels.length) return mapped;
  return { status: "IN_TRANSIT", message: `${description} (${delivered} of ${parcels.length} parcels delivered; the rest are on their way)` };
}

async function shopifyEventKeys(admin: AdminClient, row: SupplierOrderRow): Promise<Set<string>> {
  const fulfillment = (await existingFulfillments(admin, row.fulfillmentOrderGid)).find((f) => f.id === row.fulfillmentGid);
  return new Set((fulfillment?.events.nodes ?? []).map((e) => `${e.status}|${new Date(e.happenedAt as string).toISOString()}`));
}
