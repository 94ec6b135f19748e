import { afterEach, describe, expect, it, vi } from "vitest";
import { alertText } from "./alert-text";
import { http, HttpResponse } from "msw";
import db from "../../../db.server";
import { saveSourcingSettings } from "../settings.server";
import { saveProductPolicy, saveSyncSettings } from "./sync-settings.server";
import { startSyncWorld, type SyncWorld } from "./sync-world.fixture";

let w: SyncWorld | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

const operationsOf = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => /(query|mutation)\s+(\w+)/.exec(String(c[0]))?.slice(1).join(" "));

describe("price and stock sync: change detection", () => {
  it("writes only the supplier's changed stock, without reading Shopify, and writes nothing when run again", async () => {
    w = await startSyncWorld();
    const spy = vi.spyOn(w.world.admin, "request");
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 7 } });

    const first = await w.sync();
    expect((await w.store()).available[w.location]).toBe(7);
    expect(first.applied).toBe(1);
    expect(operationsOf(spy)).toEqual(["mutation silkrouteSyncInventorySet"]);
    const history = await db.syncChange.findMany({ where: { shop: w.shop, field: "stock" } });
    expect(history).toMatchObject([{ fromValue: String(w.mapping.pushedStock && (w.mapping.pushedStock as Record<string, number>)[w.location]), toValue: "7", status: "applied" }]);

    spy.mockClear();
    const again = await w.sync();
    expect(again).toMatchObject({ applied: 0, calls: 0 });
    expect(spy).not.toHaveBeenCalled();
  });

  it("follows a cost rise with the rules' price when auto-price is on, one productVariantsBulkUpdate per product", async () => {
    w = await startSyncWorld();
    await saveSourcingSettings(w.shop, { autoPriceSync: true });
    const before = Number((await w.store()).price);
    const spy = vi.spyOn(w.world.admin, "request");
    for (const m of w.mappings) w.world.sandbox.change(m.supplierSku, { cost_fen: w.world.sandbox.catalog.variant(m.supplierSku)!.variant.cost_fen * 2 });

    await w.sync();
    expect(Number((await w.store()).price)).toBeGreaterThan(before);
    expect(operationsOf(spy)).toEqual(["mutation silkrouteSyncVariantsUpdate"]);
    const mapping = await w.fresh();
    expect(mapping.pushedPriceMinor).toBe(Math.round(Number((await w.store()).price) * 100));
  });

  it("writes the price changes of very many products as one bulk mutation, and fails only the product Shopify refused", async () => {
    w = await startSyncWorld(["SBX000021", "SBX000022", "SBX000023"]);
    await saveSourcingSettings(w.shop, { autoPriceSync: true });
    const products = [...new Set(w.mappings.map((m) => m.productGid))];
    expect(products).toHaveLength(3);
    const before = new Map(await Promise.all(w.mappings.map(async (m) => [m.variantGid, Number((await w!.store(m.variantGid)).price)] as const)));
    for (const m of w.mappings) w.world.sandbox.change(m.supplierSku, { cost_fen: w.world.sandbox.catalog.variant(m.supplierSku)!.variant.cost_fen * 2 });
    // The merchant deletes the third product in Shopify before the sync writes: its line comes back with an error.
    await w.world.emulator.graphql(w.shop, `mutation silkrouteTestDelete($id: ID!) { productDelete(input: { id: $id }) { deletedProductId } }`, { id: products[2] });
    const spy = vi.spyOn(w.world.admin, "request");

    await w.sync("manual", {}, { bulkVariantsFromProducts: 2, bulk: { pollMs: 10 } });
    const ops = operationsOf(spy);
    expect(ops.filter((o) => o !== "query silkrouteSyncReconcileStatus")).toEqual(["mutation silkrouteSourcingStagedUpload", "mutation silkrouteSourcingBulkRun"]);
    expect(ops).not.toContain("mutation silkrouteSyncVariantsUpdate");
    for (const m of w.mappings.filter((x) => x.productGid !== products[2])) {
      const shown = await w.store(m.variantGid);
      expect(Number(shown.price)).toBeGreaterThan(before.get(m.variantGid)!);
      expect((await db.variantMapping.findUniqueOrThrow({ where: { id: m.id } })).pushedPriceMinor).toBe(Math.round(Number(shown.price) * 100));
    }
    const byStatus = await db.syncChange.groupBy({ by: ["productGid", "status"], where: { shop: w.shop, field: "price" }, _count: true });
    expect(byStatus.filter((r) => r.productGid === products[2]).map((r) => r.status)).toEqual(["failed"]);
    expect(byStatus.filter((r) => r.productGid !== products[2]).every((r) => r.status === "applied")).toBe(true);
  });

  it("keeps a supplier that could not be read as unknown: nothing is written, nothing is marked synced", async () => {
    w = await startSyncWorld();
    const before = await w.store();
    const stamped = (await w.fresh()).lastSyncedAt;
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 0 } });
    w.world.msw.use(http.post(`${w.world.sandboxUrl}/v1/stock`, () => HttpResponse.json({ code: "SYSTEM_BUSY", message: "down" }, { status: 503 })));

    const run = await w.sync();
    expect(run.unknown).toBe(w.mappings.length);
    expect((await w.store()).available).toEqual(before.available);
    const mapping = await w.fresh();
    expect(mapping.supplierState).toBe("unknown");
    expect(mapping.lastSyncedAt).toEqual(stamped);
    expect(await db.syncAlert.count({ where: { shop: w.shop, kind: "supplier_error", resolvedAt: null } })).toBeGreaterThan(0);
  });
});

