import db from "../../../db.server";
import { inChunks } from "../chunked";
import { money, type Money } from "../../money";
import type { AdminClient } from "../../shopify/admin-client";
import { quoteVariant } from "../import-list/item-quotes";
import { loadPricingContext } from "../pricing/pricing-context.server";
import { getSourcingSettings, shopCountry } from "../settings.server";
import { adapterFor, isSupplierCode } from "../supplier-connections.server";
import { notifyMappingsChanged, type VariantMappingRow } from "../variant-mappings.server";
import { applyPendingChanges, type ApplyDeps } from "./apply-changes.server";
import { readSupplier } from "./supplier-read.server";
import { effectivePolicy, parsePolicyOverride, type SyncPolicy } from "./sync-policy";
import { planProductStatus, planVariant, type PlannedAlert, type PriceFacts, type SupplierFacts, type VariantPlan } from "./sync-plan";
import { recordAlerts } from "./sync-alerts.server";
import { getSyncSettings } from "./sync-settings.server";

export type SyncTrigger = "schedule" | "manual" | "event" | "webhook" | "reconcile";

export interface SyncScope {
  productGid?: string;
  /** Only these mappings get field changes (an event names its SKUs); their products' status is still judged. */
  mappingIds?: readonly string[];
  /** Facts a supplier pushed with its event (CJ webhooks carry values), used instead of a read. */
  facts?: ReadonlyMap<string, SupplierFacts>;
}

export interface SyncDeps extends ApplyDeps {
  adminFor(shop: string): Promise<AdminClient>;
  onProgress?(p: { done: number; total: number }): Promise<void>;
}

export interface SyncSummary { runId: string; checked: number; unknown: number; changes: number; awaitingApproval: number; applied: number; conflicts: number; calls: number }

/**
 * One sync pass for a shop (or one product, or the SKUs of supplier events): finish what an earlier pass
 * left pending, read the supplier in its batch sizes, plan against what Shopify holds as far as we know,
 * persist the planned changes, then write them. Shopify is not read to find differences.
 */
export async function runSync(shop: string, trigger: SyncTrigger, scope: SyncScope, deps: SyncDeps): Promise<SyncSummary> {
  const run = await db.syncRun.create({ data: { shop, trigger, productGid: scope.productGid ?? null } });
  const summary: SyncSummary = { runId: run.id, checked: 0, unknown: 0, changes: 0, awaitingApproval: 0, applied: 0, conflicts: 0, calls: 0 };
  try {
    const settings = await getSyncSettings(shop);
    const sourcing = await getSourcingSettings(shop);
    const admin = await deps.adminFor(shop);
    const currency = sourcing.pricingRules.currency;
    // A crash after Shopify accepted a write but before we recorded it left rows pending: finish those first.
    const resumed = await applyPendingChanges(shop, admin, currency, deps);
    addApply(summary, resumed);

    const mappings = await loadScope(shop, scope);
    const active = scope.mappingIds ? new Set(scope.mappingIds) : null;
    const targets = active ? mappings.filter((m) => active.has(m.id)) : mappings;
    summary.checked = targets.length;
    await db.syncRun.update({ where: { id: run.id }, data: { total: targets.length } });
    if (targets.length === 0 || !sourcing.stockSync) return await finish(run.id, summary);

    const needsDestination = sourcing.pricingRules.includeShipping || settings.policy.marginFloorPercent !== null;
    const pricing = await loadPricingContext(shop, needsDestination ? await shopCountry(admin).catch(() => null) : null);
    const ctx: ChunkContext = {
      shop, runId: run.id, admin, deps, currency, autoPriceSync: sourcing.autoPriceSync, shopPolicy: settings.policy, priceOf: memoPrice(pricing), pushedFacts: scope.facts,
      locations: new Map((await db.fulfillmentWarehouse.findMany({ where: { shop }, select: { code: true, locationGid: true } })).flatMap((w) => (w.locationGid ? [[w.code, w.locationGid] as const] : []))),
    };
    // A pipeline of whole products, so the first changes reach the store while later SKUs are still being read.
    let done = 0;
    for (const chunk of productChunks(mappings, CHUNK_SKUS)) {
      const chunkTargets = active ? chunk.filter((m) => active.has(m.id)) : chunk;
      if (chunkTargets.length) await syncChunk(ctx, chunk, chunkTargets, summary);
      done += chunkTargets.length;
      await db.syncRun.update({ where: { id: run.id }, data: { done, calls: summary.calls } });
      await deps.onProgress?.({ done, total: targets.length });
    }
    addApply(summary, await applyPendingChanges(shop, admin, currency, deps)); // the last, partial stock batch
    notifyMappingsChanged(shop);
    return await finish(run.id, summary);
  } catch (error) {
    await db.syncRun.update({ where: { id: run.id }, data: { status: "failed", error: (error as Error).message.slice(0, 500), finishedAt: new Date(), calls: summary.calls } });
    throw error;
  }
}

