import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { createEmulator, type Emulator, type PlanKey } from "../../../emulator";
import { buildProductSetInput, PRODUCT_SET, publishProduct } from "../../../emulator/test-builders";
import { seedInstalledShop } from "../../../test/admin-session";
import { uniqueShop } from "../../../test/webhooks";
import { AdminClient } from "../../shopify/admin-client";
import { getShippingSettings } from "../settings.server";
import { callbackUrl, deactivateCarrierService, deleteCarrierService, registerCarrierService } from "./registration.server";
import { serveFetchHandler } from "./test-http-server";
import { answerRateRequest } from "./rates.server";
import { turnOnCheckoutRates } from "../checkout-reach/reach.server";

const originalFetch = globalThis.fetch;
let emulator: Emulator;
let app: Awaited<ReturnType<typeof serveFetchHandler>>;
const shops: string[] = [];

beforeAll(async () => {
  // The app answers real HTTP; the emulator's checkout reaches it by the registered callback URL.
  app = await serveFetchHandler((request) => answerRateRequest(request));
  const appOrigin = new URL(callbackUrl()).origin;
  emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: appOrigin, appTomlPath: null,
    fetch: (input, init) => originalFetch(String(input instanceof Request ? input.url : input).replace(appOrigin, app.url), init),
  });
  globalThis.fetch = emulator.shopifyFetch(originalFetch);
});

afterAll(async () => {
  globalThis.fetch = originalFetch;
  await app.close();
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
  await db.checkoutRatesReach.deleteMany({ where: { shop: { in: shops } } });
});

afterEach(() => {
  globalThis.fetch = emulator.shopifyFetch(originalFetch);
});

async function storeOn(plan: PlanKey, extra: { carrierCalculatedShippingAddon?: boolean } = {}) {
  const shop = uniqueShop(`carrier-${plan}`);
  shops.push(shop);
  emulator.controls.createShop({
    domain: shop, name: "Test Shop", plan, currencyCode: "USD", ianaTimezone: "America/New_York",
    address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" }, ...extra,
  });
  const { accessToken } = emulator.controls.installApp(shop);
  await seedInstalledShop(shop, accessToken);
  return { shop, admin: new AdminClient({ shop, accessToken }) };
}

describe("carrier service registration", () => {
  it("creates an active carrier service with our callback on an eligible plan, and reuses it when registering again", async () => {
    const { shop, admin } = await storeOn("advanced");
    const result = await registerCarrierService(shop, admin);
    expect(result).toMatchObject({ status: "active", message: null, gid: expect.stringMatching(/^gid:\/\/shopify\/DeliveryCarrierService\//) });
    const [service] = emulator.controls.shop(shop).carrierServices;
    expect(service).toMatchObject({ callbackUrl: `${process.env.SHOPIFY_APP_URL}/carrier-service/rates`, active: true, supportsServiceDiscovery: true });
    expect((await registerCarrierService(shop, admin)).gid).toBe(result.gid);
    expect(emulator.controls.shop(shop).carrierServices).toHaveLength(1);
  });

  it("explains that a Basic store is not eligible and records it", async () => {
    const { shop, admin } = await storeOn("basic");
    const result = await registerCarrierService(shop, admin);
    expect(result.status).toBe("ineligible");
    expect(result.message).toContain("Carrier Calculated Shipping");
    expect(result.message).toContain("Basic");
    expect((await getShippingSettings(shop)).carrierServiceStatus).toBe("ineligible");
  });

  it("accepts a Basic store with the carrier-calculated shipping add-on, and a development store", async () => {
    for (const store of [await storeOn("basic", { carrierCalculatedShippingAddon: true }), await storeOn("development")]) {
      expect((await registerCarrierService(store.shop, store.admin)).status).toBe("active");
    }
  });

  it("deactivates and deletes the carrier service", async () => {
    const { shop, admin } = await storeOn("plus");
    await registerCarrierService(shop, admin);
    expect((await deactivateCarrierService(shop, admin)).status).toBe("inactive");
    expect(emulator.controls.shop(shop).carrierServices[0]!.active).toBe(false);
    expect(await deleteCarrierService(shop, admin)).toEqual({ status: "unregistered", gid: null, message: null });
    expect(emulator.controls.shop(shop).carrierServices).toHaveLength(0);
  });
});

describe("checkout end to end", () => {
  it("registering alone offers no Silkroute rate on 2026-10; turning rates on then shows Silkroute's services, called over HTTP", async () => {
    const { shop, admin } = await storeOn("advanced");
    await registerCarrierService(shop, admin);
    const created = (await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
    await publishProduct(emulator, shop, created.data.productSet.product.id);
    const variantId = created.data.productSet.product.variants.nodes[0]!.id;
    const checkout = () => emulator.controls.quoteCheckout(shop, { lines: [{ variantId, quantity: 2 }], destination: { country: "DE", postal_code: "10115", city: "Berlin", address1: "Unter den Linden 1" } });
    expect(await checkout()).toMatchObject({ source: "no-zone", rates: [] });
    await turnOnCheckoutRates(shop, admin);
    const quote = await checkout();
    expect(quote).toMatchObject({ source: "carrier", callbackOutcome: 200 });
    const codes = quote.rates.map((r) => r.service_code);
    expect(codes).toEqual(expect.arrayContaining(["SR-CN-DIRECT", "SR-EXPRESS", "SR-POST-ECONOMY"]));
    for (const rate of quote.rates) expect(rate).toMatchObject({ currency: "USD", total_price: expect.stringMatching(/^\d+$/) });
  });
});
