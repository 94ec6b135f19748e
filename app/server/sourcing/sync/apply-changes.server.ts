import { createHash } from "node:crypto";
import db from "../../../db.server";
import { inChunks } from "../chunked";
import { parseDecimal } from "../../money";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import type { ProductStatus } from "../../../types/admin.types";
import { BULK_VARIANTS_MIN_PRODUCTS, updateVariantsInBulk, type BulkVariantsOptions } from "./bulk-variants.server";
import { SYNC_INVENTORY_LEVELS, SYNC_INVENTORY_SET, SYNC_PRODUCT_STATUS, SYNC_VARIANTS_UPDATE } from "./sync-operations";

const STOCK_BATCH = 250; // inventorySetQuantities' input cap

export interface ApplyDeps {
  /** Tests: runs right after Shopify accepted a write and before we record it (where a crash hurts most). */
  afterWrite?: (what: "stock" | "variants" | "status") => Promise<void>;
  /** From how many products with variant changes one bulk mutation is used (default BULK_VARIANTS_MIN_PRODUCTS). */
  bulkVariantsFromProducts?: number;
  bulk?: BulkVariantsOptions;
}

export interface ApplyResult { calls: number; applied: number; conflicts: number; failed: number }

type ChangeRow = Awaited<ReturnType<typeof db.syncChange.findMany>>[number];

/** The key Shopify dedupes a write on: derived from the persisted change ids, so a resumed batch sends the same key. */
export function idempotencyKey(kind: string, ids: readonly string[]): string {
  return `silkroute-sync-${kind}-${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 40)}`;
}

/**
 * Writes every pending change of a shop: stock by compare-and-swap in batches of 250, variant fields with
 * one productVariantsBulkUpdate per product (one bulk mutation for thousands of products), status with one productUpdate per product. Each change is
 * marked applied (and the mapping's "pushed" state moved) only after Shopify accepted it, so a crash in
 * between resumes with the same change ids, the same idempotency key and the same compare values.
 */
export async function applyPendingChanges(shop: string, admin: AdminClient, currency: string, deps: ApplyDeps = {}, options: { fullStockBatchesOnly?: boolean } = {}): Promise<ApplyResult> {
  const result: ApplyResult = { calls: 0, applied: 0, conflicts: 0, failed: 0 };
  const pending = await db.syncChange.findMany({ where: { shop, status: "pending" }, orderBy: { id: "asc" } });
  if (pending.length === 0) return result;
  const mappings = new Map((await inChunks(pending.map((c) => c.mappingId), (ids) => db.variantMapping.findMany({ where: { id: { in: ids } }, select: { id: true, inventoryItemGid: true, pushedStock: true } }))).map((m) => [m.id, m]));
  const stock = pending.filter((c) => c.field === "stock");
  // Mid-pipeline, stock waits until it fills a whole batch of 250: the call count stays at the minimum.
  await applyStock(admin, options.fullStockBatchesOnly ? stock.slice(0, stock.length - (stock.length % STOCK_BATCH)) : stock, mappings, result, deps);
  await applyVariantFields(admin, pending.filter((c) => c.field === "price" || c.field === "compare_at" || c.field === "inventory_policy"), currency, result, deps);
  await applyStatus(admin, shop, pending.filter((c) => c.field === "status"), result, deps);
  return result;
}