const CHUNK_SKUS = 2_000;

interface ChunkContext {
  shop: string;
  runId: string;
  admin: AdminClient;
  deps: SyncDeps;
  currency: string;
  autoPriceSync: boolean;
  shopPolicy: SyncPolicy;
  priceOf: ReturnType<typeof memoPrice>;
  pushedFacts?: ReadonlyMap<string, SupplierFacts>;
  locations: ReadonlyMap<string, string>;
}

/** Read, plan, persist and write one slice of whole products. */
async function syncChunk(ctx: ChunkContext, mappings: VariantMappingRow[], targets: VariantMappingRow[], summary: SyncSummary): Promise<void> {
  const { shop } = ctx;
  const facts = await supplierFacts(shop, targets, ctx.pushedFacts);
  const now = new Date();
  await recordSupplierFacts(targets, facts, now);
  const productGids = [...new Set(mappings.map((m) => m.productGid))];
  const products = new Map((await inChunks(productGids, (ids) => db.productSyncState.findMany({ where: { shop, productGid: { in: ids } } }))).map((p) => [p.productGid, p]));

  const changes: Array<Parameters<typeof db.syncChange.create>[0]["data"]> = [];
  const alerts: PlannedAlert[] = [];
  const clears: string[] = [];
  const plansByProduct = new Map<string, Array<Pick<VariantPlan, "outOfStock" | "discontinued">>>();
  const firstOf = new Map<string, VariantMappingRow>();
  for (const m of mappings) {
    if (!firstOf.has(m.productGid)) firstOf.set(m.productGid, m);
    const policy = policyFor(ctx.shopPolicy, products.get(m.productGid)?.policy);
    const fresh = facts.get(m.id);
    const own = fresh ?? storedFacts(m);
    const price = own.kind === "ok" && own.cost ? ctx.priceOf(m, own.cost) : null;
    const plan = planVariant(stateOf(m), own, price, { policy, autoPriceSync: ctx.autoPriceSync, locations: ctx.locations, currency: ctx.currency });
    plansByProduct.set(m.productGid, [...(plansByProduct.get(m.productGid) ?? []), plan]);
    if (!fresh) continue; // a sibling: counts for its product's status, never written from stored facts
    alerts.push(...plan.alerts);
    clears.push(...plan.clears);
    for (const c of plan.changes) {
      changes.push({
        shop, runId: ctx.runId, mappingId: m.id, productGid: m.productGid, variantGid: m.variantGid, field: c.field, locationGid: c.locationGid ?? null,
        fromValue: c.from, toValue: c.to, reason: c.reason, status: c.awaitingApproval ? "awaiting_approval" : "pending",
      });
    }
  }
  for (const [productGid, plans] of plansByProduct) {
    const state = products.get(productGid);
    const decision = planProductStatus({ pushedStatus: state?.pushedStatus ?? "ACTIVE", draftedBy: state?.draftedBy ?? null, variants: plans, policy: policyFor(ctx.shopPolicy, state?.policy) });
    const any = firstOf.get(productGid)!;
    if (decision) changes.push({ shop, runId: ctx.runId, mappingId: any.id, productGid, variantGid: any.variantGid, field: "status", fromValue: state?.pushedStatus ?? "ACTIVE", toValue: decision.status, reason: decision.reason, status: "pending" });
  }
  await persistChanges(shop, changes);
  await recordAlerts(shop, alerts, clears, mappings);
  const pending = changes.filter((c) => c.status === "pending").length;
  summary.changes += pending;
  summary.awaitingApproval += changes.length - pending;
  summary.unknown += [...facts.values()].filter((f) => f.kind === "unknown").length;

  addApply(summary, await applyPendingChanges(shop, ctx.admin, ctx.currency, ctx.deps, { fullStockBatchesOnly: true }));
  // Only products something was actually read for count as synced (an unreadable supplier is "unknown").
  const refreshed = new Set(targets.filter((m) => facts.get(m.id)?.kind !== "unknown").map((m) => m.productGid));
  await touchProducts(shop, [...refreshed], now);
}

