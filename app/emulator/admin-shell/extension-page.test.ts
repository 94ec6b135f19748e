import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PRICES_QUERY } from "../../../extensions/silkroute-product-block/src/view";
import { startWorld, type World } from "../../server/fulfillment/test-world";
import { extensionHostScript, resourcePage, type ResourcePageInput } from "./extension-page";
import { handleShellApi } from "./shell-api";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

const input = (extra: Partial<ResourcePageInput>): ResourcePageInput => ({
  shop: world.shop, kind: "orders", numericId: "1", appName: "Silkroute", appHandle: "silkroute", appOrigin: "http://127.0.0.1:3000", locale: "en", ...extra,
});
const blockConfig = (html: string) => JSON.parse(/window\.__BLOCK__ = (.*);<\/script>/.exec(html)![1]!) as Record<string, string>;

describe("the local admin's order and product pages", () => {
  it("shows an order with its lines and a block slot for the order details target, on the order's id", async () => {
    const placed = await handleShellApi(world.emulator, world.shop, "POST", "orders", () => ({
      lines: [{ variantId: world.variantGid, quantity: 2 }],
      shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE" },
    }));
    const orderGid = (placed.body as { id: string }).id;
    const html = resourcePage(world.emulator, input({ numericId: orderGid.split("/").pop()! }))!;
    expect(html).toContain("Ship to DE");
    expect(html).toMatch(/<li>2 × /);
    expect(blockConfig(html)).toMatchObject({ target: "admin.order-details.block.render", selectedId: orderGid, appOrigin: "http://127.0.0.1:3000", appAdminPath: "/store/" + world.shop.replace(".myshopify.com", "") + "/apps/silkroute" });
  });

  it("shows a product with its variants and a block slot for the product details target, in the admin's language", () => {
    const productGid = world.emulator.controls.products(world.shop)[0]!.id as string;
    const html = resourcePage(world.emulator, input({ kind: "products", numericId: productGid.split("/").pop()!, locale: "zh-CN" }))!;
    expect(blockConfig(html)).toMatchObject({ target: "admin.product-details.block.render", selectedId: productGid, locale: "zh-CN" });
    expect(html).toContain('<html lang="zh-CN">');
    // The online store preview: the theme block for the first variant, asking the emulated storefront's app proxy.
    expect(html).toContain(`data-endpoint="/storefront/${world.shop.replace(".myshopify.com", "")}/apps/silkroute/delivery-estimate"`);
    expect(html).toContain('data-country="DE"');
    expect(html).toContain("data-t-ships-from=\"从{country}发货\"");
  });

  it("has no page for an id the store does not hold, nor for a product id under orders", () => {
    const productId = (world.emulator.controls.products(world.shop)[0]!.id as string).split("/").pop()!;
    expect(resourcePage(world.emulator, input({ numericId: "999999999" }))).toBeNull();
    expect(resourcePage(world.emulator, input({ kind: "orders", numericId: productId }))).toBeNull();
  });

  it("answers the product block's Direct API query for the shop", async () => {
    const productGid = world.emulator.controls.products(world.shop)[0]!.id as string;
    const reply = await handleShellApi(world.emulator, world.shop, "POST", "graphql", () => ({ query: PRICES_QUERY, variables: { id: productGid } }));
    const data = (reply.body as { data: { shop: { currencyCode: string }; product: { variants: { nodes: Array<{ id: string; price: string }> } } } }).data;
    expect(data.shop.currencyCode).toMatch(/^[A-Z]{3}$/);
    expect(data.product.variants.nodes.map((v) => v.id)).toContain(world.variantGid);
  });

  it("bundles the blocks' own view and load code for the browser", async () => {
    const script = await extensionHostScript();
    expect(script).toContain("/api/extensions/order-block?id=");
    expect(script).toContain("/api/extensions/product-block?id=");
    expect(script).toContain("SilkrouteProductBlockPrices");
    expect(script).not.toMatch(/^import /m);
  });
});
