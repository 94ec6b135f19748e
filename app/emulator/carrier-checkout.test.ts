import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, publishProduct, recordingFetch } from "./test-builders";
import { sign } from "./webhooks/delivery";
import { TEST_API_SECRET } from "./test-builders";
import { offerCarrierInGeneralProfile } from "./delivery-test-builders";

const CREATE = `mutation($input: DeliveryCarrierServiceCreateInput!) { carrierServiceCreate(input: $input) {
  carrierService { id name active callbackUrl } userErrors { field message code } } }`;
const carrierInput = { name: "Silkroute Rates", callbackUrl: "https://app.example.com/carrier/rates", active: true, supportsServiceDiscovery: true };
const BACKUP = [{ service_name: "Standard international", service_code: "BACKUP", total_price: "1500", currency: "USD", description: "Backup rate" }];
const destination = { country: "DE", postal_code: "10115", city: "Berlin", province: null, address1: "Unter den Linden 1" };

async function shopWithCarrier(respond: Parameters<typeof recordingFetch>[0]) {
  const carrier = recordingFetch(respond);
  const { emulator, clock } = buildEmulator({ fetch: carrier.fetch });
  const shop = buildShop(emulator, { plan: "advanced", backupRates: BACKUP });
  emulator.controls.installApp(shop);
  const created = (await emulator.graphql(shop, CREATE, { input: carrierInput })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  await offerCarrierInGeneralProfile(emulator, shop, created.data.carrierServiceCreate.carrierService.id);
  const product = ((await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any).data.productSet.product; // eslint-disable-line @typescript-eslint/no-explicit-any
  await publishProduct(emulator, shop, product.id); // the storefront only sells published products
  const lines = [{ variantId: product.variants.nodes[0].id as string, quantity: 2 }];
  return { emulator, clock, shop, lines, carrier, product };
}

describe("carrier services and the checkout simulator", () => {
  it("refuses carrierServiceCreate on the Basic plan with a user error", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator, { plan: "basic" });
    const res = (await emulator.graphql(shop, CREATE, { input: carrierInput })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(res.data.carrierServiceCreate.carrierService).toBeNull();
    expect(res.data.carrierServiceCreate.userErrors[0]).toMatchObject({ code: "CARRIER_SERVICE_CREATE_FAILED", message: expect.stringContaining("Carrier Calculated Shipping") });
  });

  it("allows carrier services on development stores and on Basic with the add-on", async () => {
    const { emulator } = buildEmulator();
    for (const shop of [buildShop(emulator, { plan: "development" }), buildShop(emulator, { plan: "basic", carrierCalculatedShippingAddon: true })]) {
      const res = (await emulator.graphql(shop, CREATE, { input: carrierInput })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(res.data.carrierServiceCreate.userErrors).toEqual([]);
    }
  });

  it("posts Shopify's signed rate request and returns the app's rates", async () => {
    const rates = [{ service_name: "Silkroute Express", service_code: "SR-EXP", total_price: "2495", currency: "USD", description: "7-12 days" }];
    const { emulator, shop, lines, carrier, product } = await shopWithCarrier(() => Response.json({ rates }));
    const quote = await emulator.controls.quoteCheckout(shop, { lines, destination });
    expect(quote).toMatchObject({ source: "carrier", rates, callbackOutcome: 200 });
    const sent = carrier.requests[0]!;
    expect(sent.url).toBe(carrierInput.callbackUrl);
    expect(sent.headers.get("x-shopify-hmac-sha256")).toBe(sign(TEST_API_SECRET, sent.body));
    expect(sent.headers.get("x-shopify-shop-domain")).toBe(shop);
    const body = JSON.parse(sent.body);
    expect(body.rate).toMatchObject({ currency: "USD", locale: "en", origin: { country: "US", postal_code: "62701" }, destination: { country: "DE", postal_code: "10115" } });
    expect(body.rate.items[0]).toEqual({
      name: "Silk Scarf - Red", sku: "SCARF-RED", quantity: 2, grams: 120, price: 1999, vendor: "Hangzhou Silk Co", requires_shipping: true,
      taxable: true, fulfillment_service: "manual", properties: null,
      product_id: Number(product.id.split("/").pop()), variant_id: Number(product.variants.nodes[0].id.split("/").pop()),
    });
  });

  it("falls back to backup rates on a 500 and remembers the failure for 30 seconds", async () => {
    const { emulator, clock, shop, lines, carrier } = await shopWithCarrier(() => new Response("boom", { status: 500 }));
    expect(await emulator.controls.quoteCheckout(shop, { lines, destination })).toMatchObject({ source: "backup", rates: BACKUP, callbackOutcome: 500 });
    clock.advance(29_000);
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination })).source).toBe("backup");
    expect(carrier.requests).toHaveLength(1);
    clock.advance(2_000);
    await emulator.controls.quoteCheckout(shop, { lines, destination });
    expect(carrier.requests).toHaveLength(2);
  });

  it("serves a cached answer within 15 minutes and asks again after", async () => {
    const { emulator, clock, shop, lines, carrier } = await shopWithCarrier(() => Response.json({ rates: [] }));
    await emulator.controls.quoteCheckout(shop, { lines, destination });
    clock.advance(14 * 60_000);
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination })).source).toBe("cache");
    expect((await emulator.controls.quoteCheckout(shop, { lines: [{ ...lines[0]!, quantity: 3 }], destination })).source).toBe("carrier");
    clock.advance(2 * 60_000);
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination })).source).toBe("carrier");
    expect(carrier.requests).toHaveLength(3);
  });

  it("uses backup rates when the callback does not answer within the read timeout", async () => {
    const hang = recordingFetch((req) => new Promise<Response>(() => void req));
    const { emulator } = buildEmulator({ fetch: hang.fetch, carrierTimeoutMs: 50 });
    const shop = buildShop(emulator, { backupRates: BACKUP });
    const created = (await emulator.graphql(shop, CREATE, { input: carrierInput })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    await offerCarrierInGeneralProfile(emulator, shop, created.data.carrierServiceCreate.carrierService.id);
    const product = ((await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any).data.productSet.product; // eslint-disable-line @typescript-eslint/no-explicit-any
    await publishProduct(emulator, shop, product.id);
    const quote = await emulator.controls.quoteCheckout(shop, { lines: [{ variantId: product.variants.nodes[0].id, quantity: 1 }], destination });
    expect(quote).toMatchObject({ source: "backup", callbackOutcome: "timeout" });
  });
});
