import { createHash } from "node:crypto";
import { legacyId } from "../shopify/gid";

/**
 * OUR idempotency key for a supplier order: one per (fulfillment order, supplier, warehouse). It is derived,
 * not random, so a replayed notification, a duplicated webhook or a restarted job computes the same key and
 * the supplier's "order by your key" lookup finds the first order. The shop is hashed in because one supplier
 * account may serve several stores. Kept under 32 chars: JD thirdOrder and
 * CJ orderNumber both limit length.
 */
export function supplierOrderKey(shop: string, fulfillmentOrderGid: string, supplier: string, warehouse: string): string {
  const digest = createHash("sha256").update(`${shop}|${fulfillmentOrderGid}|${supplier}|${warehouse}`).digest("hex").slice(0, 12);
  return `SR${legacyId(fulfillmentOrderGid)}-${digest}`.slice(0, 32);
}

/** Key of one carrier scan, so the same scan is posted to Shopify once however often we poll. */
export function trackingEventKey(trackingNumber: string, at: string, status: string): string {
  return createHash("sha256").update(`${trackingNumber}|${at}|${status}`).digest("hex").slice(0, 24);
}
