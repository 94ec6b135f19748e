import db, { PrismaRuntime } from "../../db.server";
import { dataRequestExportsSource } from "./sources/data-request-exports.server";
import { supplierOrdersSource } from "./sources/supplier-orders.server";
import { fulfillmentOrderHoldsSource } from "./sources/fulfillment-order-holds.server";

/**
 * Every table that holds a buyer's personal data registers here, so data requests and redactions
 * reach all of it. A source answers for one customer and/or a set of orders of one shop; `orderGids`
 * already includes every order we know of for that customer.
 */
export interface CustomerDataSource {
  name: string;
  exportFor(shop: string, customerGid: string | null, orderGids: string[]): Promise<unknown[]>;
  redactFor(shop: string, customerGid: string | null, orderGids: string[]): Promise<number>;
}

const matchOrders = (shop: string, customerGid: string | null, orderGids: string[]) => ({
  shop,
  OR: [...(customerGid ? [{ customerGid }] : []), ...(orderGids.length ? [{ orderGid: { in: orderGids } }] : [])],
});

const shopOrders: CustomerDataSource = {
  name: "orders",
  async exportFor(shop, customerGid, orderGids) {
    const where = matchOrders(shop, customerGid, orderGids);
    if (where.OR.length === 0) return [];
    return db.shopOrder.findMany({
      where,
      select: { orderGid: true, name: true, phone: true, shippingAddress: true, lineItems: true, createdAt: true },
    });
  },
  async redactFor(shop, customerGid, orderGids) {
    const where = matchOrders(shop, customerGid, orderGids);
    if (where.OR.length === 0) return 0;
    const { count } = await db.shopOrder.updateMany({
      where,
      data: { phone: null, shippingAddress: PrismaRuntime.DbNull, customerGid: null, redactedAt: new Date() },
    });
    return count;
  },
};

const sources: CustomerDataSource[] = [shopOrders, supplierOrdersSource, fulfillmentOrderHoldsSource, dataRequestExportsSource];

export function registerCustomerDataSource(source: CustomerDataSource): void {
  if (!sources.some((s) => s.name === source.name)) sources.push(source);
}

export function customerDataSources(): readonly CustomerDataSource[] {
  return sources;
}

/** The orders a request covers: those it names plus every order we hold for the customer. */
export async function ordersOfRequest(shop: string, customerGid: string | null, orderGids: string[]): Promise<string[]> {
  if (!customerGid) return orderGids;
  const rows = await db.shopOrder.findMany({ where: { shop, customerGid }, select: { orderGid: true } });
  return [...new Set([...orderGids, ...rows.map((r) => r.orderGid)])];
}
