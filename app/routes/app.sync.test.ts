import { afterEach, describe, expect, it } from "vitest";
import db from "../db.server";
import { startSyncWorld, type SyncWorld } from "../server/sourcing/sync/sync-world.fixture";
import { saveSyncSettings } from "../server/sourcing/sync/sync-settings.server";
import { adminRequest, routeArgs } from "../test/admin-session";
import { actionArgs, signedWebhook } from "../test/webhooks";
import { action, loader } from "./app.sync";
import { loader as mappingsLoader, action as mappingsAction } from "./app.mappings";
import { action as inventoryWebhook } from "./webhooks.inventory_levels.update";

let w: SyncWorld | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response): Promise<any> => response.json();

describe("the price and stock sync page", () => {
  it("shows a margin breach alert and the run in the history, and refuses a schedule outside 5 minutes to a day", async () => {
    w = await startSyncWorld();
    await saveSyncSettings(w.shop, { policy: { marginFloorPercent: 40 } });
    w.world.sandbox.change(w.record.variant.vid, { cost_fen: w.record.variant.cost_fen * 4 });
    await w.sync("schedule");

    const page = await body(await loader(routeArgs(adminRequest(w.shop, "/app/sync"))));
    expect(page.alerts.rows.some((a: { kind: string }) => a.kind === "margin_breach")).toBe(true);
    expect(page.runs[0]).toMatchObject({ trigger: "schedule", status: "done", checked: w.mappings.length });

    const refused = await action(routeArgs(adminRequest(w.shop, "/app/sync", { form: { intent: "save-sync-settings", intervalMinutes: "2", outOfStock: "set_zero", marginAction: "keep_and_alert" } })));
    expect(refused.status).toBe(422);
    expect((await body(refused)).message).toMatch(/from 5 to 1440/);
    const saved = await action(routeArgs(adminRequest(w.shop, "/app/sync", { form: { intent: "save-sync-settings", intervalMinutes: "30", outOfStock: "unpublish", draftDiscontinued: "true", bufferUnits: "2", bufferPercent: "", marginFloorPercent: "25", marginAction: "raise", approvalPercent: "" } })));
    expect(saved.status).toBe(200);
    expect((await body(await loader(routeArgs(adminRequest(w.shop, "/app/sync"))))).settings).toMatchObject({ intervalMinutes: 30, policy: { outOfStock: "unpublish", bufferUnits: 2, marginFloorPercent: 25, marginAction: "raise", approvalPercent: null } });
  });

  it("queues 'Sync now' for one product from the mappings page, which shows last synced and the lock the merchant's Shopify edit set", async () => {
    w = await startSyncWorld();
    const queued = await mappingsAction(routeArgs(adminRequest(w.shop, "/app/mappings", { form: { intent: "sync-now", productGid: w.mapping.productGid } })));
    expect(await body(queued)).toMatchObject({ ok: true });
    expect(await db.job.count({ where: { shop: w.shop, queue: "sourcing.sync" } })).toBe(1);

    // The merchant raises stock in Shopify's admin; Shopify's signed webhook reaches the app's route.
    await w.shopifySetsStock(99_999, false); // more than the supplier ever had here: not a sale
    const payload = [...w.world.emulator.core.shops.get(w.shop)!.events].reverse().find((e) => e.topic === "inventory_levels/update")!.payload;
    expect((await inventoryWebhook(actionArgs(signedWebhook({ topic: "inventory_levels/update", shop: w.shop, payload })))).status).toBe(200);

    const page = await body(await mappingsLoader(routeArgs(adminRequest(w.shop, "/app/mappings"))));
    const variant = page.products.flatMap((p: { variants: unknown[] }) => p.variants).find((v: { id: string }) => v.id === w!.mapping.variantGid);
    expect(variant.sync).toMatchObject({ stockLock: "shopify_edit", supplierState: "ok", lastSyncedAt: expect.any(String) });
    const unlocked = await mappingsAction(routeArgs(adminRequest(w.shop, "/app/mappings", { form: { intent: "unlock", field: "stock", variantGid: w.mapping.variantGid } })));
    expect(await body(unlocked)).toMatchObject({ ok: true });
    expect((await w.fresh()).stockLock).toBeNull();
  });

  it("shows a run in progress with the SKUs read so far, and a finished run no longer", async () => {
    w = await startSyncWorld();
    await w.sync("schedule");
    const finished = await body(await loader(routeArgs(adminRequest(w.shop, "/app/sync"))));
    expect(finished.running).toEqual([]);
    expect(await db.syncRun.findFirst({ where: { shop: w.shop } })).toMatchObject({ status: "done", total: w.mappings.length, done: w.mappings.length });

    await db.syncRun.create({ data: { shop: w.shop, trigger: "manual", total: 5_000, done: 2_000, calls: 7 } });
    await db.syncRun.create({ data: { shop: w.shop, trigger: "schedule", total: 10, startedAt: new Date(Date.now() - 2 * 3_600_000) } }); // cut short by a crash
    const page = await body(await loader(routeArgs(adminRequest(w.shop, "/app/sync"))));
    expect(page.running).toEqual([expect.objectContaining({ trigger: "manual", total: 5_000, done: 2_000, calls: 7 })]);
  });
});