/** Slices of about `size` SKUs that never split a product (its status depends on all its variants). */
function* productChunks(mappings: VariantMappingRow[], size: number): Generator<VariantMappingRow[]> {
  const byProduct = new Map<string, VariantMappingRow[]>();
  for (const m of mappings) byProduct.set(m.productGid, [...(byProduct.get(m.productGid) ?? []), m]);
  let chunk: VariantMappingRow[] = [];
  for (const group of byProduct.values()) {
    chunk.push(...group);
    if (chunk.length >= size) { yield chunk; chunk = []; }
  }
  if (chunk.length) yield chunk;
}

function addApply(summary: SyncSummary, r: { calls: number; applied: number; conflicts: number }): void {
  summary.calls += r.calls;
  summary.applied += r.applied;
  summary.conflicts += r.conflicts;
}

async function finish(runId: string, s: SyncSummary): Promise<SyncSummary> {
  await db.syncRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date(), done: s.checked, checked: s.checked, changed: s.applied, unknown: s.unknown, calls: s.calls } });
  return s;
}

async function loadScope(shop: string, scope: SyncScope): Promise<VariantMappingRow[]> {
  const base = { shop, inventoryItemGid: { not: null } } as const;
  if (scope.productGid) return db.variantMapping.findMany({ where: { ...base, productGid: scope.productGid }, orderBy: { id: "asc" } });
  if (scope.mappingIds) {
    const named = await inChunks([...scope.mappingIds], (ids) => db.variantMapping.findMany({ where: { ...base, id: { in: ids } }, select: { productGid: true } }));
    const productGids = [...new Set(named.map((m) => m.productGid))];
    return inChunks(productGids, (ids) => db.variantMapping.findMany({ where: { ...base, productGid: { in: ids } }, orderBy: { id: "asc" } }));
  }
  return db.variantMapping.findMany({ where: base, orderBy: { id: "asc" } });
}

async function supplierFacts(shop: string, targets: VariantMappingRow[], pushed: ReadonlyMap<string, SupplierFacts> | undefined): Promise<Map<string, SupplierFacts>> {
  const out = new Map<string, SupplierFacts>();
  const toRead = targets.filter((m) => {
    const given = pushed?.get(m.id);
    if (given) out.set(m.id, given);
    return !given;
  });
  for (const supplier of new Set(toRead.map((m) => m.supplier))) {
    const group = toRead.filter((m) => m.supplier === supplier);
    if (!isSupplierCode(supplier)) { for (const m of group) out.set(m.id, { kind: "unknown", error: "unknown supplier" }); continue; }
    let adapter;
    try { adapter = await adapterFor(shop, supplier); } catch (error) {
      for (const m of group) out.set(m.id, { kind: "unknown", error: (error as Error).message });
      continue;
    }
    const read = await readSupplier(adapter, group.map((m) => ({ key: m.id, supplierSku: m.supplierSku, warehouses: Object.keys((m.stock as Record<string, number> | null) ?? {}) })));
    for (const [k, v] of read) out.set(k, v);
  }
  return out;
}

/** Stores what the supplier said. Unchanged rows are touched in bulk (freshness only); changed ones one by one. */
async function recordSupplierFacts(targets: VariantMappingRow[], facts: Map<string, SupplierFacts>, now: Date): Promise<void> {
  const unchanged: string[] = [];
  const unknown: Array<[string, string]> = [];
  const changed: Array<[VariantMappingRow, SupplierFacts]> = [];
  for (const m of targets) {
    const f = facts.get(m.id)!;
    if (f.kind === "unknown") unknown.push([m.id, f.error]);
    else if (f.kind === "ok" && m.supplierState === "ok" && sameStock(m.stock, f.stock) && (!f.cost || (f.cost.amount === m.costMinor && f.cost.currency === m.costCurrency))) unchanged.push(m.id);
    else changed.push([m, f]);
  }
  // Freshness of unchanged rows: a few statements in one commit per slice.
  const touches = [];
  for (let i = 0; i < unchanged.length; i += 500) touches.push(db.variantMapping.updateMany({ where: { id: { in: unchanged.slice(i, i + 500) } }, data: { supplierReadAt: now, lastSyncedAt: now, syncError: null } }));
  if (touches.length) await db.$transaction(touches);
  // One commit per 200 rows rather than one per row.
  for (let i = 0; i < unknown.length; i += 200) {
    await db.$transaction(unknown.slice(i, i + 200).map(([id, error]) => db.variantMapping.update({ where: { id }, data: { supplierState: "unknown", syncError: error.slice(0, 300) } })));
  }
  const updates = changed.map(([m, f]) => {
    const data = f.kind === "discontinued"
      ? { supplierState: "discontinued", supplierReadAt: now, lastSyncedAt: now, syncError: null }
      : { supplierState: "ok", stock: { ...((m.stock as Record<string, number> | null) ?? {}), ...(f.kind === "ok" ? f.stock : {}) }, costMinor: f.kind === "ok" && f.cost ? f.cost.amount : m.costMinor, costCurrency: f.kind === "ok" && f.cost ? f.cost.currency : m.costCurrency, supplierReadAt: now, lastSyncedAt: now, syncError: null };
    return db.variantMapping.update({ where: { id: m.id }, data });
  });
  for (let i = 0; i < updates.length; i += 200) await db.$transaction(updates.slice(i, i + 200));
}

