import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList } from "../import-list/import-list.server";
import { importListView } from "../import-list/import-list-page.server";
import { startImport } from "../imports/import-jobs.server";
import { runImportJob } from "../imports/run-import.server";
import { saveSourcingSettings } from "../settings.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { chosenChannels, salesChannels } from "./sales-channels.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

async function importOne(w: SourcingWorld, supplierProductId: string) {
  const item = await addToImportList(w.shop, "sandbox", supplierProductId);
  await runImportJob(await startImport(w.shop, [item.id], { mode: "sync" }), w.deps);
  return db.importItem.findUniqueOrThrow({ where: { id: item.id } });
}

describe("publishing imported products to sales channels", () => {
  it("publishes to the Online Store by default, so buyers see it, and the import list says where it is visible", async () => {
    world = await startSourcingWorld();
    const item = await importOne(world, "SBX000031");
    expect(world.emulator.controls.storefrontProducts(world.shop).map((p) => p.id)).toEqual([item.productGid]);
    expect(item.publishedTo).toBe("Online Store");
    const view = await importListView(world.shop, null);
    expect(view.items.find((i) => i.id === item.id)?.visibleOn).toEqual(["Online Store"]);
  });

  it("publishes to the channels the merchant chose in sourcing settings instead", async () => {
    world = await startSourcingWorld();
    const shopChannel = (await salesChannels(world.admin)).find((c) => c.title === "Shop")!;
    await saveSourcingSettings(world.shop, { publicationGids: [shopChannel.id] });
    const item = await importOne(world, "SBX000032");
    expect(item.publishedTo).toBe("Shop");
    expect(world.emulator.controls.storefrontProducts(world.shop)).toEqual([]); // not on the Online Store
  });

  it("falls back to the Online Store when no chosen channel still exists", () => {
    const all = [{ id: "a", title: "Online Store" }, { id: "b", title: "Shop" }];
    expect(chosenChannels(all, ["gone"])).toEqual([all[0]]);
    expect(chosenChannels(all, null)).toEqual([all[0]]);
    expect(chosenChannels(all, ["b", "a"])).toEqual(all);
  });
});
