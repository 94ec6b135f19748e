import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList } from "../import-list/import-list.server";
import { startImport } from "../imports/import-jobs.server";
import { runImportJob } from "../imports/run-import.server";
import { saveSourcingSettings } from "../settings.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { syncShopStock } from "./stock-sync.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

async function importedProduct(w: SourcingWorld, supplierProductId: string) {
  const item = await addToImportList(w.shop, "sandbox", supplierProductId);
  await runImportJob(await startImport(w.shop, [item.id], { mode: "sync" }), w.deps);
  const locations = new Map((await db.fulfillmentWarehouse.findMany({ where: { shop: w.shop } })).map((x) => [x.code, x.locationGid]));
  return { item, locations, record: w.sandbox.catalog.product(supplierProductId)! };
}

describe("price and stock sync", () => {
  it("pushes the supplier's new stock to our location and writes nothing when run again", async () => {
    world = await startSourcingWorld();
    const { locations, record } = await importedProduct(world, "SBX000021");
    const variant = record.variants[0]!;
    const code = Object.keys(variant.stock).find((c) => locations.has(c))!;
    variant.stock[code] = variant.stock[code] === 4 ? 5 : 4;

    const first = await syncShopStock(world.shop, { adminFor: world.deps.adminFor });
    const pushed = world.products()[0].variants.find((v: { sku: string }) => v.sku === variant.sku);
    expect(pushed.available[locations.get(code)!]).toBe(variant.stock[code]);
    expect(first.stockUpdates).toBe(1);
    const again = await syncShopStock(world.shop, { adminFor: world.deps.adminFor });
    expect(again).toMatchObject({ stockUpdates: 0, priceUpdates: 0, failed: 0 });
  });

  it("leaves prices alone unless the merchant enabled auto-price, then follows the supplier's cost", async () => {
    world = await startSourcingWorld();
    const { record } = await importedProduct(world, "SBX000022");
    const variant = record.variants[0]!;
    const before = world.products()[0].variants.find((v: { sku: string }) => v.sku === variant.sku).price;
    variant.cost_fen *= 3;

    expect((await syncShopStock(world.shop, { adminFor: world.deps.adminFor })).priceUpdates).toBe(0);
    expect(world.products()[0].variants.find((v: { sku: string }) => v.sku === variant.sku).price).toBe(before);
    await saveSourcingSettings(world.shop, { autoPriceSync: true });
    expect((await syncShopStock(world.shop, { adminFor: world.deps.adminFor })).priceUpdates).toBe(1);
    const after = world.products()[0].variants.find((v: { sku: string }) => v.sku === variant.sku).price;
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect((await syncShopStock(world.shop, { adminFor: world.deps.adminFor })).priceUpdates).toBe(0);
    const mapping = await db.variantMapping.findFirstOrThrow({ where: { shop: world.shop, supplierSku: variant.vid } });
    expect(mapping.costMinor).toBe(variant.cost_fen);
  });
});
