import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, publishProduct } from "./test-builders";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const VISIBILITY = `#graphql
query Visibility($id: ID!) { product(id: $id) { publishedAt resourcePublicationsV2(first: 5) { nodes { isPublished publication { catalog { title } } } } } }`;

async function world() {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  const gql = async (q: string, v?: Record<string, unknown>) => (await emulator.graphql(shop, q, v)) as Any;
  const product = (await gql(PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })).data.productSet.product;
  const checkout = () => emulator.controls.quoteCheckout(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 1 }], destination: { country: "DE" } });
  return { emulator, shop, gql, product, checkout };
}

describe("sales channel publications", () => {
  it("lists the shop's channels, Online Store first", async () => {
    const { gql } = await world();
    const res = await gql(`query { publications(first: 5) { nodes { id supportsFuturePublishing catalog { title } } } }`);
    expect(res.data.publications.nodes.map((p: Any) => p.catalog.title)).toEqual(["Online Store", "Point of Sale", "Shop"]);
  });

  it("publishes a product created through the API nowhere, so the storefront and its checkout do not offer it", async () => {
    const { gql, product, emulator, shop, checkout } = await world();
    const res = await gql(VISIBILITY, { id: product.id });
    expect(res.data.product.publishedAt).toBeNull();
    expect(res.data.product.resourcePublicationsV2.nodes.every((n: Any) => !n.isPublished)).toBe(true);
    expect(emulator.controls.storefrontProducts(shop)).toEqual([]);
    await expect(checkout()).rejects.toThrow(/not available on the Online Store/);
  });

  it("shows a product on the storefront once published to the Online Store, and only while it is active", async () => {
    const { gql, product, emulator, shop } = await world();
    await publishProduct(emulator, shop, product.id, ["Online Store", "Shop"]);
    const res = await gql(VISIBILITY, { id: product.id });
    expect(res.data.product.publishedAt).not.toBeNull();
    expect(res.data.product.resourcePublicationsV2.nodes.filter((n: Any) => n.isPublished).map((n: Any) => n.publication.catalog.title)).toEqual(["Online Store", "Shop"]);
    expect(emulator.controls.storefrontProducts(shop).map((p) => p.id)).toEqual([product.id]);
    await gql(PRODUCT_SET, { input: { status: "DRAFT" }, identifier: { id: product.id }, synchronous: true });
    expect(emulator.controls.storefrontProducts(shop)).toEqual([]);
  });

  it("refuses an unknown publication and takes a product off a channel with publishableUnpublish", async () => {
    const { gql, product, emulator, shop } = await world();
    const bad = await gql(`mutation($id: ID!) { publishablePublish(id: $id, input: [{ publicationId: "gid://shopify/Publication/1" }]) { userErrors { field message } } }`, { id: product.id });
    expect(bad.data.publishablePublish.userErrors[0].field).toEqual(["input", "0", "publicationId"]);
    await publishProduct(emulator, shop, product.id);
    const online = (await gql(`query { publications(first: 1) { nodes { id } } }`)).data.publications.nodes[0].id;
    await gql(`mutation($id: ID!, $p: ID!) { publishableUnpublish(id: $id, input: [{ publicationId: $p }]) { userErrors { message } } }`, { id: product.id, p: online });
    expect(emulator.controls.storefrontProducts(shop)).toEqual([]);
  });
});
