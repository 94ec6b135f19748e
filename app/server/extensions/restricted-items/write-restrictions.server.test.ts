import { afterAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { useShopifyEmulator } from "../../../test/emulator";
import { uniqueShop } from "../../../test/webhooks";
import { isBlocked } from "../../../../extensions/silkroute-restricted-items/src/run";
import { writeRestrictionMetafields } from "./write-restrictions.server";

const shopify = useShopifyEmulator();
const shops: string[] = [];
afterAll(async () => { await db.variantMapping.deleteMany({ where: { shop: { in: shops } } }); });

async function shopWithMappedProduct(label: string, flags: string[]) {
  const shop = shopify.createShop({ domain: uniqueShop(label) });
  shops.push(shop);
  const admin = await shopify.adminClient(shop);
  const input = {
    title: "Travel kit", handle: `kit-${label}`,
    productOptions: [{ name: "Style", values: flags.map((_, i) => ({ name: `S${i}` })) }],
    variants: flags.map((_, i) => ({ optionValues: [{ optionName: "Style", name: `S${i}` }], price: "10.00" })),
  };
  const created = (await shopify.emulator.graphql(shop, `mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) {
    product { id variants(first: 10) { nodes { id } } } } }`, { input })) as { data: { productSet: { product: { id: string; variants: { nodes: Array<{ id: string }> } } } } };
  const product = created.data.productSet.product;
  const variants = product.variants.nodes.map((v) => v.id);
  await db.variantMapping.createMany({ data: variants.map((variantGid, i) => ({
    shop, productGid: product.id, variantGid, supplier: "sandbox", supplierProductId: "P", supplierSku: `S${i}`, flags: flags[i]!,
  })) });
  return { shop, admin, variants };
}

async function restrictionOf(shop: string, variantGid: string) {
  const body = (await shopify.emulator.graphql(shop, `query($id: ID!) { productVariant(id: $id) {
    metafield(namespace: "$app:silkroute", key: "restrictions") { jsonValue } } }`, { id: variantGid })) as { data: { productVariant: { metafield: { jsonValue: never } | null } } };
  return body.data.productVariant.metafield?.jsonValue ?? null;
}

describe("writing restriction data for the validation function", () => {
  it("gives every mapped variant its value from the shop's rate cards, and a carried value to unflagged ones", async () => {
    const { shop, admin, variants } = await shopWithMappedProduct("restr-write", ["liquid,battery", "", "magnet"]);
    expect(await writeRestrictionMetafields(shop, admin)).toMatchObject({ variants: 3 });
    const [liquid, plain, magnet] = await Promise.all(variants.map((v) => restrictionOf(shop, v)));
    expect(liquid).toMatchObject({ flags: ["battery", "liquid"] });
    expect(plain).toEqual({ flags: [], default: "carried", exceptions: [] });
    expect(magnet).toMatchObject({ flags: ["magnet"] });
    expect(isBlocked(plain!, "US")).toBe(false);
    // Sample cards: no China line takes liquids; the overseas warehouses' domestic services do (US, EU).
    expect(isBlocked(liquid!, "AU")).toBe(true);
    expect(isBlocked(liquid!, "US")).toBe(false);
  });

  it("ends with the same values when run again, as after a retry", async () => {
    const { shop, admin, variants } = await shopWithMappedProduct("restr-again", ["powder", ""]);
    await writeRestrictionMetafields(shop, admin);
    const first = await Promise.all(variants.map((v) => restrictionOf(shop, v)));
    await writeRestrictionMetafields(shop, admin);
    expect(await Promise.all(variants.map((v) => restrictionOf(shop, v)))).toEqual(first);
  });

  it("writes nothing for another shop's mappings", async () => {
    const a = await shopWithMappedProduct("restr-a", ["battery"]);
    const b = await shopWithMappedProduct("restr-b", ["battery"]);
    await writeRestrictionMetafields(a.shop, a.admin);
    expect(await restrictionOf(b.shop, b.variants[0]!)).toBeNull();
  });
});