describe("price and stock sync: writes", () => {
  it("a stale compare value (a sale in Shopify we had not heard of) re-reads that item and retries once", async () => {
    w = await startSyncWorld();
    await w.shopifySetsStock(2, false); // sold down in Shopify; the webhook never reached us
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 9 } });
    const spy = vi.spyOn(w.world.admin, "request");

    const run = await w.sync();
    expect((await w.store()).available[w.location]).toBe(9);
    expect(run).toMatchObject({ applied: 1, conflicts: 0 });
    expect(operationsOf(spy)).toEqual(["mutation silkrouteSyncInventorySet", "query silkrouteSyncInventoryLevels", "mutation silkrouteSyncInventorySet"]);
    const keys = spy.mock.calls.filter((c) => String(c[0]).includes("InventorySet")).map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(2); // the retry is a different request, so it carries its own key
  });

  it("sends at most 250 quantities per inventorySetQuantities call", async () => {
    w = await startSyncWorld();
    const seeded = await w.seedMappedVariants(320); // 320 more SKUs, all at 0 in Shopify, in stock at the supplier
    const spy = vi.spyOn(w.world.admin, "request");

    const run = await w.sync();
    const sizes = spy.mock.calls.filter((c) => String(c[0]).includes("InventorySet")).map((c) => (c[1] as { input: { quantities: unknown[] } }).input.quantities.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(250);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(run.applied);
    expect(run.applied).toBeGreaterThan(250); // the fixture really needs more than one batch
    expect(sizes.length).toBe(Math.ceil(run.applied / 250));
    expect(run.applied).toBeLessThanOrEqual(seeded + w.mappings.length);
  });

  it("resumes after a crash between Shopify's answer and our bookkeeping without writing twice", async () => {
    w = await startSyncWorld();
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 11 } });
    const writesBefore = w.inventoryWrites();
    let crashed = false;
    const crashOnce = async () => { if (!crashed) { crashed = true; throw new Error("worker killed"); } };

    await expect(w.sync("schedule", {}, { afterWrite: crashOnce })).rejects.toThrow("worker killed");
    expect(await db.syncChange.count({ where: { shop: w.shop, status: "pending" } })).toBe(1);
    const resumed = await w.sync("schedule");
    expect((await w.store()).available[w.location]).toBe(11);
    expect(w.inventoryWrites() - writesBefore).toBe(1); // Shopify's stock moved exactly once
    expect(resumed.applied).toBe(1);
    expect(await db.syncChange.count({ where: { shop: w.shop, status: "pending" } })).toBe(0);
  });
});

