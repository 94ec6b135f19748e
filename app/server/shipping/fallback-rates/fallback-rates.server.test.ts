import { afterAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { useShopifyEmulator } from "../../../test/emulator";
import { uniqueShop } from "../../../test/webhooks";
import { listRateCards } from "../rate-cards.server";
import { disableFallbackRates, enableFallbackRates, fallbackRatesStatus } from "./fallback-rates.server";

const shopify = useShopifyEmulator();
const shops: string[] = [];
afterAll(async () => { await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } }); });

async function installed(label: string) {
  const shop = shopify.createShop({ domain: uniqueShop(label) });
  shops.push(shop);
  return { shop, admin: await shopify.adminClient(shop) };
}

type Customization = { id: string; enabled: boolean; functionId: string; metafield: { jsonValue: unknown } | null };
async function customizations(shop: string): Promise<Customization[]> {
  const body = (await shopify.emulator.graphql(shop, `{ deliveryCustomizations(first: 50) { nodes { id enabled functionId
    metafield(namespace: "$app:silkroute", key: "fallback-rates") { jsonValue } } } }`)) as { data: { deliveryCustomizations: { nodes: Customization[] } } };
  return body.data.deliveryCustomizations.nodes;
}

describe("fallback rates customization", () => {
  it("reports off before anything is created", async () => {
    const { shop, admin } = await installed("fallback-status");
    expect(await fallbackRatesStatus(shop, admin)).toEqual({ state: "off", customizationId: null, fallbackTitles: [], message: null });
  });

  it("creates one enabled customization with the titles and the shop's rate-card codes, and reuses it when enabled again", async () => {
    const { shop, admin } = await installed("fallback-enable");
    const first = await enableFallbackRates(shop, admin, { fallbackTitles: "International flat rate\nEconomy" });
    const again = await enableFallbackRates(shop, admin, { fallbackTitles: "International flat rate, Economy" });
    expect(first).toMatchObject({ ok: true, status: { state: "on", fallbackTitles: ["International flat rate", "Economy"] } });
    expect(again).toEqual(first);
    const codes = (await listRateCards(shop)).map((c) => c.code);
    expect(await customizations(shop)).toEqual([{
      id: expect.stringMatching(/DeliveryCustomization/), enabled: true, functionId: expect.any(String),
      metafield: { jsonValue: { fallbackTitles: ["International flat rate", "Economy"], silkrouteCodes: codes } },
    }]);
    expect(await fallbackRatesStatus(shop, admin)).toMatchObject({ state: "on", fallbackTitles: ["International flat rate", "Economy"] });
  });

  it("creates only one customization when two enables race", async () => {
    const { shop, admin } = await installed("fallback-race");
    const results = await Promise.all([enableFallbackRates(shop, admin, { fallbackTitles: "Flat" }), enableFallbackRates(shop, admin, { fallbackTitles: "Flat" })]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await customizations(shop)).toHaveLength(1);
  });

  it("turns off by disabling, keeps the titles, and turns back on in the same customization", async () => {
    const { shop, admin } = await installed("fallback-disable");
    await enableFallbackRates(shop, admin, { fallbackTitles: "Flat" });
    expect(await disableFallbackRates(shop, admin)).toMatchObject({ ok: true, status: { state: "off", fallbackTitles: ["Flat"] } });
    expect((await customizations(shop)).map((c) => c.enabled)).toEqual([false]);
    expect(await fallbackRatesStatus(shop, admin)).toMatchObject({ state: "off", fallbackTitles: ["Flat"] });
    await enableFallbackRates(shop, admin, { fallbackTitles: "Flat" });
    expect((await customizations(shop)).map((c) => c.enabled)).toEqual([true]);
  });

  it("refuses bad titles without calling Shopify", async () => {
    const { shop, admin } = await installed("fallback-invalid");
    const before = shopify.requests.length;
    expect(await enableFallbackRates(shop, admin, { fallbackTitles: " ,\n" })).toEqual({ ok: false, errors: { fallbackTitles: { key: "messages:fallback.noTitles" } } });
    expect(shopify.requests.length).toBe(before);
    expect(await customizations(shop)).toEqual([]);
  });

  it("reports unavailable instead of failing the page when Shopify refuses the request", async () => {
    const { shop, admin } = await installed("fallback-unavailable");
    shopify.emulator.controls.uninstallApp(shop);
    expect(await fallbackRatesStatus(shop, admin)).toMatchObject({ state: "unavailable", message: { key: "messages:fallback.unreadable" } });
  });
});