function sameStock(stored: unknown, fresh: Record<string, number>): boolean {
  const s = (stored as Record<string, number> | null) ?? {};
  return Object.entries(fresh).every(([k, v]) => s[k] === v);
}

/** A sibling's last read, for judging its product's status only. */
function storedFacts(m: VariantMappingRow): SupplierFacts {
  if (m.supplierState === "discontinued") return { kind: "discontinued" };
  if (m.supplierState === "unknown") return { kind: "unknown", error: m.syncError ?? "not read" };
  return { kind: "ok", stock: (m.stock as Record<string, number> | null) ?? {}, cost: null };
}

function stateOf(m: VariantMappingRow) {
  return {
    mappingId: m.id, productGid: m.productGid, variantGid: m.variantGid, inventoryItemGid: m.inventoryItemGid, autoPrice: m.autoPrice,
    pushedPriceMinor: m.pushedPriceMinor, pushedCompareAtMinor: m.pushedCompareAtMinor, pushedStock: (m.pushedStock as Record<string, number> | null) ?? {},
    pushedInventoryPolicy: m.pushedInventoryPolicy, priceLock: m.priceLock, stockLock: m.stockLock,
  };
}

const policyCache = new WeakMap<object, SyncPolicy>();
function policyFor(shop: SyncPolicy, override: unknown): SyncPolicy {
  if (!override || typeof override !== "object") return shop;
  const hit = policyCache.get(override);
  if (hit) return hit;
  const p = effectivePolicy(shop, parsePolicyOverride(override));
  policyCache.set(override, p);
  return p;
}

/** The rules' price for a cost, memoised per run: 100,000 SKUs share a few thousand distinct costs. */
function memoPrice(pricing: Awaited<ReturnType<typeof loadPricingContext>>) {
  const memo = new Map<string, PriceFacts>();
  return (m: VariantMappingRow, cost: Money): PriceFacts => {
    const flags = Object.fromEntries(m.flags.split(",").filter(Boolean).map((f) => [f, true]));
    const key = `${cost.amount}|${cost.currency}|${m.weightGrams ?? ""}|${m.flags}`;
    let hit = memo.get(key);
    if (!hit) {
      const q = quoteVariant(pricing, { supplierVariantId: m.supplierSku, cost: money(cost.amount, cost.currency), weightGrams: m.weightGrams, priceOverride: null }, flags);
      hit = { price: q.price, compareAt: q.compareAt, landed: money(q.cost.amount + (q.shipping?.amount ?? 0), q.price.currency) };
      if (memo.size < 50_000) memo.set(key, hit);
    }
    return hit;
  };
}

/** New changes replace older unwritten ones for the same field (a newer supplier value supersedes). */
async function persistChanges(shop: string, changes: Array<Parameters<typeof db.syncChange.create>[0]["data"]>): Promise<void> {
  if (changes.length === 0) return;
  const mappingIds = [...new Set(changes.map((c) => c.mappingId))];
  await inChunks(mappingIds, async (ids) => [await db.syncChange.updateMany({ where: { shop, mappingId: { in: ids }, status: { in: ["awaiting_approval", "failed"] } }, data: { status: "superseded" } })]);
  for (let i = 0; i < changes.length; i += 500) await db.syncChange.createMany({ data: changes.slice(i, i + 500) });
}

async function touchProducts(shop: string, productGids: string[], now: Date): Promise<void> {
  const existing = new Set((await inChunks(productGids, (ids) => db.productSyncState.findMany({ where: { shop, productGid: { in: ids } }, select: { productGid: true } }))).map((p) => p.productGid));
  const missing = productGids.filter((p) => !existing.has(p));
  for (let i = 0; i < missing.length; i += 500) await db.productSyncState.createMany({ data: missing.slice(i, i + 500).map((productGid) => ({ shop, productGid, pushedStatus: "ACTIVE", lastSyncedAt: now })) });
  await inChunks([...existing], async (ids) => [await db.productSyncState.updateMany({ where: { shop, productGid: { in: ids } }, data: { lastSyncedAt: now } })]);
}
