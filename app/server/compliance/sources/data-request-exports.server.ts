import db, { PrismaRuntime } from "../../../db.server";
import type { CustomerDataSource } from "../customer-data.server";
import { requestOrderGids } from "../requests.server";

/**
 * The answers to earlier customers/data_request webhooks are copies of the customer's data. A redaction
 * erases them (keeping the request's date and status for the merchant's records); an export of them is
 * not part of a new data request, which already exports the data itself.
 */
export const dataRequestExportsSource: CustomerDataSource = {
  name: "dataRequestExports",
  async exportFor() {
    return [];
  },
  async redactFor(shop, customerGid, orderGids) {
    const requests = await db.complianceRequest.findMany({
      where: { shop, topic: "customers/data_request", erasedAt: null },
      select: { id: true, customerGid: true, orderGids: true },
    });
    const orders = new Set(orderGids);
    const ids = requests
      .filter((r) => (customerGid && r.customerGid === customerGid) || requestOrderGids(r).some((g) => orders.has(g)))
      .map((r) => r.id);
    if (ids.length === 0) return 0;
    const { count } = await db.complianceRequest.updateMany({
      where: { id: { in: ids } },
      data: { result: PrismaRuntime.DbNull, erasedAt: new Date(), erasedBy: "customers/redact" },
    });
    return count;
  },
};
