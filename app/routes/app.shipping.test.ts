import { afterAll, describe, expect, it } from "vitest";
import db from "../db.server";
import { buildRateCardCsv } from "../server/shipping/rate-card-fixtures";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import * as settingsPage from "./app.shipping._index";
import * as cardsPage from "./app.shipping.rate-cards";
import * as simulatorPage from "./app.shipping.simulator";

// The settings page reads the checkout customization from Shopify, so every shop here is an emulated, installed one.
const shopify = useShopifyEmulator();
const shops: string[] = [];
async function newShop(label: string): Promise<string> {
  const shop = shopify.createShop({ domain: uniqueShop(label) });
  shops.push(shop);
  await shopify.installApp(shop);
  return shop;
}
const post = (shop: string, path: string, form: Record<string, string>) => routeArgs(adminRequest(shop, path, { form }));

afterAll(async () => {
  await db.shippingRateCard.deleteMany({ where: { shop: { in: shops } } });
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
});

describe("shipping admin pages", () => {
  it("answer an intent that is not one of the page's actions, such as __proto__, with 400", async () => {
    const shop = await newShop("admin-intent");
    for (const intent of ["__proto__", "constructor", "hasOwnProperty", "nope"]) {
      const response = await settingsPage.action(post(shop, "/app/shipping", { intent }));
      expect({ intent, status: response.status }).toEqual({ intent, status: 400 });
    }
  });

  it("reject an uploaded card with its line-numbered errors and keep the previous card", async () => {
    const shop = await newShop("admin-cards");
    const good = await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv() }));
    expect(await good.json()).toEqual({ errors: [], notice: "Saved ACME-LINE (version 1)" });
    const bad = await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv({ extra: "band,US,100,50,1.00,2" }) }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.join("\n")).toMatch(/line 14/);
    const page = await (await cardsPage.loader(routeArgs(adminRequest(shop, "/app/shipping/rate-cards?edit=ACME-LINE")))).json();
    expect(page.cards).toMatchObject([{ code: "ACME-LINE", version: 1, active: true, sample: false }]);
    expect(page.csv).toBe(buildRateCardCsv());
  });

  it("show field errors for invalid merchant rules", async () => {
    const shop = await newShop("admin-settings");
    const { form } = await (await settingsPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json();
    const response = await settingsPage.action(post(shop, "/app/shipping", {
      intent: "save-settings", markupKind: "fixed", markupPercent: "", markupAmount: "", handlingFee: "2.50", handlingFeePer: "order",
      freeShippingThreshold: "", rulesCurrency: "USD", ddpIncludesTaxes: "true", boxLengthMm: "150", boxWidthMm: "100", boxHeightMm: "50",
    }));
    expect(await response.json()).toMatchObject({ ok: false, errors: { markupAmount: "Enter the markup amount" } });
    expect(form.markupKind).toBe("none");
  });

  it("simulate a cart with each service's breakdown and the services that cannot ship it", async () => {
    const shop = await newShop("admin-simulator");
    const response = await simulatorPage.action(post(shop, "/app/shipping/simulator", {
      country: "DE", postalCode: "10115", province: "", currency: "EUR", sku_0: "", quantity_0: "2", grams_0: "400", price_0: "19.99",
      sku_1: "", quantity_1: "1", grams_1: "45000", price_1: "5.00",
    }));
    const result = (await response.json()) as { ok: boolean; quotes: unknown[]; exclusions: Array<{ reason: string }> };
    expect(result.ok).toBe(true);
    expect(result.quotes).toEqual([]);
    expect(result.exclusions.map((e: { reason: string }) => e.reason)).toContain("overweight");
    const light = (await (await simulatorPage.action(post(shop, "/app/shipping/simulator", { country: "DE", postalCode: "10115", province: "", currency: "EUR", grams_0: "400", quantity_0: "2", price_0: "19.99" }))).json()) as { quotes: Array<{ parcels: Array<{ duties: { rule: string } }> }> };
    const parcel = light.quotes[0]!.parcels[0]!;
    expect(parcel).toMatchObject({ actualGrams: 800, billableGrams: expect.any(Number), base: { text: expect.stringContaining("€") } });
    expect(parcel.duties.rule).toBeTruthy();
  });
});

describe("backup rates at checkout", () => {
  type Customization = { id: string; enabled: boolean; metafield: { jsonValue: { fallbackTitles: string[]; silkrouteCodes: string[] } } | null };
  async function customizations(shop: string): Promise<Customization[]> {
    const body = (await shopify.emulator.graphql(shop, `{ deliveryCustomizations(first: 50) { nodes { id enabled
      metafield(namespace: "$app:silkroute", key: "fallback-rates") { jsonValue } } } }`)) as { data: { deliveryCustomizations: { nodes: Customization[] } } };
    return body.data.deliveryCustomizations.nodes;
  }
  const pageFallback = async (shop: string) => (await (await settingsPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json()).fallback;

  it("turn on once even when submitted twice, with the titles and the shop's rate-card codes", async () => {
    const shop = await newShop("admin-fallback-on");
    expect(await pageFallback(shop)).toEqual({ state: "off", fallbackTitles: [], message: null });
    await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv() }));
    for (let i = 0; i < 2; i++) {
      const response = await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: "International flat rate, Standard\n" }));
      expect(await response.json()).toEqual({ ok: true, errors: {}, notice: "Backup rates: on" });
    }
    const list = await customizations(shop);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ enabled: true, metafield: { jsonValue: { fallbackTitles: ["International flat rate", "Standard"], silkrouteCodes: ["ACME-LINE"] } } });
    expect(await pageFallback(shop)).toEqual({ state: "on", fallbackTitles: ["International flat rate", "Standard"], message: null });
  });

  it("update the titles in the same customization, and turn off by disabling it", async () => {
    const shop = await newShop("admin-fallback-update");
    await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: "Flat" }));
    const [before] = await customizations(shop);
    await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: "Flat\nEconomy" }));
    const [after, ...rest] = await customizations(shop);
    expect(rest).toEqual([]);
    expect(after).toMatchObject({ id: before!.id, enabled: true, metafield: { jsonValue: { fallbackTitles: ["Flat", "Economy"] } } });
    const off = await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-disable" }));
    expect(await off.json()).toEqual({ ok: true, errors: {}, notice: "Backup rates: off" });
    expect((await customizations(shop)).map((c) => [c.id, c.enabled])).toEqual([[before!.id, false]]);
    expect(await pageFallback(shop)).toEqual({ state: "off", fallbackTitles: ["Flat", "Economy"], message: null });
  });

  it("refuse blank or too many titles with a field error and create nothing", async () => {
    const shop = await newShop("admin-fallback-invalid");
    const blank = await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: " , " }));
    expect(blank.status).toBe(422);
    expect(await blank.json()).toMatchObject({ ok: false, errors: { fallbackTitles: expect.stringContaining("at least one") } });
    const many = Array.from({ length: 21 }, (_, i) => `Rate ${i}`).join(",");
    expect(await (await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: many }))).json())
      .toMatchObject({ ok: false, errors: { fallbackTitles: "Enter at most 20 rate names (you entered 21)" } });
    expect(await customizations(shop)).toEqual([]);
  });
});