async function applyStock(admin: AdminClient, changes: ChangeRow[], mappings: Map<string, { inventoryItemGid: string | null }>, result: ApplyResult, deps: ApplyDeps): Promise<void> {
  for (let start = 0; start < changes.length; start += STOCK_BATCH) {
    let batch = changes.slice(start, start + STOCK_BATCH).filter((c) => mappings.get(c.mappingId)?.inventoryItemGid && c.locationGid);
    let from = new Map(batch.map((c) => [c.id, c.fromValue === null ? null : Number(c.fromValue)]));
    for (let attempt = 1; batch.length > 0; attempt++) {
      const ids = batch.map((c) => c.id);
      try {
        result.calls++;
        await admin.request(SYNC_INVENTORY_SET, {
          idempotencyKey: idempotencyKey(attempt === 1 ? "stock" : `stock-retry${attempt}`, ids),
          input: {
            name: "available", reason: "correction", referenceDocumentUri: "silkroute://sourcing/sync",
            quantities: batch.map((c) => ({ inventoryItemId: mappings.get(c.mappingId)!.inventoryItemGid!, locationId: c.locationGid!, quantity: Number(c.toValue), changeFromQuantity: from.get(c.id) ?? null })),
          },
        });
        await deps.afterWrite?.("stock");
        await markStockApplied(batch);
        result.applied += batch.length;
        break;
      } catch (error) {
        const stale = staleIndexes(error);
        if (!stale) throw error;
        // Someone moved the stock since we last saw it (a sale, the merchant): re-read those items, retry once.
        const staleRows = batch.filter((_, i) => stale.has(i));
        const current = await readAvailable(admin, staleRows.map((c) => mappings.get(c.mappingId)!.inventoryItemGid!), result);
        const settled: ChangeRow[] = [];
        for (const c of staleRows) {
          const now = current.get(`${mappings.get(c.mappingId)!.inventoryItemGid}|${c.locationGid}`) ?? null;
          if (now === Number(c.toValue)) settled.push(c); // already there (our own earlier write, or chance)
          from = new Map(from).set(c.id, now);
        }
        await markStockApplied(settled);
        result.applied += settled.length;
        batch = batch.filter((c) => !settled.includes(c));
        if (attempt >= 2) {
          const still = batch.filter((c) => staleRows.includes(c));
          await db.syncChange.updateMany({ where: { id: { in: still.map((c) => c.id) } }, data: { status: "failed", error: "Shopify's stock kept changing under us; the next sync tries again." } });
          result.conflicts += still.length;
          batch = batch.filter((c) => !still.includes(c));
          if (attempt >= 3) break;
        }
      }
    }
  }
}

function staleIndexes(error: unknown): Set<number> | null {
  if (!(error instanceof AdminUserErrors) || !error.hasCode("CHANGE_FROM_QUANTITY_STALE")) return null;
  const out = new Set<number>();
  for (const e of error.userErrors) {
    const i = Number(e.field?.[2]);
    if (e.code === "CHANGE_FROM_QUANTITY_STALE" && Number.isInteger(i)) out.add(i);
  }
  return out;
}

async function readAvailable(admin: AdminClient, itemIds: string[], result: ApplyResult): Promise<Map<string, number>> {
  const current = new Map<string, number>();
  const ids = [...new Set(itemIds)];
  for (let i = 0; i < ids.length; i += 50) {
    result.calls++;
    const { nodes } = await admin.request(SYNC_INVENTORY_LEVELS, { ids: ids.slice(i, i + 50) });
    for (const node of nodes) {
      if (!node || !("inventoryLevels" in node)) continue;
      for (const level of node.inventoryLevels.nodes) current.set(`${node.id}|${level.location.id}`, level.quantities.find((q) => q.name === "available")?.quantity ?? 0);
    }
  }
  return current;
}

async function markStockApplied(changes: readonly ChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  const now = new Date();
  const byMapping = new Map<string, ChangeRow[]>();
  for (const c of changes) byMapping.set(c.mappingId, [...(byMapping.get(c.mappingId) ?? []), c]);
  const rows = await db.variantMapping.findMany({ where: { id: { in: [...byMapping.keys()] } }, select: { id: true, pushedStock: true } });
  await db.$transaction([
    db.syncChange.updateMany({ where: { id: { in: changes.map((c) => c.id) } }, data: { status: "applied", appliedAt: now } }),
    ...rows.map((m) => {
      const stock = { ...((m.pushedStock as Record<string, number> | null) ?? {}) };
      for (const c of byMapping.get(m.id)!) stock[c.locationGid!] = Number(c.toValue);
      return db.variantMapping.update({ where: { id: m.id }, data: { pushedStock: stock, lastChangedAt: now } });
    }),
  ]);
}

