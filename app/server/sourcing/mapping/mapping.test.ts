import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { autoMatch, linkVariant, MappingError, setBackupSupplier } from "./mapping.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

/** A merchant's own product in Shopify, created before Silkroute was installed. */
async function existingProduct(w: SourcingWorld, variants: Array<{ sku: string; barcode?: string }>) {
  const input = {
    title: "Merchant's own product", handle: `own-${Math.random().toString(36).slice(2, 8)}`,
    productOptions: [{ name: "Style", values: variants.map((_, i) => ({ name: `S${i}` })) }],
    variants: variants.map((v, i) => ({ optionValues: [{ optionName: "Style", name: `S${i}` }], price: "10.00", sku: v.sku, barcode: v.barcode ?? null })),
  };
  await w.emulator.graphql(w.shop, `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, { input });
  return w.products().at(-1);
}

describe("mapping existing Shopify products to supplier SKUs", () => {
  it("auto-matches variants by SKU and by barcode and leaves a manual mapping alone", async () => {
    world = await startSourcingWorld();
    const supplier = world.sandbox.catalog.product("SBX000011")!;
    const [a, b, c] = supplier.variants;
    const product = await existingProduct(world, [{ sku: a!.sku }, { sku: "MERCHANT-OWN-2", barcode: b!.vid }, { sku: c?.sku ?? "MERCHANT-OWN-3" }]);
    const manualTarget = product.variants[2].id;
    await linkVariant(world.shop, world.admin, { variantGid: manualTarget, supplier: "sandbox", supplierProductId: "SBX000012", supplierVariantId: world.sandbox.catalog.product("SBX000012")!.variants[0]!.vid });

    const result = await autoMatch(world.shop, world.admin, "sandbox", ["SBX000011"]);

    expect(result.matched).toEqual(expect.arrayContaining([
      { variantGid: product.variants[0].id, supplierVariantId: a!.vid, by: "sku" },
      { variantGid: product.variants[1].id, supplierVariantId: b!.vid, by: "barcode" },
    ]));
    const manual = await db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid: manualTarget } } });
    expect(manual).toMatchObject({ source: "manual", supplierProductId: "SBX000012" });
    const auto = await db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid: product.variants[0].id } } });
    expect(auto).toMatchObject({ source: "auto-match", supplierSku: a!.vid, costCurrency: "CNY", hsCode: supplier.hs_code, inventoryItemGid: product.variants[0].inventoryItemId });
  });

  it("reports supplier SKUs nothing in the shop matches", async () => {
    world = await startSourcingWorld();
    const result = await autoMatch(world.shop, world.admin, "sandbox", ["SBX000013"]);
    expect(result.matched).toEqual([]);
    expect(result.unmatched).toEqual(world.sandbox.catalog.product("SBX000013")!.variants.map((v) => v.sku));
  });

  it("keeps a backup supplier per variant and refuses a backup SKU the supplier does not have", async () => {
    world = await startSourcingWorld();
    const product = await existingProduct(world, [{ sku: "OWN-1" }]);
    const variantGid = product.variants[0].id;
    const primary = world.sandbox.catalog.product("SBX000014")!.variants[0]!;
    const backup = world.sandbox.catalog.product("SBX000015")!.variants[0]!;
    await linkVariant(world.shop, world.admin, { variantGid, supplier: "sandbox", supplierProductId: "SBX000014", supplierVariantId: primary.vid });
    await setBackupSupplier(world.shop, variantGid, { supplier: "sandbox", supplierProductId: "SBX000015", supplierVariantId: backup.vid });
    expect(await db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid } } }))
      .toMatchObject({ supplierSku: primary.vid, backupSupplier: "sandbox", backupProductId: "SBX000015", backupSku: backup.vid });
    await expect(setBackupSupplier(world.shop, variantGid, { supplier: "sandbox", supplierProductId: "SBX000015", supplierVariantId: "NOPE" })).rejects.toThrow(MappingError);
  });
});
