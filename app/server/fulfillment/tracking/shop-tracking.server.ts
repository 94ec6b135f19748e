// Incremental, batched tracking polls. The poll enqueues one job per shop (or group of shops) that has rows due
// (`nextAttemptAt`, which for tracked states means "next tracking poll"), and the job syncs only those rows.
// Rows are leased by moving their due time forward (compare-and-set), so overlapping jobs never sync one row at
// once; a worker killed mid-row leaves it due again when the lease ends, and nothing is lost.
import db from "../../../db.server";
import { TRACKED } from "../state-machine";
import { syncTracking } from "./sync-tracking.server";
import { DEFAULT_TRACKING_CADENCE, nextTrackingPollAt, type TrackingCadence } from "./poll-schedule";

const dueWhere = (now: Date) => ({ state: { in: [...TRACKED] }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] });

/** Shops with at least one tracked row due for a poll: one grouped, indexed query. */
export async function shopsWithTrackingDue(now = new Date()): Promise<string[]> {
  const groups = await db.supplierOrder.groupBy({ by: ["shop"], where: dueWhere(now) });
  return groups.map((g) => g.shop);
}

export interface ShopTrackingResult { synced: number; skipped: number; failed: number }

/** `shop` may be a list: the poll hands several small shops to one job, so job overhead is not per shop. */
export async function syncShopTracking(
  shop: string | string[], cadence: TrackingCadence = DEFAULT_TRACKING_CADENCE, options: { now?: () => Date; limit?: number; parallel?: number } = {},
): Promise<ShopTrackingResult> {
  const now = options.now ?? (() => new Date());
  const shops = typeof shop === "string" ? [shop] : shop;
  const due = await db.supplierOrder.findMany({ where: { shop: { in: shops }, ...dueWhere(now()) }, select: { id: true }, orderBy: { nextAttemptAt: "asc" }, take: options.limit ?? 500 });
  // Claim every due row in one statement (only those still due: an overlapping job keeps what it took). Until
  // the claim runs out the poll sees nothing due for this shop, so jobs do not pile up behind a slow one.
  const claimUntil = new Date(now().getTime() + cadence.leaseMs);
  const claimed = due.length === 0 ? [] : await db.supplierOrder.updateManyAndReturn({
    where: { id: { in: due.map((r) => r.id) }, ...dueWhere(now()) }, data: { nextAttemptAt: claimUntil }, select: { id: true, state: true },
  });
  const result: ShopTrackingResult = { synced: 0, skipped: due.length - claimed.length, failed: 0 };
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const row = claimed[next++]!;
      // Still ours? A job that took the row after our claim ran out holds it now: two syncs of one row
      // could post a carrier scan twice. Re-arm the lease for this row's sync.
      const { count } = await db.supplierOrder.updateMany({ where: { id: row.id, nextAttemptAt: claimUntil }, data: { nextAttemptAt: new Date(now().getTime() + cadence.leaseMs) } });
      if (count === 0) { result.skipped++; continue; }
      try {
        const state = await syncTracking(row.id);
        const at = nextTrackingPollAt(state, now(), cadence);
        await db.supplierOrder.updateMany({ where: { id: row.id, state }, data: { nextAttemptAt: at } });
        result.synced++;
      } catch {
        result.failed++; // due again when the lease runs out; the next poll retries it
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 4, claimed.length) }, lane));
  return result;
}
