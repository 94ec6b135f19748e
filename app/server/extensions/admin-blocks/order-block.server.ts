/**
 * Data for the order details admin block (`extensions/silkroute-order-block`): each supplier order Silkroute
 * placed for one Shopify order, with its state, supplier, warehouse, carrier, tracking and latest event, and the
 * actions the merchant can take. Shop-scoped: another shop's order id finds nothing. No ship-to (PII) leaves here.
 */
import db from "../../../db.server";
import { renderOrderText } from "../../fulfillment/order-text-render.server";
import { shopLocale } from "../../shops.server";
import { toGid } from "../../shopify/gid";

export interface OrderBlockSupplierOrder {
  id: string;
  state: string;
  supplier: string;
  warehouse: string;
  supplierOrderId: string | null;
  carrier: string | null;
  trackingNumbers: string[];
  trackingUrl: string | null;
  latestEvent: { message: string; at: string } | null;
  attention: string | null;
  actions: { approve: boolean; retry: boolean };
  /** Path inside the embedded app; the block opens it with `app:` navigation. */
  appPath: string;
}

export interface OrderBlockData { orderGid: string; supplierOrders: OrderBlockSupplierOrder[] }

export async function orderBlockData(shop: string, orderId: string): Promise<OrderBlockData> {
  const orderGid = toGid("Order", orderId);
  const locale = await shopLocale(shop);
  const rows = await db.supplierOrder.findMany({
    where: { shop, orderGid },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, state: true, supplier: true, warehouse: true, supplierOrderId: true, carrier: true, trackingNumbers: true,
      trackingUrl: true, reasonMessage: true, events: { orderBy: { at: "desc" }, take: 1, select: { message: true, at: true } },
    },
  });
  return {
    orderGid,
    supplierOrders: rows.map((row) => ({
      id: row.id,
      state: row.state,
      supplier: row.supplier,
      warehouse: row.warehouse,
      supplierOrderId: row.supplierOrderId,
      carrier: row.carrier,
      trackingNumbers: Array.isArray(row.trackingNumbers) ? (row.trackingNumbers as unknown[]).filter((t): t is string => typeof t === "string") : [],
      trackingUrl: row.trackingUrl,
      // Stored catalog messages (fulfillment/order-text.ts), in the shop staff's language as of their latest admin load.
      latestEvent: row.events[0] ? { message: renderOrderText(row.events[0].message, locale), at: row.events[0].at.toISOString() } : null,
      attention: ["needs_attention", "failed"].includes(row.state) && row.reasonMessage ? renderOrderText(row.reasonMessage, locale) : null,
      // Same rules as the supplier order page (app/server/fulfillment/orders-view.server.ts), minus Shopify holds,
      // which the page re-checks before it acts.
      actions: { approve: ["awaiting_approval", "needs_attention"].includes(row.state), retry: ["failed", "needs_attention"].includes(row.state) },
      appPath: `/app/orders/${row.id}`,
    })),
  };
}
