// "Margin this month" on the home page (Built for Shopify asks for key metrics on the app home): revenue minus
// supplier cost of the orders that reached a supplier this billing period, from the persisted supplier orders.
import db from "../../db.server";
import { billingPeriod } from "../billing/usage.server";
import { convertMoney, FxRateMissing } from "../fx/fx-table";
import { fxTableForShop } from "../fx/fx-rates.server";
import { money, type Money } from "../money";

export interface MarginThisMonth {
  periodStart: string;
  /** Orders counted: placed with a supplier this period, not cancelled, with a known cost. */
  orders: number;
  revenue: Money | null;
  cost: Money | null;
  margin: Money | null;
  /** Margin as a share of revenue, one decimal; null without revenue. */
  percent: number | null;
  /** Orders left out: cost not known yet, or in another currency than the rest, or no exchange rate. */
  leftOut: number;
}

const CANCELLED = ["cancelled"];

export async function marginThisMonth(shop: string, now = new Date()): Promise<MarginThisMonth> {
  const period = billingPeriod(now);
  const rows = await db.supplierOrder.findMany({
    where: { shop, placedAt: { gte: period.start, lt: period.end }, state: { notIn: CANCELLED } },
    select: { currency: true, revenueMinor: true, costMinor: true, costCurrency: true },
  });
  const empty = { periodStart: period.start.toISOString(), orders: 0, revenue: null, cost: null, margin: null, percent: null, leftOut: rows.length };
  if (rows.length === 0) return { ...empty, leftOut: 0 };
  // The shop sells in one currency; the most common order currency is it.
  const byCurrency = new Map<string, number>();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + 1);
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const fx = await fxTableForShop(shop);
  let revenue = 0, cost = 0, orders = 0;
  for (const r of rows) {
    if (r.currency !== currency || r.costMinor == null) continue;
    try {
      const c = convertMoney(money(r.costMinor, r.costCurrency ?? r.currency), currency, fx).amount;
      revenue += r.revenueMinor; cost += c; orders++;
    } catch (error) {
      if (!(error instanceof FxRateMissing)) throw error;
    }
  }
  if (orders === 0) return empty;
  const margin = revenue - cost;
  return {
    periodStart: empty.periodStart, orders, leftOut: rows.length - orders,
    revenue: money(revenue, currency), cost: money(cost, currency), margin: money(margin, currency),
    percent: revenue > 0 ? Math.round((margin / revenue) * 1000) / 10 : null,
  };
}
