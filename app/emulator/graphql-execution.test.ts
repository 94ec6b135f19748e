import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET } from "./test-builders";

describe("GraphQL execution on the real 2026-10 schema", () => {
  it("rejects an unknown field with Shopify's undefinedField error", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const body = await emulator.graphql(shop, "query { shop { name noSuchField } }");
    expect(body).toEqual({
      errors: [{
        message: "Field 'noSuchField' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 21 }],
        path: ["query", "shop", "noSuchField"],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "noSuchField" },
      }],
    });
  });

  it("reports a missing required argument the way graphql-ruby words it", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const body = (await emulator.graphql(shop, "query GetProduct { product { id } }")) as { errors: { message: string; path: string[] }[] };
    expect(body.errors[0]!.message).toBe("Field 'product' is missing required arguments: id");
    expect(body.errors[0]!.path).toEqual(["query GetProduct", "product"]);
  });

  it("resolves shop fields including the plan, and defaults fields the emulator does not model", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator, { plan: "plus", currencyCode: "EUR" });
    const body = (await emulator.graphql(shop, `{ shop { name myshopifyDomain currencyCode ianaTimezone plan { displayName partnerDevelopment shopifyPlus }
      billingAddress { countryCodeV2 city } checkoutApiSupported taxesIncluded alerts { description } } }`)) as { data: { shop: Record<string, unknown> } };
    expect(body.data.shop).toMatchObject({
      name: "Test Shop", myshopifyDomain: shop, currencyCode: "EUR",
      plan: { displayName: "Shopify Plus", partnerDevelopment: false, shopifyPlus: true },
      billingAddress: { countryCodeV2: "US", city: "Springfield" }, checkoutApiSupported: false, alerts: [],
    });
  });

  it("creates a product with productSet and updates it in place when set again", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const first = (await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(first.data.productSet.userErrors).toEqual([]);
    const again = (await emulator.graphql(shop, PRODUCT_SET, {
      input: buildProductSetInput({ title: "Silk Scarf v2" }), identifier: { handle: "silk-scarf" }, synchronous: true,
    })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(again.data.productSet.product.id).toBe(first.data.productSet.product.id);
    expect(again.data.productSet.product.variants.nodes.map((v: { id: string }) => v.id))
      .toEqual(first.data.productSet.product.variants.nodes.map((v: { id: string }) => v.id));
    const products = emulator.controls.products(shop);
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ title: "Silk Scarf v2", variants: [{ sku: "SCARF-RED", harmonizedSystemCode: "621410", countryCodeOfOrigin: "CN" }, { sku: "SCARF-BLUE" }] });
  });

  it("runs productSet asynchronously and lets the caller poll productOperation", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const started = (await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: false })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const operationId = started.data.productSet.productSetOperation.id;
    expect(started.data.productSet.productSetOperation.status).toBe("CREATED");
    expect(started.data.productSet.product).toBeNull();
    await emulator.controls.settle();
    const polled = (await emulator.graphql(shop, `query($id: ID!) { productOperation(id: $id) { status product { handle } ... on ProductSetOperation { userErrors { message } } } }`, { id: operationId })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(polled.data.productOperation).toEqual({ status: "COMPLETE", product: { handle: "silk-scarf" }, userErrors: [] });
  });

  it("finds products and variants with Shopify search syntax", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true });
    await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput({ title: "Tea Set", handle: "tea-set", tags: ["ceramic"], variants: undefined, productOptions: undefined }), synchronous: true });
    const q = async (query: string) => ((await emulator.graphql(shop, `query($q: String) { products(first: 10, query: $q) { nodes { handle } } }`, { q: query })) as any).data.products.nodes.map((n: { handle: string }) => n.handle); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await q("sku:SCARF-BLUE")).toEqual(["silk-scarf"]);
    expect(await q("tag:ceramic")).toEqual(["tea-set"]);
    expect(await q("handle:tea-set OR handle:silk-scarf")).toEqual(["silk-scarf", "tea-set"]);
    expect(await q("title:'Tea Set'")).toEqual(["tea-set"]);
    const variants = (await emulator.graphql(shop, `{ productVariants(first: 5, query: "sku:SCARF-RED") { nodes { sku product { handle } } } }`)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(variants.data.productVariants.nodes).toEqual([{ sku: "SCARF-RED", product: { handle: "silk-scarf" } }]);
  });
});
