import { afterAll, describe, expect, it } from "vitest";
import db from "../db.server";
import { buildRateCardCsv } from "../server/shipping/rate-card-fixtures";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import * as settingsPage from "./app.shipping._index";
import * as cardsPage from "./app.shipping.rate-cards";
import * as dutyRulesPage from "./app.shipping.duty-rules";
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
    expect(await good.json()).toEqual({ problems: [], notice: { key: "shipping-tools:rateCards.saved", values: { code: "ACME-LINE", version: 1 } }, review: null });
    const bad = await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv({ extra: "band,US,100,50,1.00,2" }) }));
    expect(bad.status).toBe(422);
    // The reason travels as a catalog message placed on its line (the page shows it in the merchant's language).
    expect((await bad.json()).problems).toContainEqual({ at: "line", line: 14, detail: { key: "messages:card.bandReversed", values: { from: 100, to: 50 } } });
    const page = await (await cardsPage.loader(routeArgs(adminRequest(shop, "/app/shipping/rate-cards?edit=ACME-LINE")))).json();
    expect(page.cards).toMatchObject([{ code: "ACME-LINE", version: 1, active: true, sample: false }]);
    expect(page.csv).toBe(buildRateCardCsv());
  });

  it("tell a Free shop its DDP services are quoted as DDU and that Growth includes duties", async () => {
    const shop = await newShop("admin-ddp");
    const page = await (await cardsPage.loader(routeArgs(adminRequest(shop, "/app/shipping/rate-cards")))).json();
    const ddp = page.cards.filter((c: { incoterm: string }) => c.incoterm === "DDP").map((c: { code: string }) => c.code);
    expect(ddp.length).toBeGreaterThan(0); // the sample cards the shop starts with include DDP services
    expect(page.ddpNotice).toEqual({ planTitle: "Free", upgradeTo: "Growth", services: ddp });
    expect((await (await settingsPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json()).ddpNotice).toEqual(page.ddpNotice);
  });

  it("show field errors for invalid merchant rules", async () => {
    const shop = await newShop("admin-settings");
    const { form } = await (await settingsPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json();
    const response = await settingsPage.action(post(shop, "/app/shipping", {
      intent: "save-settings", markupKind: "fixed", markupPercent: "", markupAmount: "", handlingFee: "2.50", handlingFeePer: "order",
      freeShippingThreshold: "", rulesCurrency: "USD", ddpIncludesTaxes: "true", boxLengthMm: "150", boxWidthMm: "100", boxHeightMm: "50",
    }));
    expect(await response.json()).toMatchObject({ ok: false, errors: { markupAmount: { key: "messages:settings.markupAmount" } } });
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

describe("landed cost in the admin", () => {
  type FeeView = { id: string; label: string; amount: { minor: number }; source: string; estimate: boolean };
  type DutiesView = { rule: string; ruleSource: string; distinctHsLines: number; fees: { minor: number }; hsLines: Array<{ hs6: string; duty: { minor: number }; fees: { minor: number } }>; feeCharges: FeeView[] };

  it("simulate an EU cart with three HS codes showing each line's duty and each fee with its rule and source", async () => {
    const shop = await newShop("admin-eu-lines");
    const response = await simulatorPage.action(post(shop, "/app/shipping/simulator", {
      country: "FR", postalCode: "75001", province: "", currency: "EUR",
      grams_0: "200", quantity_0: "1", price_0: "40.00", hs_0: "6206.10",
      grams_1: "150", quantity_1: "1", price_1: "20.00", hs_1: "610910",
      grams_2: "300", quantity_2: "2", price_2: "20.00", hs_2: "4202.92",
    }));
    const result = (await response.json()) as { ok: boolean; quotes: Array<{ serviceCode: string; parcels: Array<{ duties: DutiesView }> }> };
    const duties = result.quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!.parcels[0]!.duties;
    expect(duties.distinctHsLines).toBe(3);
    expect(duties.hsLines.map((l) => l.duty.minor)).toEqual([3_00, 3_00, 3_00]);
    expect(duties.ruleSource).toMatch(/regfollower|Council/);
    expect(duties.feeCharges.map((f) => [f.id, f.amount.minor])).toEqual(expect.arrayContaining([["fr-line-fee", 6_00]]));
    for (const fee of duties.feeCharges) expect(fee.source).toMatch(/https:\/\//);
  });

  it("rejects a simulated HS code that is not 4 or 6–10 digits", async () => {
    const shop = await newShop("admin-bad-hs");
    const result = await (await simulatorPage.action(post(shop, "/app/shipping/simulator", { country: "FR", postalCode: "", province: "", currency: "EUR", grams_0: "200", price_0: "1", hs_0: "61-09" }))).json();
    expect(result).toMatchObject({ ok: false, errors: { "lines.0.hsCode": { key: "messages:simulator.hsCode" } } });
  });

  it("review what a new version of a card changes, and edit each version on its own", async () => {
    const shop = await newShop("admin-card-review");
    await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv({ extra: "card,effective_until,2027-01-01" }) }));
    const next = await cardsPage.action(post(shop, "/app/shipping/rate-cards", { intent: "upload", csv: buildRateCardCsv({ usBand: "band,US,0,20000,3.25,9.50", extra: "card,effective_from,2027-01-01" }) }));
    expect(await next.json()).toEqual({
      problems: [], notice: { key: "shipping-tools:rateCards.savedFrom", values: { code: "ACME-LINE", version: 1, from: "2027-01-01" } },
      review: { comparedWith: { key: "messages:rateCard.versionOpen", values: { code: "ACME-LINE" } }, changes: [
        { kind: "changed", what: { key: "messages:cardDiff.setting", values: { setting: "effective_from" } }, before: "—", after: "2027-01-01" },
        { kind: "changed", what: { key: "messages:cardDiff.setting", values: { setting: "effective_until" } }, before: "2027-01-01", after: "—" },
        { kind: "changed", what: { key: "messages:cardDiff.band", values: { zone: "US", from: 0, to: 20000 } }, before: "3 USD + 9.5 USD/kg", after: "3.25 USD + 9.5 USD/kg" },
      ] },
    });
    const old = (await (await cardsPage.loader(routeArgs(adminRequest(shop, "/app/shipping/rate-cards?edit=ACME-LINE&from=")))).json()) as { csv: string };
    expect(old.csv).toContain("card,effective_until,2027-01-01");
  });

  it("list the duty and fee rules in force with their sources", async () => {
    const shop = await newShop("admin-duty-rules");
    const page = (await (await dutyRulesPage.loader(routeArgs(adminRequest(shop, "/app/shipping/duty-rules")))).json()) as { rules: Array<{ id: string; status: string; source: string }> };
    const inForce = page.rules.filter((r) => r.status === "in-force");
    expect(inForce.map((r) => r.id)).toContain("eu-ioss-vat-flat-duty");
    expect(inForce.every((r) => r.source.length > 0)).toBe(true);
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
      expect(await response.json()).toEqual({ ok: true, errors: {}, notice: { key: "shipping:notice.fallbackOn" } });
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
    expect(await off.json()).toEqual({ ok: true, errors: {}, notice: { key: "shipping:notice.fallbackOff" } });
    expect((await customizations(shop)).map((c) => [c.id, c.enabled])).toEqual([[before!.id, false]]);
    expect(await pageFallback(shop)).toEqual({ state: "off", fallbackTitles: ["Flat", "Economy"], message: null });
  });

  it("refuse blank or too many titles with a field error and create nothing", async () => {
    const shop = await newShop("admin-fallback-invalid");
    const blank = await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: " , " }));
    expect(blank.status).toBe(422);
    expect(await blank.json()).toMatchObject({ ok: false, errors: { fallbackTitles: { key: "messages:fallback.noTitles" } } });
    const many = Array.from({ length: 21 }, (_, i) => `Rate ${i}`).join(",");
    expect(await (await settingsPage.action(post(shop, "/app/shipping", { intent: "fallback-enable", fallbackTitles: many }))).json())
      .toMatchObject({ ok: false, errors: { fallbackTitles: { key: "messages:fallback.tooManyTitles", values: { max: 20, count: 21 } } } });
    expect(await customizations(shop)).toEqual([]);
  });
});

