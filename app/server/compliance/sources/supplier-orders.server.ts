import db, { PrismaRuntime } from "../../../db.server";
import type { CustomerDataSource } from "../customer-data.server";

export const REDACTED = "[redacted]";
const CARRIER_EVENT_ERASED = "Carrier scan details erased (customer data redacted).";

/**
 * Supplier orders carry the buyer's ship-to (name, street, phone, sometimes email) sent to the supplier, and
 * the parcel's tracking: numbers and URL on the row, numbers inside timeline messages, carrier scan texts
 * (which can name the recipient or the street) in the timeline and in the scans posted to Shopify.
 */
export const supplierOrdersSource: CustomerDataSource = {
  name: "supplierOrders",
  async exportFor(shop, _customerGid, orderGids) {
    if (orderGids.length === 0) return [];
    return db.supplierOrder.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: {
        orderGid: true, orderName: true, supplier: true, shipTo: true, trackingNumbers: true, trackingUrl: true, carrier: true, createdAt: true,
        posts: { select: { trackingNumber: true, status: true, message: true, happenedAt: true }, orderBy: { happenedAt: "asc" } },
      },
    });
  },
  async redactFor(shop, _customerGid, orderGids) {
    if (orderGids.length === 0) return 0;
    const rows = await db.supplierOrder.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: { id: true, shipTo: true, trackingNumbers: true, trackingUrl: true, reasonMessage: true, fixHint: true },
    });
    for (const row of rows) {
      const secrets = sensitiveStrings(row);
      await db.supplierOrder.update({
        where: { id: row.id },
        data: {
          shipTo: PrismaRuntime.DbNull, trackingNumbers: PrismaRuntime.DbNull, trackingUrl: null,
          reasonMessage: scrub(row.reasonMessage, secrets), fixHint: scrub(row.fixHint, secrets),
        },
      });
      await db.supplierOrderEvent.updateMany({ where: { supplierOrderId: row.id, kind: "carrier" }, data: { message: CARRIER_EVENT_ERASED } });
      const events = await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id, kind: { not: "carrier" } }, select: { id: true, message: true } });
      for (const event of events) {
        const message = scrub(event.message, secrets);
        if (message !== event.message) await db.supplierOrderEvent.update({ where: { id: event.id }, data: { message: message ?? "" } });
      }
      // The scan keys stay (a hash), so a later poll still recognises scans already posted to Shopify.
      await db.trackingEventPost.updateMany({ where: { supplierOrderId: row.id }, data: { trackingNumber: REDACTED, message: REDACTED } });
    }
    return rows.length;
  },
};

/** The customer's strings a free-text message about this supplier order can quote. */
function sensitiveStrings(row: { shipTo: unknown; trackingNumbers: unknown; trackingUrl: string | null }): string[] {
  const shipTo = (row.shipTo ?? {}) as Record<string, unknown>;
  const fromShipTo = ["name", "phone", "email", "address1", "address2", "taxId"].map((k) => shipTo[k]);
  const numbers = Array.isArray(row.trackingNumbers) ? row.trackingNumbers : [];
  return [...fromShipTo, ...numbers, row.trackingUrl]
    .filter((s): s is string => typeof s === "string" && s.trim().length >= 3)
    .sort((a, b) => b.length - a.length); // a URL that contains a number is replaced whole
}

export function scrub(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}
