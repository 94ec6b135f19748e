import { afterEach, describe, expect, it, vi } from "vitest";
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
