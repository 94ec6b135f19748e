import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, recordingFetch, TEST_API_KEY, TEST_API_SECRET } from "./test-builders";
import { parseTomlSubset } from "./webhooks/toml";

const api = shopifyApi({
  apiKey: TEST_API_KEY, apiSecretKey: TEST_API_SECRET, scopes: [], hostName: "127.0.0.1:3999", hostScheme: "http",
  apiVersion: ApiVersion.October26, isEmbeddedApp: true, logger: { level: LogSeverity.Error },
});

describe("webhooks out", () => {
  it("signs deliveries so @shopify/shopify-api's own validator accepts them", async () => {
    const receiver = recordingFetch();
    const { emulator } = buildEmulator({ fetch: receiver.fetch });
    const shop = buildShop(emulator);
    emulator.controls.installApp(shop);
    emulator.controls.subscribeAppWebhooks(["products/create", "products/update"], "/webhooks/products");
    await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true });
    await emulator.controls.settle();
    const delivery = receiver.requests[0]!;
    expect(delivery.url).toBe("http://127.0.0.1:3999/webhooks/products");
    const result = await api.webhooks.validate({ rawBody: delivery.body, rawRequest: new Request(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body }) });
    // The library normalises the X-Shopify-Topic header "products/create" to the enum spelling.
    expect(result).toMatchObject({ valid: true, topic: "PRODUCTS_CREATE", domain: shop, apiVersion: "2026-10" });
    expect(delivery.headers.get("x-shopify-topic")).toBe("products/create");
    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({ handle: "silk-scarf", admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/Product\/\d+$/) });
    expect(typeof payload.id).toBe("number");
    expect(delivery.headers.get("x-shopify-event-id")).toBeTruthy();
  });

  it("retries a failing endpoint with the same webhook id until it answers 2xx", async () => {
    const receiver = recordingFetch((_req, attempt) => new Response(null, { status: attempt < 3 ? 500 : 200 }));
    const { emulator } = buildEmulator({ fetch: receiver.fetch });
    const shop = buildShop(emulator);
    emulator.controls.installApp(shop);
    emulator.controls.subscribeAppWebhooks(["app/uninstalled"], "/webhooks/app/uninstalled");
    emulator.controls.uninstallApp(shop);
    await emulator.controls.settle();
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers.get("x-shopify-webhook-id"))).size).toBe(1);
    expect(emulator.controls.deliveries({ topic: "app/uninstalled" })[0]).toMatchObject({ state: "delivered", attempts: 3, statuses: [500, 500, 200] });
  });

  it("delivers to subscriptions created through webhookSubscriptionCreate", async () => {
    const receiver = recordingFetch();
    const { emulator } = buildEmulator({ fetch: receiver.fetch });
    const shop = buildShop(emulator);
    emulator.controls.installApp(shop);
    const created = (await emulator.graphql(shop, `mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: {uri: "https://hooks.example.com/orders"}) { webhookSubscription { id topic uri } userErrors { message } } }`)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(created.data.webhookSubscriptionCreate.webhookSubscription).toMatchObject({ topic: "ORDERS_CREATE", uri: "https://hooks.example.com/orders" });
    const product = ((await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any).data.productSet.product; // eslint-disable-line @typescript-eslint/no-explicit-any
    emulator.controls.placeOrder(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 2 }], shippingAddress: { countryCode: "DE", city: "Berlin", zip: "10115" } });
    await emulator.controls.settle();
    const order = receiver.requests.find((r) => r.headers.get("x-shopify-topic") === "orders/create")!;
    expect(order.url).toBe("https://hooks.example.com/orders");
    expect(JSON.parse(order.body)).toMatchObject({ name: "#1001", line_items: [{ sku: "SCARF-RED", quantity: 2 }], shipping_address: { country_code: "DE" } });
  });

  it("reads [[webhooks.subscriptions]] from shopify.app.toml", () => {
    const toml = parseTomlSubset(`client_id = "abc"\n[access_scopes]\nscopes = "read_products,write_products"\n[webhooks]\napi_version = "2026-10"\n\n[[webhooks.subscriptions]]\ntopics = [ "app/uninstalled" ]\nuri = "/webhooks/app/uninstalled"\n\n[[webhooks.subscriptions]]\ntopics = [\n  "orders/create", # new orders\n  "orders/cancelled",\n]\nuri = "/webhooks/orders"\n`);
    expect(toml.webhooks.subscriptions).toEqual([
      { topics: ["app/uninstalled"], uri: "/webhooks/app/uninstalled" },
      { topics: ["orders/create", "orders/cancelled"], uri: "/webhooks/orders" },
    ]);
    expect(toml.access_scopes.scopes).toBe("read_products,write_products");
  });
});