describe("price and stock sync: policies", () => {
  it("out of stock publishes 0 by default, keeps selling when asked, and drafts then re-activates when asked to unpublish", async () => {
    w = await startSyncWorld();
    const all = Object.fromEntries(Object.keys(w.record.variant.stock).map((c) => [c, 0]));
    for (const m of w.mappings) w.world.sandbox.change(m.supplierSku, { stock: Object.fromEntries(Object.keys(w.world.sandbox.catalog.variant(m.supplierSku)!.variant.stock).map((c) => [c, 0])) });
    void all;
    await w.sync();
    expect(await w.store()).toMatchObject({ inventoryPolicy: "DENY", productStatus: "ACTIVE" });
    expect((await w.store()).available[w.location]).toBe(0);

    await saveProductPolicy(w.shop, w.mapping.productGid, { outOfStock: "keep_selling" });
    await w.sync();
    expect((await w.store()).inventoryPolicy).toBe("CONTINUE");

    await saveProductPolicy(w.shop, w.mapping.productGid, { outOfStock: "unpublish" });
    await w.sync();
    expect(await w.store()).toMatchObject({ inventoryPolicy: "DENY", productStatus: "DRAFT" });

    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 5 } });
    await w.sync();
    expect((await w.store()).productStatus).toBe("ACTIVE");
  });

  it("drafts a product the supplier discontinued", async () => {
    w = await startSyncWorld();
    for (const m of w.mappings) w.world.sandbox.change(m.supplierSku, { discontinued: true });
    const { processSupplierEvents } = await import("./supplier-events.server");
    const { pollSandboxFeed, resetSandboxFeedCursor } = await import("./sandbox-feed.server");
    resetSandboxFeedCursor();
    const jobs = { enqueue: vi.fn(async () => "job") } as never;
    await pollSandboxFeed(jobs, w.world.sandboxUrl);
    expect(await db.supplierChangeEvent.count({ where: { shop: w.shop, supplier: "sandbox" } })).toBe(w.mappings.length);
    await processSupplierEvents(w.shop, { adminFor: w.world.deps.adminFor });
    expect(await w.store()).toMatchObject({ productStatus: "DRAFT" });
    expect((await w.store()).available[w.location]).toBe(0);
    expect(await db.syncAlert.count({ where: { shop: w.shop, kind: "discontinued", resolvedAt: null } })).toBe(w.mappings.length);
  });

  it("publishes the supplier's count minus the buffer (units or percent, whichever is more)", async () => {
    w = await startSyncWorld();
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 40 } });
    await saveSyncSettings(w.shop, { policy: { bufferUnits: 3, bufferPercent: 0 } });
    await w.sync();
    expect((await w.store()).available[w.location]).toBe(37);
    await saveSyncSettings(w.shop, { policy: { bufferUnits: 3, bufferPercent: 25 } });
    await w.sync();
    expect((await w.store()).available[w.location]).toBe(30);
  });

  it("keeps the old price and raises an alert when a cost rise breaks the margin floor, or raises the price when the merchant chose that", async () => {
    w = await startSyncWorld();
    const before = (await w.store()).price;
    await saveSyncSettings(w.shop, { policy: { marginFloorPercent: 30, marginAction: "keep_and_alert" } });
    w.world.sandbox.change(w.record.variant.vid, { cost_fen: w.record.variant.cost_fen * 3 });
    await w.sync();
    expect((await w.store()).price).toBe(before);
    const alert = await db.syncAlert.findFirstOrThrow({ where: { shop: w.shop, kind: "margin_breach", resolvedAt: null } });
    expect(alertText(alert.message)).toMatchObject({ key: "common:syncAlert.marginBreach", values: { floor: 30, price: `${before} USD` } });

    await saveSyncSettings(w.shop, { policy: { marginFloorPercent: 30, marginAction: "raise" } });
    await w.sync();
    expect(Number((await w.store()).price)).toBeGreaterThan(Number(before));
    expect(await db.syncAlert.count({ where: { shop: w.shop, kind: "margin_breach", resolvedAt: null } })).toBe(0);
  });

  it("holds a price change larger than the approval threshold until the merchant approves it", async () => {
    w = await startSyncWorld();
    await saveSourcingSettings(w.shop, { autoPriceSync: true });
    await saveSyncSettings(w.shop, { policy: { approvalPercent: 20 } });
    const before = (await w.store()).price;
    w.world.sandbox.change(w.record.variant.vid, { cost_fen: w.record.variant.cost_fen * 2 });
    const run = await w.sync();
    expect(run.awaitingApproval).toBeGreaterThan(0);
    expect((await w.store()).price).toBe(before);
    const change = await db.syncChange.findFirstOrThrow({ where: { shop: w.shop, field: "price", status: "awaiting_approval" } });
    const { decideApproval } = await import("./sync-controls.server");
    expect(await decideApproval(w.shop, change.id, true)).toBe(true);
    await w.sync();
    expect((await w.store()).price).toBe(change.toValue);
    expect(await db.syncAlert.count({ where: { shop: w.shop, kind: "approval_needed", resolvedAt: null } })).toBe(0);
  });
});