describe("where checkout offers Silkroute's rates", () => {
  const reachOf = async (shop: string) => (await (await settingsPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json()).reach;

  it("moves Silkroute's rates into a zone the merchant picks, and ignores a submitted value that is not a zone id", async () => {
    const shop = await newShop("admin-reach");
    expect(await (await settingsPage.action(post(shop, "/app/shipping", { intent: "register" }))).json()).toMatchObject({ notice: { key: "shipping:notice.carrierOffered", values: { status: "active" } } });
    const domestic = (await reachOf(shop)).merchantZones.find((z: { zoneName: string }) => z.zoneName === "Domestic");
    const picked = await settingsPage.action(post(shop, "/app/shipping", { intent: "reach-merchant-zones", zone: domestic!.zoneId }));
    expect(await picked.json()).toEqual({ ok: true, errors: {}, notice: { key: "shipping:notice.reach", values: { status: "ready" } } });
    expect(await reachOf(shop)).toMatchObject({ mode: "merchant-zones", coverage: { offered: [{ profileName: "General profile", zoneName: "Domestic" }], overridesGeneral: false } });
    await settingsPage.action(post(shop, "/app/shipping", { intent: "reach-merchant-zones", zone: "gid://shopify/Product/1" }));
    expect((await reachOf(shop)).coverage!.offered).toEqual([]);
    await db.checkoutRatesReach.deleteMany({ where: { shop } });
  });
});
