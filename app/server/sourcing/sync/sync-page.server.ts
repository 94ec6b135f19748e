import db from "../../../db.server";
import { alertText } from "./alert-text";
import type { JobQueue } from "../../jobs/types";
import { openAlerts } from "./sync-alerts.server";
import { decideApproval, setProductLock, unlockVariant } from "./sync-controls.server";
import { requestSyncNow } from "./sync-jobs.server";
import { MARGIN_ACTIONS, OUT_OF_STOCK_ACTIONS, SYNC_INTERVAL_MINUTES } from "./sync-policy";
import { getSyncSettings, saveSyncSettings } from "./sync-settings.server";

/** The sync page: schedule and policies, open alerts, changes awaiting approval, the history of runs and changes. */
export async function syncPageData(shop: string) {
  const [settings, alerts, approvals, runs, changes] = await Promise.all([
    getSyncSettings(shop),
    openAlerts(shop, 50),
    db.syncChange.findMany({ where: { shop, status: "awaiting_approval" }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.syncRun.findMany({ where: { shop }, orderBy: { startedAt: "desc" }, take: 20 }),
    db.syncChange.findMany({ where: { shop, status: { in: ["applied", "observed", "failed", "rejected"] } }, orderBy: { createdAt: "desc" }, take: 100 }),
  ]);
  return {
    settings: { intervalMinutes: settings.intervalMinutes, policy: settings.policy, lastScheduledSyncAt: settings.lastScheduledSyncAt?.toISOString() ?? null },
    bounds: SYNC_INTERVAL_MINUTES, outOfStockActions: OUT_OF_STOCK_ACTIONS, marginActions: MARGIN_ACTIONS,
    alerts: { total: alerts.total, rows: alerts.rows.map((a) => ({ id: a.id, kind: a.kind, message: alertText(a.message), productGid: a.productGid, createdAt: a.createdAt.toISOString() })) },
    approvals: approvals.map(changeView),
    runs: runs.map((r) => ({ id: r.id, trigger: r.trigger, status: r.status, checked: r.checked, changed: r.changed, unknown: r.unknown, calls: r.calls, error: r.error, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
    changes: changes.map(changeView),
    // A run marked running for over an hour was cut short (a crash); the next run resumes its pending changes.
    running: runs.filter((r) => r.status === "running" && r.startedAt.getTime() > Date.now() - 3_600_000)
      .map((r) => ({ id: r.id, trigger: r.trigger, total: r.total, done: r.done, calls: r.calls, startedAt: r.startedAt.toISOString() })),
  };
}

function changeView(c: Awaited<ReturnType<typeof db.syncChange.findMany>>[number]) {
  return { id: c.id, field: c.field, productGid: c.productGid, variantGid: c.variantGid, from: c.fromValue, to: c.toValue, reason: c.reason, status: c.status, error: c.error, at: (c.appliedAt ?? c.createdAt).toISOString() };
}

const num = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : Number(v));

/** Every form on the sync and mappings pages: bad input gets a clear message and changes nothing. */
export async function syncPageAction(shop: string, form: Record<string, string>, jobs: JobQueue): Promise<{ ok: boolean; message: string }> {
  switch (form.intent) {
    case "sync-now": {
      await requestSyncNow(jobs, shop, form.productGid || undefined);
      return { ok: true, message: form.productGid ? "Syncing this product now." : "Syncing every mapped product now." };
    }
    case "save-sync-settings": {
      const interval = num(form.intervalMinutes);
      if (interval === null || !Number.isInteger(interval) || interval < SYNC_INTERVAL_MINUTES.min || interval > SYNC_INTERVAL_MINUTES.max) {
        return { ok: false, message: `The schedule must be a whole number of minutes from ${SYNC_INTERVAL_MINUTES.min} to ${SYNC_INTERVAL_MINUTES.max}.` };
      }
      try {
        await saveSyncSettings(shop, {
          intervalMinutes: interval,
          policy: {
            outOfStock: form.outOfStock as never, draftDiscontinued: form.draftDiscontinued === "on" || form.draftDiscontinued === "true",
            bufferUnits: num(form.bufferUnits) ?? 0, bufferPercent: num(form.bufferPercent) ?? 0,
            marginFloorPercent: num(form.marginFloorPercent), marginAction: form.marginAction as never, approvalPercent: num(form.approvalPercent),
          },
        });
      } catch {
        return { ok: false, message: "Check the policy values: buffers and percentages must be numbers in range." };
      }
      return { ok: true, message: "Sync settings saved." };
    }
    case "approve":
    case "reject": {
      const done = await decideApproval(shop, form.changeId ?? "", form.intent === "approve");
      if (!done) return { ok: false, message: "That change was already decided or replaced by a newer one." };
      if (form.intent === "approve") await requestSyncNow(jobs, shop);
      return { ok: true, message: form.intent === "approve" ? "Approved: the new price goes out with the next write." : "Rejected: the price stays." };
    }
    case "lock":
    case "unlock": {
      const field = form.field === "price" ? "price" : form.field === "stock" ? "stock" : null;
      if (!field) return { ok: false, message: "Choose price or stock." };
      if (form.variantGid && form.intent === "unlock") {
        await unlockVariant(shop, form.variantGid, field);
        return { ok: true, message: `Unlocked: sync follows the supplier's ${field} again.` };
      }
      if (!form.productGid) return { ok: false, message: "Which product?" };
      await setProductLock(shop, form.productGid, field, form.intent === "lock");
      return { ok: true, message: form.intent === "lock" ? `Locked: sync leaves this product's ${field} alone.` : `Unlocked: sync follows the supplier's ${field} again.` };
    }
    default:
      return { ok: false, message: `Unknown action "${form.intent}"` };
  }
}

/** Freshness and locks per variant, for the mappings page. */
export async function syncStateForVariants(shop: string, variantGids: string[]) {
  const rows = await db.variantMapping.findMany({
    where: { shop, variantGid: { in: variantGids } },
    select: { variantGid: true, productGid: true, lastSyncedAt: true, lastChangedAt: true, supplierState: true, priceLock: true, stockLock: true },
  });
  const products = await db.productSyncState.findMany({ where: { shop, productGid: { in: [...new Set(rows.map((r) => r.productGid))] } } });
  return {
    variants: new Map(rows.map((r) => [r.variantGid, {
      lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null, lastChangedAt: r.lastChangedAt?.toISOString() ?? null,
      supplierState: r.supplierState, priceLock: r.priceLock, stockLock: r.stockLock,
    }])),
    // A product changed when any of its variants did (a price or stock write), or its own status did.
    products: new Map(products.map((p) => [p.productGid, {
      lastSyncedAt: p.lastSyncedAt?.toISOString() ?? null, status: p.pushedStatus, draftedBy: p.draftedBy,
      lastChangedAt: latest([p.lastChangedAt, ...rows.filter((r) => r.productGid === p.productGid).map((r) => r.lastChangedAt)])?.toISOString() ?? null,
    }])),
  };
}

const latest = (dates: Array<Date | null>): Date | null => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);
