import { warehouseRegistry } from "../../warehouses/registry.server";
import db from "../../../db.server";
import { inChunks } from "../chunked";
import type { Money } from "../../money";
import type { JobQueue } from "../../jobs/types";
import { runSync, type SyncDeps, type SyncSummary } from "./sync-engine.server";
import type { SupplierFacts } from "./sync-plan";

/** Applies a shop's pending supplier events; enqueued as events arrive, so they reach Shopify within a minute. */
export const SUPPLIER_EVENTS_QUEUE = "sourcing.supplier-events";
export interface SupplierEventsPayload { shop: string }

/**
 * One change a supplier told us about, whatever the transport: the sandbox's change feed, CJ's product /
 * stock webhooks, JD's message queue. Values sent with the event are used as a fresh read; an event
 * without values makes sync read that SKU from the supplier.
 */
export interface SupplierChange {
  /** The supplier's own id for the event: a redelivered event is recognised and ignored. */
  eventKey: string;
  supplierSku: string;
  occurredAt: Date;
  kind: "changed" | "discontinued";
  /** Warehouse code → units, for the warehouses the event covers. */
  stock?: Record<string, number>;
  cost?: Money;
}

/**
 * The one entry point for supplier events: persists them (deduplicated by event id) and queues the shop's
 * event sync. Cheap enough to call from a webhook route.
 */
export async function applySupplierChange(shop: string, supplier: string, events: readonly SupplierChange[], jobs: JobQueue, now = Date.now()): Promise<{ accepted: number; duplicates: number }> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const keys = [...new Set(events.map((e) => e.eventKey))];
  const known = new Set((await inChunks(keys, (slice) => db.supplierChangeEvent.findMany({ where: { shop, supplier, eventKey: { in: slice } }, select: { eventKey: true } }))).map((e) => e.eventKey));
  const fresh = new Map<string, SupplierChange>();
  for (const e of events) if (!known.has(e.eventKey)) fresh.set(e.eventKey, e);
  // Events carry the supplier's own warehouse codes; mappings keep stock by registry id (ADR 2000).
  const registry = fresh.size > 0 && [...fresh.values()].some((e) => e.stock) ? await warehouseRegistry() : null;
  const rows = [...fresh.values()].map((e) => ({
    shop, supplier, eventKey: e.eventKey, supplierSku: e.supplierSku, occurredAt: e.occurredAt,
    payload: { kind: e.kind, ...(e.stock ? { stock: registry!.stockToIds(supplier, e.stock) } : {}), ...(e.cost ? { cost: { amount: e.cost.amount, currency: e.cost.currency } } : {}) },
  }));
  for (let i = 0; i < rows.length; i += 500) {
    try {
      await db.supplierChangeEvent.createMany({ data: rows.slice(i, i + 500) });
    } catch {
      // A concurrent delivery of the same events won the race: insert one by one, skipping the duplicates.
      for (const row of rows.slice(i, i + 500)) await db.supplierChangeEvent.create({ data: row }).catch(() => undefined);
    }
  }
  if (rows.length) await jobs.enqueue<SupplierEventsPayload>(SUPPLIER_EVENTS_QUEUE, { shop }, { shop, dedupeKey: `${shop}:events:${Math.floor(now / 5_000)}` });
  return { accepted: rows.length, duplicates: events.length - rows.length };
}

interface StoredPayload { kind: "changed" | "discontinued"; stock?: Record<string, number>; cost?: Money }

/** Runs one event sync over the shop's unapplied events; returns null when there was nothing to do. */
export async function processSupplierEvents(shop: string, deps: SyncDeps, limit = 5_000): Promise<SyncSummary | null> {
  const events = await db.supplierChangeEvent.findMany({ where: { shop, appliedAt: null }, orderBy: { occurredAt: "asc" }, take: limit });
  if (events.length === 0) return null;
  const mappings = await inChunks([...new Set(events.map((e) => e.supplierSku))], (skus) => db.variantMapping.findMany({ where: { shop, supplierSku: { in: skus }, inventoryItemGid: { not: null } }, select: { id: true, supplier: true, supplierSku: true, supplierReadAt: true } }));
  const facts = new Map<string, SupplierFacts>();
  const toRead = new Set<string>();
  for (const e of events) {
    const payload = e.payload as unknown as StoredPayload;
    for (const m of mappings.filter((x) => x.supplier === e.supplier && x.supplierSku === e.supplierSku)) {
      // An event older than our last read of the SKU says nothing new.
      if (m.supplierReadAt && e.occurredAt < m.supplierReadAt) continue;
      if (payload.kind === "discontinued") { facts.set(m.id, { kind: "discontinued" }); toRead.delete(m.id); continue; }
      if (!payload.stock && !payload.cost) { if (!facts.has(m.id)) toRead.add(m.id); continue; }
      const before = facts.get(m.id);
      const stock = { ...(before?.kind === "ok" ? before.stock : {}), ...(payload.stock ?? {}) };
      facts.set(m.id, { kind: "ok", stock, cost: payload.cost ?? (before?.kind === "ok" ? before.cost : null) });
      toRead.delete(m.id);
    }
  }
  const mappingIds = [...facts.keys(), ...toRead];
  const summary = mappingIds.length ? await runSync(shop, "event", { mappingIds, facts }, deps) : null;
  await inChunks(events.map((e) => e.id), async (ids) => [await db.supplierChangeEvent.updateMany({ where: { id: { in: ids } }, data: { appliedAt: new Date() } })]);
  return summary;
}
