import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { addToImportList, getImportItem, ImportListError, updateImportItem } from "../import-list/import-list.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { startImport } from "../imports/import-jobs.server";
import { runImportJob } from "../imports/run-import.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

async function importNow(w: SourcingWorld, ids: string[]) {
  await runImportJob(await startImport(w.shop, ids, { mode: "sync" }), w.deps);
}

const RP = "EU Rep GmbH\nHauptstraße 1, 10115 Berlin, DE\nrep@example.eu";
const GTIN = "6291041500213"; // GS1's check-digit example (General Specifications §7.9.1)

describe("compliance data from the import list to Shopify and the mappings", () => {
  it("writes HS code and origin to the inventory item, the barcode to the variant, GPSR text to metafields, and all of it to the mappings", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000001");
    const first = item.variants[0]!;
    await updateImportItem(world.shop, item.id, {
      hsCode: "6109.10.0012", compliance: { originCountry: "vn", customsDescription: "T-shirt (cotton)", gpsrManufacturer: "Shenzhen Maker Ltd, Nanshan, Shenzhen, CN", gpsrResponsiblePerson: RP, gpsrSafetyInfo: "Keep away from fire." },
      barcodes: { [first.supplierVariantId]: ` ${GTIN} ` },
    });
    await importNow(world, [item.id]);

    const [product] = world.products();
    const pushed = product.variants.find((v: { sku: string }) => v.sku === first.sku);
    expect(pushed).toMatchObject({ harmonizedSystemCode: "6109100012", countryCodeOfOrigin: "VN", barcode: GTIN });
    const gpsr = Object.fromEntries(product.metafields.filter((m: { namespace: string }) => m.namespace === "gpsr").map((m: { key: string; value: string }) => [m.key, m.value]));
    expect(gpsr).toEqual({ responsible_person: RP, manufacturer: "Shenzhen Maker Ltd, Nanshan, Shenzhen, CN", safety_information: "Keep away from fire." });
    const mapping = await db.variantMapping.findFirstOrThrow({ where: { shop: world.shop, supplierSku: first.supplierVariantId } });
    expect(mapping).toMatchObject({ hsCode: "6109100012", originCountry: "VN", customsDescription: "T-shirt (cotton)", gpsrResponsiblePerson: RP, barcode: GTIN });
  });

  it.each([
    [{ hsCode: "6109" }, /6 to 10 digits/],
    [{ compliance: { originCountry: "XX" } }, /not an ISO 3166 country code/],
    [{ barcodes: { any: "6291041500214" } }, /check digit/],
  ])("refuses %j and keeps the item as it was", async (edit, message) => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000002");
    const withId = "barcodes" in edit ? { barcodes: { [item.variants[0]!.supplierVariantId]: edit.barcodes!.any } } : edit;
    await expect(updateImportItem(world.shop, item.id, withId)).rejects.toThrow(ImportListError);
    await expect(updateImportItem(world.shop, item.id, withId)).rejects.toThrow(message);
    expect((await getImportItem(world.shop, item.id))!.snapshot).toEqual(item.snapshot);
  });

  it("keeps a field the form did not send, and puts a pushed item's new data on its mappings without a push", async () => {
    world = await startSourcingWorld();
    const item = await addToImportList(world.shop, "sandbox", "SBX000003");
    await importNow(world, [item.id]);
    const before = await db.variantMapping.findMany({ where: { shop: world.shop } });
    expect(before.every((m) => m.gpsrResponsiblePerson === null)).toBe(true);

    await updateImportItem(world.shop, item.id, { compliance: { gpsrResponsiblePerson: RP } });
    const saved = (await getImportItem(world.shop, item.id))!;
    expect(saved.snapshot.hsCode).toBe(item.snapshot.hsCode);
    expect(saved.snapshot.originCountry).toBe(item.snapshot.originCountry);
    const after = await db.variantMapping.findMany({ where: { shop: world.shop } });
    expect(after.length).toBe(before.length);
    expect(after.every((m) => m.gpsrResponsiblePerson === RP && m.hsCode === item.snapshot.hsCode)).toBe(true);
  });
});
