import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList } from "../../sourcing/import-list/import-list.server";
import { startImport } from "../../sourcing/imports/import-jobs.server";
import { runImportJob } from "../../sourcing/imports/run-import.server";
import { startSourcingWorld, type SourcingWorld } from "../../sourcing/test-support/sourcing-world";
import { useSupplierAdapters } from "../shop-adapters.server";
import { startCj } from "./cj.fixture";

let world: SourcingWorld | undefined;
let cj: Awaited<ReturnType<typeof startCj>> | undefined;
afterEach(async () => { useSupplierAdapters(null); await world?.close(); await cj?.close(); world = cj = undefined; });

describe("importing a CJ product", () => {
  it("stocks each variant at the Silkroute location of the CJ warehouse it ships from (CN → Silkroute Shenzhen)", async () => {
    world = await startSourcingWorld();
    cj = await startCj();
    const adapter = cj.adapter;
    useSupplierAdapters(async (_shop, supplier) => { if (supplier !== "cj") throw new Error("only CJ here"); return adapter; });
    const { product } = cj.variantIn("CN");
    const item = await addToImportList(world.shop, "cj", product.pid);
    expect(item.variants.every((v) => v.stock.CN === cj!.emulator.catalog.variant(v.supplierVariantId)!.variant.stock.CN)).toBe(true);
    const jobId = await startImport(world.shop, [item.id], { mode: "sync" });
    await runImportJob(jobId, world.deps);

    const shenzhen = (await db.fulfillmentWarehouse.findUnique({ where: { shop_code: { shop: world.shop, code: "CN-SZ" } } }))!.locationGid;
    const [pushed] = world.products();
    for (const v of item.variants) {
      const onShopify = pushed.variants.find((x: { sku: string }) => x.sku === v.sku);
      expect(onShopify.available).toEqual({ [shenzhen]: v.stock.CN });
    }
    const mapping = await db.variantMapping.findFirst({ where: { shop: world.shop } });
    expect(mapping).toMatchObject({ supplier: "cj" });
  });
});