describe("price and stock sync: the merchant's edits win", () => {
  it("locks the price when the merchant edits it in Shopify, keeps it through syncs, and follows the rules again once unlocked", async () => {
    w = await startSyncWorld();
    await saveSourcingSettings(w.shop, { autoPriceSync: true });
    expect(await w.merchantSetsPrice("123.45")).toEqual({ locked: 1 });
    expect((await w.fresh()).priceLock).toBe("shopify_edit");
    w.world.sandbox.change(w.record.variant.vid, { cost_fen: w.record.variant.cost_fen + 500 });
    await w.sync();
    expect((await w.store()).price).toBe("123.45");

    const { unlockVariant } = await import("./sync-controls.server");
    await unlockVariant(w.shop, w.mapping.variantGid, "price");
    await w.sync();
    expect((await w.store()).price).not.toBe("123.45");
  });

  it("does not lock on its own price writes when their webhook arrives before the bookkeeping", async () => {
    w = await startSyncWorld();
    await saveSourcingSettings(w.shop, { autoPriceSync: true });
    w.world.sandbox.change(w.record.variant.vid, { cost_fen: w.record.variant.cost_fen * 2 });
    const { reconcileProductUpdate } = await import("./shopify-edits.server");
    const seen: unknown[] = [];
    await w.sync("manual", {}, { afterWrite: async (what) => { if (what === "variants") seen.push(await reconcileProductUpdate(w!.shop, [...w!.world.emulator.core.shops.get(w!.shop)!.events].reverse().find((e) => e.topic === "products/update")!.payload)); } });
    expect(seen).toEqual([{ locked: 0 }]);
    expect((await w.fresh()).priceLock).toBeNull();
  });

  it("locks stock the merchant raised in Shopify, records a sale without locking, and honours a manual lock", async () => {
    w = await startSyncWorld();
    const pushed = ((await w.fresh()).pushedStock as Record<string, number>)[w.location]!;
    expect(await w.shopifySetsStock(Math.max(0, pushed - 1))).toEqual({ locked: false }); // a sale
    expect(((await w.fresh()).pushedStock as Record<string, number>)[w.location]).toBe(Math.max(0, pushed - 1));
    expect(await w.shopifySetsStock(pushed + 50)).toEqual({ locked: true });
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: 3 } });
    await w.sync();
    expect((await w.store()).available[w.location]).toBe(pushed + 50);

    const { setProductLock, unlockVariant } = await import("./sync-controls.server");
    await unlockVariant(w.shop, w.mapping.variantGid, "stock");
    await setProductLock(w.shop, w.mapping.productGid, "stock", true);
    await w.sync();
    expect((await w.store()).available[w.location]).toBe(pushed + 50);
    await setProductLock(w.shop, w.mapping.productGid, "stock", false);
    await w.sync();
    expect((await w.store()).available[w.location]).toBe(3);
  });
});

describe("price and stock sync: supplier events", () => {
  it("applies a supplier's event through the one entry point, once, even when delivered twice", async () => {
    w = await startSyncWorld();
    const { applySupplierChange, processSupplierEvents } = await import("./supplier-events.server");
    const jobs = { enqueue: vi.fn(async () => "job") } as never;
    const event = { eventKey: "cj-evt-1", supplierSku: w.record.variant.vid, occurredAt: new Date(), kind: "changed" as const, stock: { [w.code]: 13 } };
    expect(await applySupplierChange(w.shop, "sandbox", [event], jobs)).toEqual({ accepted: 1, duplicates: 0 });
    expect(await applySupplierChange(w.shop, "sandbox", [event], jobs)).toEqual({ accepted: 0, duplicates: 1 });
    const run = await processSupplierEvents(w.shop, { adminFor: w.world.deps.adminFor });
    expect(run).toMatchObject({ checked: 1, applied: 1 });
    expect((await w.store()).available[w.location]).toBe(13);
    expect(await processSupplierEvents(w.shop, { adminFor: w.world.deps.adminFor })).toBeNull();
  });
});

describe("price and stock sync: webhook order", () => {
  it("ignores a late webhook that describes the store before our latest write", async () => {
    w = await startSyncWorld();
    const { reconcileInventoryLevel } = await import("./shopify-edits.server");
    const pushed = ((await w.fresh()).pushedStock as Record<string, number>)[w.location]!;
    w.world.sandbox.change(w.record.variant.vid, { stock: { [w.code]: pushed + 5 } });
    await new Promise((r) => setTimeout(r, 1_100)); // a whole second later, the payload's precision
    await w.sync();
    const late = { inventory_item_id: Number(w.mapping.inventoryItemGid!.split("/").pop()), location_id: Number(w.location.split("/").pop()), available: pushed + 40, updated_at: new Date(Date.now() - 60_000).toISOString() };
    expect(await reconcileInventoryLevel(w.shop, late)).toEqual({ locked: false });
    expect((await w.fresh()).stockLock).toBeNull();
  });
});
