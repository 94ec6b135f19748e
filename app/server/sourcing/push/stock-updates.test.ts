import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList } from "../import-list/import-list.server";
import { startImport } from "../imports/import-jobs.server";
import { runImportJob } from "../imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { applyStockUpdates, stockUpdateKey } from "./stock-updates.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

const update = { inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/1", quantity: 7, changeFromQuantity: 3 };

describe("idempotency keys of stock writes", () => {
  it("derives the same key for the same operation and change, and a new one when either differs", () => {
    const key = stockUpdateKey("import-job:j1:item:i1", "correction", [update]);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stockUpdateKey("import-job:j1:item:i1", "correction", [{ ...update }])).toBe(key);
    expect(stockUpdateKey("import-job:j2:item:i1", "correction", [update])).not.toBe(key);
    expect(stockUpdateKey("import-job:j1:item:i1", "correction", [{ ...update, changeFromQuantity: 4 }])).not.toBe(key);
  });

  it("a retried stock write for the same operation is replayed by Shopify, never applied twice", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000021");
    await runImportJob(await startImport(world.shop, [item.id], { mode: "sync" }), world.deps);
    const mapping = await db.variantMapping.findFirstOrThrow({ where: { shop: world.shop } });
    const product = world.products()[0];
    const variant = product.variants.find((v: { sku: string }) => v.sku === mapping.shopifySku);
    const [locationId, current] = Object.entries(variant.available as Record<string, number>)[0]!;
    const write = [{ inventoryItemId: mapping.inventoryItemGid!, locationId, quantity: current + 5, changeFromQuantity: current }];
    const before = world.emulator.controls.events(world.shop, "inventory_levels/update").length;

    expect(await applyStockUpdates(world.admin, write, "correction", "sync-run:r1")).toBe(1);
    // The worker died before recording success and runs the same persisted operation again.
    expect(await applyStockUpdates(world.admin, write, "correction", "sync-run:r1")).toBe(1);

    expect(world.products()[0].variants.find((v: { sku: string }) => v.sku === mapping.shopifySku).available[locationId]).toBe(current + 5);
    expect(world.emulator.controls.events(world.shop, "inventory_levels/update").length - before).toBe(1);
  });
});
