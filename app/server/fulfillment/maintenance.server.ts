// Scheduled work: tracking polls, stuck-shipment flags, and the sweeper that re-enqueues work a lost job left.
import db from "../../db.server";
import { IN_FLIGHT } from "./state-machine";
import { enqueuePlacement, enqueueShopTrackingSync } from "./queues.server";
import { shopsWithTrackingDue } from "./tracking/shop-tracking.server";
import type { TrackingCadence } from "./tracking/poll-schedule";
import { recordEvent } from "./supplier-orders.server";
import { getSettings } from "./settings.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Incremental: one tracking job per group of up to `shopsPerJob` shops with rows due (dedupe by window), not
 * one per tracked row; the job syncs only the rows whose next poll time has come (tracking/poll-schedule.ts).
 * A row is polled by one job at a time whatever the grouping (the job leases it). Returns the jobs enqueued.
 */
export async function pollTracking(now = new Date(), windowMs = 15 * 60_000, cadence?: TrackingCadence, shopsPerJob = 1): Promise<number> {
  const shops = await shopsWithTrackingDue(now);
  const bucket = String(Math.floor(now.getTime() / windowMs));
  let jobs = 0;
  for (let i = 0; i < shops.length; i += shopsPerJob, jobs++) await enqueueShopTrackingSync(shops.slice(i, i + shopsPerJob), bucket, cadence);
  return jobs;
}

/**
 * Flags shipments that look stuck: no tracking N days after the supplier accepted, or no carrier movement for
 * the configured hours. Flags clear themselves when the next scan arrives.
 */
export async function detectStuck(now = new Date()): Promise<{ noTracking: number; noMovement: number }> {
  let noTracking = 0;
  let noMovement = 0;
  const candidates = await db.supplierOrder.findMany({
    where: { flagCode: null, OR: [{ state: "placed", placedAt: { lt: new Date(now.getTime() - DAY) } }, { state: { in: ["shipped", "exception"] } }] },
  });
  const settingsCache = new Map<string, Awaited<ReturnType<typeof getSettings>>>();
  for (const row of candidates) {
    const settings = settingsCache.get(row.shop) ?? (await getSettings(row.shop));
    settingsCache.set(row.shop, settings);
    if (row.state === "placed" && row.placedAt && now.getTime() - row.placedAt.getTime() >= settings.noTrackingDays * DAY) {
      await flag(row.id, "NO_TRACKING", `No tracking number ${settings.noTrackingDays} days after the supplier accepted the order. Ask the supplier for a dispatch date.`, now);
      noTracking++;
    }
    const moved = row.lastMovementAt ?? row.shippedAt;
    if (row.state !== "placed" && moved && now.getTime() - moved.getTime() >= settings.noMovementHours * HOUR) {
      await flag(row.id, "NO_MOVEMENT", `No carrier movement for ${settings.noMovementHours} hours. Check with the carrier or the supplier.`, now);
      noMovement++;
    }
  }
  return { noTracking, noMovement };
}

async function flag(id: string, code: string, message: string, at: Date): Promise<void> {
  const { count } = await db.supplierOrder.updateMany({ where: { id, flagCode: null }, data: { flagCode: code, flaggedAt: at } });
  if (count) await recordEvent(id, "flag", message, at);
}

/**
 * Work in flight whose job vanished (dead after a bug, or a queue wiped) is picked up again. A row that is only
 * waiting in a long queue looks stale too, so each stale row gets a new sweep job only when its staleness
 * doubles (1×, 2×, 4× … staleMs since its last change): a backlog is not multiplied by every sweep, and a
 * row whose job really vanished is still retried without end.
 */
export async function sweepInFlight(now = new Date(), staleMs = 10 * 60_000): Promise<number> {
  const stale = await db.supplierOrder.findMany({
    where: { state: { in: [...IN_FLIGHT] }, updatedAt: { lt: new Date(now.getTime() - staleMs) } },
    select: { id: true, shop: true, attempts: true, nextAttemptAt: true, updatedAt: true },
  });
  let enqueued = 0;
  for (const row of stale) {
    if (row.nextAttemptAt && row.nextAttemptAt > now) continue;
    const doublings = Math.floor(Math.log2((now.getTime() - row.updatedAt.getTime()) / staleMs));
    await enqueuePlacement(row.shop, row.id, `sweep-${row.attempts}-${row.updatedAt.getTime()}-${doublings}`);
    enqueued++;
  }
  return enqueued;
}
