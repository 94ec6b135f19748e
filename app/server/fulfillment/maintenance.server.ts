// Scheduled work: tracking polls, stuck-shipment flags, and the sweeper that re-enqueues work a lost job left.
import db from "../../db.server";
import { IN_FLIGHT } from "./state-machine";
import { jobQueue } from "../jobs/queue.server";
import { enqueuePlacement, enqueueShopTrackingSync } from "./queues.server";
import { shopsWithTrackingDue } from "./tracking/shop-tracking.server";
import type { TrackingCadence } from "./tracking/poll-schedule";
import { recordEvent } from "./supplier-orders.server";
import { getSettings } from "./settings.server";
import { storedText } from "./order-text";

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
      await flag(row.id, "NO_TRACKING", storedText("order:event.noTracking", { days: settings.noTrackingDays }), now);
      noTracking++;
    }
    const moved = row.lastMovementAt ?? row.shippedAt;
    if (row.state !== "placed" && moved && now.getTime() - moved.getTime() >= settings.noMovementHours * HOUR) {
      await flag(row.id, "NO_MOVEMENT", storedText("order:event.noMovement", { hours: settings.noMovementHours }), now);
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
 * Work in flight whose job is gone (dead after a bug, or a queue wiped) is picked up again. A row whose latest
 * placement job is still queued or running is only waiting its turn and is left alone, so a long backlog is
 * never multiplied; a row whose job is gone gets exactly one new job, keyed by the job it replaces, and if that
 * one is lost too the next sweep replaces it in turn.
 */
export async function sweepInFlight(now = new Date(), staleMs = 10 * 60_000): Promise<number> {
  const stale = await db.supplierOrder.findMany({
    where: { state: { in: [...IN_FLIGHT] }, updatedAt: { lt: new Date(now.getTime() - staleMs) }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    select: { id: true, shop: true, placementJobId: true, version: true, fulfillmentOrderGid: true },
  });
  if (!stale.length) return 0; // the usual case: one query, not three
  // A row whose FO is on hold in Shopify waits for hold_released, which re-enqueues it; sweeping it is a no-op job.
  const held = new Set((await db.fulfillmentOrderHold.findMany({
    where: { fulfillmentOrderGid: { in: [...new Set(stale.map((r) => r.fulfillmentOrderGid))] } }, select: { shop: true, fulfillmentOrderGid: true },
  })).map((h) => `${h.shop}|${h.fulfillmentOrderGid}`));
  const pending = await jobQueue().pendingAmong(stale.flatMap((row) => (row.placementJobId ? [row.placementJobId] : [])));
  let enqueued = 0;
  for (const row of stale) {
    if (row.placementJobId && pending.has(row.placementJobId)) continue;
    if (held.has(`${row.shop}|${row.fulfillmentOrderGid}`)) continue;
    await enqueuePlacement(row.shop, row.id, `sweep-after-${row.placementJobId ?? `v${row.version}`}`);
    enqueued++;
  }
  return enqueued;
}
