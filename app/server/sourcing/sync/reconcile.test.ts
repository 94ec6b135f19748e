import { afterEach, describe, expect, it, vi } from "vitest";
import db from "../../../db.server";
import { finishReconciliation, startReconciliation } from "./reconcile.server";
import { startSyncWorld, type SyncWorld } from "./sync-world.fixture";

let w: SyncWorld | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

async function reconcile(world: SyncWorld) {
  const gid = await startReconciliation(world.world.admin);
  for (let i = 0; i < 50; i++) {
    const done = await finishReconciliation(world.shop, world.world.admin, gid);
    if (done) return done;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("bulk query never finished");
}

describe("daily reconciliation", () => {
  it("reads the whole store in one bulk query and catches edits whose webhooks never arrived", async () => {
    w = await startSyncWorld();
    await w.shopifySetsStock(99_999, false);                        // a hand edit; the webhook was lost
    const other = w.mappings[1] ?? w.mapping;
    const spy = vi.spyOn(w.world.admin, "request");

    const result = await reconcile(w);
    expect(result).toMatchObject({ variants: w.mappings.length, stockLocks: 1, priceLocks: 0 });
    expect((await w.fresh()).stockLock).toBe("shopify_edit");
    expect((await db.variantMapping.findUniqueOrThrow({ where: { id: other.id } })).stockLock).toBe(other.id === w.mapping.id ? "shopify_edit" : null);
    expect(spy.mock.calls.map((c) => /(?:query|mutation)\s+(\w+)/.exec(String(c[0]))?.[1])).toEqual(["silkrouteSyncReconcileStart", "silkrouteSyncReconcileStatus", ...spy.mock.calls.slice(2).map(() => "silkrouteSyncReconcileStatus")]);
    expect((await db.sourcingSettings.findUniqueOrThrow({ where: { shop: w.shop } })).lastReconciledAt).not.toBeNull();
  });

  it("finds nothing to change in a store that matches what sync pushed", async () => {
    w = await startSyncWorld();
    expect(await reconcile(w)).toMatchObject({ variants: w.mappings.length, stockLocks: 0, priceLocks: 0, recorded: 0 });
  });
});
