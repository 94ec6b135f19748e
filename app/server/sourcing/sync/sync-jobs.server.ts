import db from "../../../db.server";
import { inChunks } from "../chunked";
import type { JobQueue } from "../../jobs/types";
import { getSyncSettings } from "./sync-settings.server";
import type { SyncTrigger } from "./sync-engine.server";
import { RECONCILE_QUEUE, type ReconcilePayload } from "./reconcile.server";

const DAY_MS = 86_400_000;

/** One shop's sync pass (scheduled, "Sync now" for the shop or one product). */
export const SYNC_QUEUE = "sourcing.sync";
/** Every minute: enqueue the shops whose own schedule (5 min – 24 h) is due. */
export const SYNC_TICK_QUEUE = "sourcing.sync-tick";
export interface SyncJobPayload { shop: string; trigger: SyncTrigger; productGid?: string }

/**
 * Enqueues a sync for every installed shop whose interval has passed since its last scheduled run. The
 * dedupe key names the shop's schedule slot, so two ticks (or two workers) never queue the same run twice.
 */
export async function enqueueDueShops(jobs: JobQueue, now = new Date()): Promise<number> {
  const shops = await db.variantMapping.findMany({ distinct: ["shop"], select: { shop: true } });
  const installed = await inChunks(shops.map((s) => s.shop), (slice) => db.shop.findMany({ where: { domain: { in: slice }, uninstalledAt: null }, select: { domain: true } }));
  let queued = 0;
  for (const { domain } of installed) {
    const settings = await getSyncSettings(domain);
    // The slow full reconciliation against Shopify: once a day, one bulk query.
    if (!settings.lastReconciledAt || now.getTime() - settings.lastReconciledAt.getTime() >= DAY_MS) {
      await jobs.enqueue<ReconcilePayload>(RECONCILE_QUEUE, { shop: domain }, { shop: domain, dedupeKey: `${domain}:reconcile:${Math.floor(now.getTime() / DAY_MS)}` });
    }
    const intervalMs = settings.intervalMinutes * 60_000;
    // 30 s of slack: a tick that lands just before the slot boundary still counts.
    if (settings.lastScheduledSyncAt && now.getTime() - settings.lastScheduledSyncAt.getTime() < intervalMs - 30_000) continue;
    const slot = Math.floor(now.getTime() / intervalMs);
    await jobs.enqueue<SyncJobPayload>(SYNC_QUEUE, { shop: domain, trigger: "schedule" }, { shop: domain, dedupeKey: `${domain}:schedule:${settings.intervalMinutes}:${slot}` });
    await db.sourcingSettings.updateMany({ where: { shop: domain }, data: { lastScheduledSyncAt: now } });
    queued++;
  }
  return queued;
}

/** "Sync now" for the shop or one product; clicks within 10 seconds share one run. */
export async function requestSyncNow(jobs: JobQueue, shop: string, productGid?: string, now = Date.now()): Promise<string> {
  return jobs.enqueue<SyncJobPayload>(SYNC_QUEUE, { shop, trigger: "manual", ...(productGid ? { productGid } : {}) }, { shop, dedupeKey: `${shop}:manual:${productGid ?? "all"}:${Math.floor(now / 10_000)}` });
}
