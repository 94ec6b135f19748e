import db, { PrismaRuntime } from "../../../db.server";
import type { CustomerDataSource } from "../customer-data.server";

/** Supplier orders carry the buyer's ship-to address (name, street, phone), sent to the supplier to ship. */
export const supplierOrdersSource: CustomerDataSource = {
  name: "supplierOrders",
  async exportFor(shop, _customerGid, orderGids) {
    if (orderGids.length === 0) return [];
    return db.supplierOrder.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: { orderGid: true, orderName: true, supplier: true, shipTo: true, trackingNumbers: true, createdAt: true },
    });
  },
  async redactFor(shop, _customerGid, orderGids) {
    if (orderGids.length === 0) return 0;
    const { count } = await db.supplierOrder.updateMany({
      where: { shop, orderGid: { in: orderGids } },
      data: { shipTo: PrismaRuntime.DbNull },
    });
    return count;
  },
};
