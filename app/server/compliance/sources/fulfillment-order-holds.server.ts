import db from "../../../db.server";
import type { CustomerDataSource } from "../customer-data.server";

/**
 * A hold's notes are free text the merchant (or another app) typed on the fulfillment order, e.g. "bank transfer
 * from <name> not received": personal data as often as not. The hold itself (its reason, that it blocks placement)
 * is not, so a redaction keeps the row and drops the notes. Holds are stored per fulfillment order; the supplier
 * orders of the redacted orders say which fulfillment orders those are.
 */
export const fulfillmentOrderHoldsSource: CustomerDataSource = {
  name: "fulfillmentOrderHolds",
  async exportFor(shop, _customerGid, orderGids) {
    const fulfillmentOrderGids = await fulfillmentOrdersOf(shop, orderGids);
    if (fulfillmentOrderGids.length === 0) return [];
    return db.fulfillmentOrderHold.findMany({
      where: { shop, fulfillmentOrderGid: { in: fulfillmentOrderGids }, reasonNotes: { not: null } },
      select: { fulfillmentOrderGid: true, reason: true, reasonNotes: true, heldAt: true },
    });
  },
  async redactFor(shop, _customerGid, orderGids) {
    const fulfillmentOrderGids = await fulfillmentOrdersOf(shop, orderGids);
    if (fulfillmentOrderGids.length === 0) return 0;
    const { count } = await db.fulfillmentOrderHold.updateMany({
      where: { shop, fulfillmentOrderGid: { in: fulfillmentOrderGids }, reasonNotes: { not: null } },
      data: { reasonNotes: null },
    });
    return count;
  },
};

async function fulfillmentOrdersOf(shop: string, orderGids: string[]): Promise<string[]> {
  if (orderGids.length === 0) return [];
  const rows = await db.supplierOrder.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { fulfillmentOrderGid: true }, distinct: ["fulfillmentOrderGid"] });
  return rows.map((r) => r.fulfillmentOrderGid);
}
