// Usage per billing period, counted from what actually happened (orders that reached a supplier, products whose
// first push started in the period), never from a separate counter that could drift.
import db from "../../db.server";
import { inChunks } from "../sourcing/chunked";

export interface BillingPeriod { start: Date; end: Date }

/** Calendar month in UTC (ADR 1000: simpler to explain than Shopify's 30-day cycle, off by a few days at most). */
export function billingPeriod(now: Date = new Date()): BillingPeriod {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

export interface Usage { period: BillingPeriod; supplierOrders: number; importedProducts: number }

export async function supplierOrdersPlaced(shop: string, period: BillingPeriod): Promise<number> {
  return db.supplierOrder.count({ where: { shop, placedAt: { gte: period.start, lt: period.end } } });
}

/**
 * Import items first pushed (or being pushed) in this period: in a job started this period, not failed, and with no
 * successful push in an earlier job. Re-pushing a product already in the store doesn't use the allowance again.
 */
export async function productsImported(shop: string, period: BillingPeriod): Promise<Set<string>> {
  const jobs = await db.importJob.findMany({ where: { shop, createdAt: { gte: period.start, lt: period.end } }, select: { id: true } });
  if (jobs.length === 0) return new Set();
  const rows = await inChunks(jobs.map((j) => j.id), (slice) => db.importJobItem.findMany({
    where: { jobId: { in: slice }, status: { in: ["pending", "pushed"] } }, select: { importItemId: true },
  }));
  const ids = [...new Set(rows.map((r) => r.importItemId))];
  const earlier = await pushedBefore(shop, ids, period.start);
  return new Set(ids.filter((id) => !earlier.has(id)));
}

/** Items among `ids` that had a successful push in a job started before `before`. */
export async function pushedBefore(shop: string, ids: string[], before: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await inChunks(ids, (slice) => db.importJobItem.findMany({
    where: { importItemId: { in: slice }, status: "pushed", job: { shop, createdAt: { lt: before } } }, select: { importItemId: true },
  }));
  return new Set(rows.map((r) => r.importItemId));
}

export async function usageThisPeriod(shop: string, now: Date = new Date()): Promise<Usage> {
  const period = billingPeriod(now);
  const [supplierOrders, imported] = await Promise.all([supplierOrdersPlaced(shop, period), productsImported(shop, period)]);
  return { period, supplierOrders, importedProducts: imported.size };
}
