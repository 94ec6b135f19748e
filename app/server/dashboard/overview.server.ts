import db from "../../db.server";
import { TABS, type TabKey } from "../fulfillment/orders-view.server";
import { marginThisMonth, type MarginThisMonth } from "./margin.server";

export interface SetupStep {
  key: "supplier" | "products" | "rates" | "warehouses";
  done: boolean;
  title: string;
  detail: string;
  url: string;
  action: string;
}

export interface DeliveryTime {
  supplier: string;
  orders: number;
  averageDays: number;
}

export interface Overview {
  setup: SetupStep[];
  orders: Record<TabKey, number>;
  deliveryTimes: DeliveryTime[];
  failedJobs: number;
  margin: MarginThisMonth;
}

const DAY_MS = 86_400_000;

/** What the home page shows: how far setup is, where orders stand, delivery times by supplier, failed jobs. */
export async function shopOverview(shop: string): Promise<Overview> {
  const margin = marginThisMonth(shop); // in parallel with the reads below
  margin.catch(() => undefined); // awaited below; not unhandled if those fail first
  const [connections, mappedProducts, shipping, warehouses, failedJobs, delivered, orderCounts] = await Promise.all([
    db.supplierConnection.findMany({ where: { shop }, select: { supplier: true, status: true } }),
    db.variantMapping.findMany({ where: { shop }, select: { productGid: true }, distinct: ["productGid"] }),
    db.shippingSettings.findUnique({ where: { shop }, select: { carrierServiceStatus: true } }),
    db.fulfillmentWarehouse.count({ where: { shop } }),
    db.job.count({ where: { shop, state: "dead" } }),
    db.supplierOrder.findMany({
      where: { shop, state: "delivered", placedAt: { not: null }, deliveredAt: { not: null } },
      select: { supplier: true, placedAt: true, deliveredAt: true },
      orderBy: { deliveredAt: "desc" },
      take: 500,
    }),
    Promise.all(Object.entries(TABS).map(async ([key, tab]) => [key, await db.supplierOrder.count({ where: { shop, ...tab.where } })] as const)),
  ]);

  const connected = connections.filter((c) => c.status === "connected").map((c) => c.supplier);
  const rates = shipping?.carrierServiceStatus ?? "unregistered";
  const setup: SetupStep[] = [
    {
      key: "supplier", done: true, url: "/app/settings", action: "Supplier settings",
      title: connected.length ? `Suppliers connected: ${connected.join(", ")}` : "Sandbox supplier ready",
      detail: connected.length ? "Catalog, orders and tracking use these connections." : "Browse the sandbox catalog now; connect JD or CJ with your account when you are ready.",
    },
    {
      key: "products", done: mappedProducts.length > 0, url: "/app/catalog", action: "Browse the catalog",
      title: mappedProducts.length ? `${mappedProducts.length} products mapped to supplier SKUs` : "Import your first products",
      detail: "Every imported variant stays linked to its supplier SKU, so price and stock stay in sync.",
    },
    {
      key: "rates", done: rates === "active", url: "/app/shipping", action: "Shipping settings",
      title: rates === "active" ? "Cross-border rates at checkout are on" : rates === "ineligible" ? "Checkout rates need an eligible plan" : "Turn on cross-border rates at checkout",
      detail: "Buyers see China direct, express and overseas-warehouse options with delivery dates and duties.",
    },
    {
      key: "warehouses", done: warehouses > 0, url: "/app/orders/settings", action: "Fulfillment settings",
      title: warehouses > 0 ? `${warehouses} supplier warehouses connected` : "Connect supplier warehouses",
      detail: "Orders for sourced products go to the supplier automatically, and tracking comes back to Shopify.",
    },
  ];

  const bySupplier = new Map<string, { orders: number; days: number }>();
  for (const order of delivered) {
    const entry = bySupplier.get(order.supplier) ?? { orders: 0, days: 0 };
    entry.orders += 1;
    entry.days += (order.deliveredAt!.getTime() - order.placedAt!.getTime()) / DAY_MS;
    bySupplier.set(order.supplier, entry);
  }
  const deliveryTimes = [...bySupplier.entries()].map(([supplier, e]) => ({ supplier, orders: e.orders, averageDays: Math.round((e.days / e.orders) * 10) / 10 }));

  return { setup, orders: Object.fromEntries(orderCounts) as Record<TabKey, number>, deliveryTimes, failedJobs, margin: await margin };
}
