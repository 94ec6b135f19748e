import db from "../../db.server";
import { ensureWarehouseServices, stopServiceTrackingSupport } from "../fulfillment/warehouses.server";
import type { JobDeps, JobRegistration } from "../jobs/handlers";
import { jobQueue } from "../jobs/queue.server";
import { adminClientForShop } from "../shopify/admin.server";
import { fetchShopInfo } from "../shopify/shop-info.server";

export const AFTER_INSTALL = "shop.after-install";

/**
 * Runs after every install: records the shop's plan, currency and time zone (pricing and checkout-rate eligibility
 * depend on them) and registers Silkroute's warehouse fulfillment services, so sourced stock and orders have
 * a location from day one, with tracking support off (ADR 0710). Idempotent: each step looks up before it writes.
 */
export async function completeInstall(shop: string): Promise<void> {
  const admin = await adminClientForShop(shop);
  const info = await fetchShopInfo(admin);
  await db.shop.update({ where: { domain: shop }, data: { planName: info.planName, currencyCode: info.currencyCode, ianaTimezone: info.ianaTimezone, developmentStore: info.isDevelopmentStore } });
  await ensureWarehouseServices(admin);
  await stopServiceTrackingSupport(admin);
}

/** Enqueued from the afterAuth hook; one run per shop per minute however many tabs exchange tokens at once. */
export async function enqueueAfterInstall(shop: string, now = Date.now()): Promise<void> {
  await jobQueue().enqueue(AFTER_INSTALL, { shop }, { shop, dedupeKey: `${shop}:${Math.floor(now / 60_000)}` });
}

export function installJobHandlers(_deps: JobDeps): Record<string, JobRegistration> {
  return { [AFTER_INSTALL]: { handler: async ({ payload }: { payload: { shop: string } }) => completeInstall(payload.shop) } };
}
