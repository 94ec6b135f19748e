import db from "../../../db.server";
import { inChunks } from "../chunked";
import type { VariantMappingRow } from "../variant-mappings.server";
import type { PlannedAlert } from "./sync-plan";
import { alertText } from "./alert-text";

/**
 * Opens the alerts a sync found (one open alert per key, so a breach seen every 15 minutes stays one
 * alert) and resolves those whose cause is gone.
 */
export async function recordAlerts(shop: string, alerts: readonly PlannedAlert[], clears: readonly string[], mappings: readonly VariantMappingRow[]): Promise<void> {
  // Only this slice's variants: a shop with thousands of open alerts does not re-read them all per slice.
  const variantGids = [...new Set(mappings.map((m) => m.variantGid))];
  const open = new Map((await inChunks(variantGids, (gids) => db.syncAlert.findMany({ where: { shop, resolvedAt: null, variantGid: { in: gids } }, select: { key: true, message: true } }))).map((a) => [a.key, a.message]));
  const byVariant = new Map(mappings.map((m) => [m.variantGid, m]));
  const raised = new Set(alerts.map((a) => a.key));
  const fresh = alerts.filter((a) => open.get(a.key) !== a.message);
  const reopen = new Set((await inChunks(fresh.filter((a) => !open.has(a.key)).map((a) => a.key), (keys) => db.syncAlert.findMany({ where: { shop, key: { in: keys } }, select: { key: true } }))).map((r) => r.key));
  const data = (a: PlannedAlert) => {
    const m = byVariant.get(a.key.slice(a.key.indexOf(":") + 1));
    return { kind: a.kind, message: a.message, productGid: m?.productGid ?? null, variantGid: m?.variantGid ?? null };
  };
  const created = fresh.filter((a) => !open.has(a.key) && !reopen.has(a.key));
  for (let i = 0; i < created.length; i += 500) await db.syncAlert.createMany({ data: created.slice(i, i + 500).map((a) => ({ shop, key: a.key, ...data(a) })) });
  const changed = fresh.filter((a) => open.has(a.key) || reopen.has(a.key));
  for (let i = 0; i < changed.length; i += 200) {
    await db.$transaction(changed.slice(i, i + 200).map((a) => db.syncAlert.update({
      where: { shop_key: { shop, key: a.key } },
      data: open.has(a.key) ? { message: a.message } : { ...data(a), createdAt: new Date(), resolvedAt: null },
    })));
  }
  const toClear = clears.filter((k) => open.has(k) && !raised.has(k));
  await inChunks(toClear, async (slice) => [await db.syncAlert.updateMany({ where: { shop, key: { in: slice }, resolvedAt: null }, data: { resolvedAt: new Date() } })]);
}

export async function openAlerts(shop: string, take = 20) {
  const [rows, total] = await Promise.all([
    db.syncAlert.findMany({ where: { shop, resolvedAt: null }, orderBy: { createdAt: "desc" }, take }),
    db.syncAlert.count({ where: { shop, resolvedAt: null } }),
  ]);
  return { rows, total };
}

/** The home page's view: the newest open alerts, most serious kinds first. */
export async function homeSyncAlerts(shop: string) {
  const { rows, total } = await openAlerts(shop, 50);
  const rank: Record<string, number> = { margin_breach: 0, supplier_error: 1, approval_needed: 2, discontinued: 3, out_of_stock: 4 };
  const sorted = [...rows].sort((a, b) => (rank[a.kind] ?? 9) - (rank[b.kind] ?? 9)).slice(0, 6);
  return { total, rows: sorted.map((a) => ({ id: a.id, kind: a.kind, message: alertText(a.message) })) };
}