async function applyVariantFields(admin: AdminClient, changes: ChangeRow[], currency: string, result: ApplyResult, deps: ApplyDeps): Promise<void> {
  const byProduct = new Map<string, ChangeRow[]>();
  for (const c of changes) byProduct.set(c.productGid, [...(byProduct.get(c.productGid) ?? []), c]);
  const updates = [...byProduct].map(([productId, list]) => ({ productId, list, variants: variantInputs(list) }));
  // A very large change set (thousands of products) goes out as one bulk mutation instead of a call per product.
  if (updates.length >= (deps.bulkVariantsFromProducts ?? BULK_VARIANTS_MIN_PRODUCTS)) {
    const bulk = await updateVariantsInBulk(admin, updates, idempotencyKey("variants-bulk", changes.map((c) => c.id)), deps.bulk);
    result.calls += bulk.calls;
    const outcomes = bulk.outcomes;
    if (outcomes) {
      await deps.afterWrite?.("variants");
      for (const [i, u] of updates.entries()) {
        const outcome = outcomes[i];
        if (outcome?.ok) await markVariantsApplied(u.list, currency, result);
        else if (outcome) await markFailed(u.list, outcome.error, result);
        // not in the result: left pending; the next pass sends the same values again (setting a price twice is harmless)
      }
      return;
    }
  }
  for (const { productId, list, variants } of updates) {
    try {
      result.calls++;
      await admin.request(SYNC_VARIANTS_UPDATE, { productId, variants: variants as never });
    } catch (error) {
      if (!(error instanceof AdminUserErrors)) throw error;
      await markFailed(list, error.message, result);
      continue;
    }
    await deps.afterWrite?.("variants");
    await markVariantsApplied(list, currency, result);
  }
}

function variantInputs(list: readonly ChangeRow[]): Record<string, unknown>[] {
  const variants = new Map<string, Record<string, unknown>>();
  for (const c of list) {
    const v = variants.get(c.variantGid) ?? { id: c.variantGid };
    if (c.field === "price") v.price = c.toValue;
    if (c.field === "compare_at") v.compareAtPrice = c.toValue === "" ? null : c.toValue;
    if (c.field === "inventory_policy") v.inventoryPolicy = c.toValue;
    variants.set(c.variantGid, v);
  }
  return [...variants.values()];
}

async function markFailed(list: readonly ChangeRow[], message: string, result: ApplyResult): Promise<void> {
  await db.syncChange.updateMany({ where: { id: { in: list.map((c) => c.id) } }, data: { status: "failed", error: message.slice(0, 500) } });
  result.failed += list.length;
}

async function markVariantsApplied(list: readonly ChangeRow[], currency: string, result: ApplyResult): Promise<void> {
  const now = new Date();
  const perMapping = new Map<string, Record<string, unknown>>();
  for (const c of list) {
    const data = perMapping.get(c.mappingId) ?? { lastChangedAt: now };
    if (c.field === "price") Object.assign(data, { pushedPriceMinor: parseDecimal(c.toValue, currency).amount, pushedCurrency: currency });
    if (c.field === "compare_at") data.pushedCompareAtMinor = c.toValue === "" ? null : parseDecimal(c.toValue, currency).amount;
    if (c.field === "inventory_policy") data.pushedInventoryPolicy = c.toValue;
    perMapping.set(c.mappingId, data);
  }
  await db.$transaction([
    db.syncChange.updateMany({ where: { id: { in: list.map((c) => c.id) } }, data: { status: "applied", appliedAt: now } }),
    ...[...perMapping].map(([id, data]) => db.variantMapping.update({ where: { id }, data })),
  ]);
  result.applied += list.length;
}

async function applyStatus(admin: AdminClient, shop: string, changes: ChangeRow[], result: ApplyResult, deps: ApplyDeps): Promise<void> {
  for (const c of changes) {
    try {
      result.calls++;
      await admin.request(SYNC_PRODUCT_STATUS, { product: { id: c.productGid, status: c.toValue as ProductStatus } });
    } catch (error) {
      if (!(error instanceof AdminUserErrors)) throw error;
      await db.syncChange.update({ where: { id: c.id }, data: { status: "failed", error: error.message.slice(0, 500) } });
      result.failed++;
      continue;
    }
    await deps.afterWrite?.("status");
    const now = new Date();
    const draftedBy = c.toValue === "DRAFT" ? (c.reason.startsWith("discontinued") ? "discontinued" : "out_of_stock") : null;
    await db.$transaction([
      db.syncChange.update({ where: { id: c.id }, data: { status: "applied", appliedAt: now } }),
      db.productSyncState.upsert({
        where: { shop_productGid: { shop, productGid: c.productGid } },
        create: { shop, productGid: c.productGid, pushedStatus: c.toValue, draftedBy, lastChangedAt: now },
        update: { pushedStatus: c.toValue, draftedBy, lastChangedAt: now },
      }),
    ]);
    result.applied++;
  }
}
