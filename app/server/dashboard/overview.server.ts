import db from "../../db.server";
import { TABS, type TabKey } from "../fulfillment/orders-view.server";
import { marginThisMonth, type MarginThisMonth } from "./margin.server";
import { message, type Message } from "../../i18n/message";

export interface SetupStep {
  key: "supplier" | "products" | "rates" | "warehouses";
  done: boolean;
  title: Message;
  detail: Message;
  url: string;
  action: Message;
  /** Supplier codes the title names; the page shows them in the merchant's language. */
  suppliers?: string[];
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
      key: "supplier", done: true, url: "/app/settings", action: message("home:setup.supplier.action"), suppliers: connected,
      title: connected.length ? message("home:setup.supplier.connected", { count: connected.length }) : message("home:setup.supplier.sandboxReady"),
      detail: connected.length ? message("home:setup.supplier.connectedDetail") : message("home:setup.supplier.sandboxDetail"),
    },
    {
      key: "products", done: mappedProducts.length > 0, url: "/app/catalog", action: message("home:setup.products.action"),
      title: mappedProducts.length ? message("home:setup.products.mapped", { count: mappedProducts.length }) : message("home:setup.products.first"),
      detail: message("home:setup.products.detail"),
    },
    {
      key: "rates", done: rates === "active", url: "/app/shipping", action: message("home:setup.rates.action"),
      title: message(rates === "active" ? "home:setup.rates.active" : rates === "ineligible" ? "home:setup.rates.ineligible" : "home:setup.rates.off"),
      detail: message("home:setup.rates.detail"),
    },
    {
      key: "warehouses", done: warehouses > 0, url: "/app/orders/settings", action: message("home:setup.warehouses.action"),
      title: warehouses > 0 ? message("home:setup.warehouses.connected", { count: warehouses }) : message("home:setup.warehouses.connect"),
      detail: message("home:setup.warehouses.detail"),
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
