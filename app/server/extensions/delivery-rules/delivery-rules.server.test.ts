import { afterAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { useShopifyEmulator } from "../../../test/emulator";
import { uniqueShop } from "../../../test/webhooks";
import { SAMPLE_CARDS } from "../../shipping/engine/defaults/default-context";
import { enableFallbackRates } from "../../shipping/fallback-rates/fallback-rates.server";
import { parseRules } from "../../../../extensions/silkroute-fallback-rates/src/rules";
import { saveDeliveryRules, type DeliveryRulesForm } from "./delivery-rules.server";
import { speedRanking } from "./speed-ranking";

const shopify = useShopifyEmulator();
const shops: string[] = [];
afterAll(async () => { await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } }); });

async function installed(label: string) {
  const shop = shopify.createShop({ domain: uniqueShop(label) });
  shops.push(shop);
  return { shop, admin: await shopify.adminClient(shop) };
}

async function rulesMetafield(shop: string) {
  const body = (await shopify.emulator.graphql(shop, `{ deliveryCustomizations(first: 5) { nodes {
    metafield(namespace: "$app:silkroute", key: "delivery-rules") { jsonValue } } } }`)) as { data: { deliveryCustomizations: { nodes: Array<{ metafield: { jsonValue: unknown } | null }> } } };
  return body.data.deliveryCustomizations.nodes.map((n) => n.metafield?.jsonValue ?? null);
}

const express = SAMPLE_CARDS.find((c) => c.code.includes("EXPRESS"))!.code;
const form: DeliveryRulesForm = { hideForPoBox: [express], hideForFlags: [{ flags: ["battery"], codes: [express] }], rename: [], leadWithFastest: true };

describe("saving delivery rules", () => {
  it("writes rules the Function reads, with services ranked fastest first, to the one Silkroute customization", async () => {
    const { shop, admin } = await installed("rules-save");
    await enableFallbackRates(shop, admin, { fallbackTitles: "International flat rate" });
    const saved = await saveDeliveryRules(shop, admin, form);
    await saveDeliveryRules(shop, admin, form);
    expect(saved).toMatchObject({ ok: true });
    const [value, ...others] = await rulesMetafield(shop);
    expect(others).toEqual([]);
    expect(parseRules(value)).toEqual({ hideForPoBox: [express], hideForFlags: form.hideForFlags, rename: [], fastestFirst: speedRanking(SAMPLE_CARDS) });
  });

  it("asks the merchant to turn the customization on first", async () => {
    const { shop, admin } = await installed("rules-off");
    expect(await saveDeliveryRules(shop, admin, form)).toEqual({ ok: false, error: { key: "messages:deliveryRules.customizationOff" } });
  });

  it("refuses a service code no rate card has, and an empty new title", async () => {
    const { shop, admin } = await installed("rules-bad");
    expect(await saveDeliveryRules(shop, admin, { ...form, hideForPoBox: ["SR-NOPE"] })).toEqual({ ok: false, error: { key: "messages:deliveryRules.unknownCodes", values: { codes: "SR-NOPE" } } });
    expect(await saveDeliveryRules(shop, admin, { ...form, rename: [{ code: express, title: "  " }] })).toMatchObject({ ok: false });
  });
});

describe("speed ranking", () => {
  it("ranks by handling plus the quickest zone's slowest transit: express (0 + 4 days) before US ground (1 + 5), China Post last", () => {
    const ranking = speedRanking(SAMPLE_CARDS);
    expect(ranking.indexOf("SR-EXPRESS")).toBeLessThan(ranking.indexOf("SR-US-GROUND"));
    expect(ranking.at(-1)).toBe("SR-POST-ECONOMY");
    expect([...ranking].sort()).toEqual(SAMPLE_CARDS.map((c) => c.code).sort());
  });
});
