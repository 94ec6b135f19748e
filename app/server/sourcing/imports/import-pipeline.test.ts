import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList, updateImportItem } from "../import-list/import-list.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { importJobStatus, startImport } from "./import-jobs.server";
import { runImportJob } from "./run-import.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

async function importNow(w: SourcingWorld, ids: string[], signal?: AbortSignal) {
  const jobId = await startImport(w.shop, ids, { mode: "sync" });
  await runImportJob(jobId, { ...w.deps, signal });
  return jobId;
}

describe("pushing the import list to Shopify", () => {
  it("creates one product with variants, prices, stock at our location, cost, customs data and the mapping metafield", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000001");
    const jobId = await importNow(world, [item.id]);

    const [product] = world.products();
    expect(world.products()).toHaveLength(1);
    expect(product).toMatchObject({ title: item.title, handle: item.handle, status: "ACTIVE" });
    expect(product.variants).toHaveLength(item.variants.length);
    const locations = new Map((await db.fulfillmentWarehouse.findMany({ where: { shop: world.shop } })).map((w) => [w.code, w.locationGid]));
    for (const variant of item.variants) {
      const pushed = product.variants.find((v: { sku: string }) => v.sku === variant.sku);
      expect(pushed.price).toMatch(/\.99$/);
      expect(Number(pushed.unitCost.amount)).toBeGreaterThan(0);
      expect(pushed).toMatchObject({ harmonizedSystemCode: item.snapshot.hsCode, countryCodeOfOrigin: "CN", weight: { unit: "GRAMS", value: variant.weightGrams } });
      const expected = Object.fromEntries(Object.entries(variant.stock).filter(([code]) => locations.has(code)).map(([code, q]) => [locations.get(code), q ?? 0]));
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      expect(pushed.available).toEqual(expected);
    }
    const metafield = product.metafields.find((m: { key: string }) => m.key === "supplier_mapping");
    expect(metafield.namespace).toMatch(/^app--\d+--silkroute$/);
    expect(JSON.parse(metafield.value)).toMatchObject({ supplier: "sandbox", supplierProductId: "SBX000001" });
    const mappings = await db.variantMapping.findMany({ where: { shop: world.shop, productGid: product.id } });
    expect(mappings.map((m) => m.supplierSku).sort()).toEqual(item.variants.map((v) => v.supplierVariantId).sort());
    expect(await importJobStatus(world.shop, jobId)).toMatchObject({ status: "completed", done: 1, failed: 0 });
  });

  it("updates the same product on re-push, dropping unkept variants and their mappings, never duplicating", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000002");
    await importNow(world, [item.id]);
    const keep = item.variants.slice(1).map((v) => v.supplierVariantId);
    await updateImportItem(world.shop, item.id, { title: "Renamed by the merchant", keepVariants: keep, prices: { [keep[0]!]: 12_345 } });
    await importNow(world, [item.id]);

    const products = world.products();
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ title: "Renamed by the merchant", handle: item.handle });
    expect(products[0].variants.map((v: { sku: string }) => v.sku).sort()).toEqual(item.variants.slice(1).map((v) => v.sku).sort());
    expect(products[0].variants.find((v: { sku: string }) => v.sku === item.variants[1]!.sku).price).toBe("123.45");
    expect(await db.variantMapping.count({ where: { shop: world.shop } })).toBe(keep.length);
  });

  it("corrects stock of existing variants by compare-and-swap when the supplier's count changed", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000003");
    await importNow(world, [item.id]);
    const variants = item.variants.map((v) => ({ ...v, stock: Object.fromEntries(Object.keys(v.stock).map((code) => [code, 7])) }));
    await db.importItem.update({ where: { id: item.id }, data: { variants } });
    await importNow(world, [item.id]);
    const quantities = world.products()[0].variants.flatMap((v: { available: Record<string, number> }) => Object.values(v.available));
    expect(quantities.length).toBeGreaterThan(0);
    expect(new Set(quantities)).toEqual(new Set([7]));
  });

  it("resumes an import whose worker died after Shopify did the work, without duplicates", async () => {
    world = await startSourcingWorld();
    const items = await Promise.all(["SBX000004", "SBX000005", "SBX000006"].map((id) => addToImportList(world!.shop, "sandbox", id)));
    const jobId = await startImport(world.shop, items.map((i) => i.id), { mode: "sync" });
    // The worker dies right after the second productSet reached Shopify, before we recorded anything.
    const killed = new AbortController();
    const admin = world.admin;
    let productSets = 0;
    const dying = Object.assign(Object.create(admin), {
      request: async (doc: string, vars: unknown) => {
        const result = await admin.request(doc as never, vars as never);
        if (doc.includes("productSet(") && ++productSets === 2) { killed.abort(); throw new Error("worker killed"); }
        return result;
      },
    });
    await expect(runImportJob(jobId, { ...world.deps, adminFor: async () => dying, signal: killed.signal, concurrency: 1 })).rejects.toThrow();
    expect(world.products()).toHaveLength(2);

    await runImportJob(jobId, world.deps); // the job queue hands the job to another worker
    expect(world.products()).toHaveLength(3);
    expect(new Set(world.products().map((p: { handle: string }) => p.handle))).toEqual(new Set(items.map((i) => i.handle)));
    expect(await importJobStatus(world.shop, jobId)).toMatchObject({ status: "completed", done: 3, failed: 0 });
  });

  it("recreates a product the merchant deleted in Shopify instead of failing forever", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000007");
    await importNow(world, [item.id]);
    const gid = world.products()[0].id;
    await world.emulator.graphql(world.shop, `mutation { productDelete(input: { id: "${gid}" }) { deletedProductId } }`);
    await importNow(world, [item.id]);
    expect(world.products()).toHaveLength(1);
    expect(world.products()[0].id).not.toBe(gid);
  });

  it("lists a product Shopify refused with the reason and still imports the others", async () => {
    world = await startSourcingWorld();
    const good = await addToImportList(world.shop, "sandbox", "SBX000008");
    const bad = await addToImportList(world.shop, "sandbox", "SBX000009");
    const clash = bad.variants.map((v) => ({ ...v, options: bad.variants[0]!.options }));
    await db.importItem.update({ where: { id: bad.id }, data: { variants: clash } });
    const jobId = await importNow(world, [good.id, bad.id]);
    const status = await importJobStatus(world.shop, jobId);
    expect(status).toMatchObject({ status: "completed", done: 1, failed: 1 });
    expect(status!.failures[0]).toMatchObject({ importItemId: bad.id, title: bad.title });
    expect(status!.failures[0]!.error).toMatch(/already exists/);
  });

  it("refuses to start a second push of a product that a running job is still pushing", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000010");
    const first = await startImport(world.shop, [item.id], { mode: "sync" });
    await expect(startImport(world.shop, [item.id], { mode: "sync" })).rejects.toThrow(/already being pushed/);
    await runImportJob(first, world.deps);
    await importNow(world, [item.id]);
    expect(world.products()).toHaveLength(1);
  });
});
