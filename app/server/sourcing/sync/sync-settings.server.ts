import db from "../../../db.server";
import { clampInterval, parseSyncPolicy, SYNC_INTERVAL_MINUTES, SyncPolicySchema, type SyncPolicy } from "./sync-policy";

export interface SyncSettings {
  intervalMinutes: number;
  policy: SyncPolicy;
  lastScheduledSyncAt: Date | null;
  lastReconciledAt: Date | null;
}

export async function getSyncSettings(shop: string): Promise<SyncSettings> {
  const row = await db.sourcingSettings.findUnique({ where: { shop }, select: { syncIntervalMinutes: true, syncPolicy: true, lastScheduledSyncAt: true, lastReconciledAt: true } });
  return {
    intervalMinutes: row ? clampInterval(row.syncIntervalMinutes) : SYNC_INTERVAL_MINUTES.default,
    policy: parseSyncPolicy(row?.syncPolicy),
    lastScheduledSyncAt: row?.lastScheduledSyncAt ?? null,
    lastReconciledAt: row?.lastReconciledAt ?? null,
  };
}

/** Saves the schedule and policy; the policy is validated whole, so a bad value is refused, not half-saved. */
export async function saveSyncSettings(shop: string, patch: { intervalMinutes?: number; policy?: Partial<SyncPolicy> }): Promise<SyncSettings> {
  const current = await getSyncSettings(shop);
  const policy = SyncPolicySchema.parse({ ...current.policy, ...(patch.policy ?? {}) });
  const intervalMinutes = patch.intervalMinutes === undefined ? current.intervalMinutes : clampInterval(patch.intervalMinutes);
  const exists = await db.sourcingSettings.findUnique({ where: { shop }, select: { shop: true } });
  if (!exists) {
    const { saveSourcingSettings } = await import("../settings.server");
    await saveSourcingSettings(shop, {});
  }
  await db.sourcingSettings.update({ where: { shop }, data: { syncIntervalMinutes: intervalMinutes, syncPolicy: policy } });
  return { ...current, intervalMinutes, policy };
}

/** A product's own policy (only the keys it overrides); null clears the override. */
export async function saveProductPolicy(shop: string, productGid: string, override: Partial<SyncPolicy> | null): Promise<void> {
  const value = override === null ? undefined : SyncPolicySchema.partial().parse(override);
  await db.productSyncState.upsert({
    where: { shop_productGid: { shop, productGid } },
    create: { shop, productGid, pushedStatus: "ACTIVE", policy: value },
    update: { policy: value ?? (null as never) },
  });
}
