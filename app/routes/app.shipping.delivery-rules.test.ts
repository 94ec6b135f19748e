import { afterAll, describe, expect, it } from "vitest";
import db from "../db.server";
import { parseRules } from "../../extensions/silkroute-fallback-rates/src/rules";
import { SAMPLE_CARDS } from "../server/shipping/engine/defaults/default-context";
import { enableFallbackRates } from "../server/shipping/fallback-rates/fallback-rates.server";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import { action, loader } from "./app.shipping.delivery-rules";

const shopify = useShopifyEmulator();
const shops: string[] = [];
afterAll(async () => { await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } }); });

async function newShop(label: string, plan: "development" | "plus" = "development") {
  const shop = shopify.createShop({ domain: uniqueShop(label), plan });
  shops.push(shop);
  await shopify.installApp(shop);
  return shop;
}

const page = async (shop: string) => (await loader(routeArgs(adminRequest(shop, "/app/shipping/delivery-rules")))).json();
const save = (shop: string, fields: Array<[string, string]>) => {
  const body = new URLSearchParams([["intent", "save"], ...fields]);
  return action(routeArgs(adminRequest(shop, "/app/shipping/delivery-rules", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body })));
};
async function savedRules(shop: string) {
  const body = (await shopify.emulator.graphql(shop, `{ deliveryCustomizations(first: 5) { nodes { metafield(namespace: "$app:silkroute", key: "delivery-rules") { jsonValue } } } }`)) as
    { data: { deliveryCustomizations: { nodes: Array<{ metafield: { jsonValue: unknown } | null }> } } };
  return body.data.deliveryCustomizations.nodes.map((n) => parseRules(n.metafield?.jsonValue ?? null));
}

const [first, second] = [SAMPLE_CARDS[0]!.code, SAMPLE_CARDS[1]!.code];

describe("delivery rules page", () => {
  it("lists the shop's services and asks for the checkout customization before rules can be saved", async () => {
    const shop = await newShop("rules-page");
    const view = await page(shop);
    expect(view.services.map((s: { code: string }) => s.code)).toEqual([...new Set(SAMPLE_CARDS.map((c) => c.code))]);
    expect(view).toMatchObject({ customization: "missing", isPlus: false, rules: { hideForPoBox: [], hideForFlags: [], rename: [], leadWithFastest: false } });
    const refused = await save(shop, [["poBox", first]]);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toEqual({ key: "messages:deliveryRules.customizationOff" });
  });

  it("saves PO-box, restricted-item, rename and fastest-first rules to the customization's metafield and shows them again", async () => {
    const shop = await newShop("rules-save-page");
    await enableFallbackRates(shop, await shopify.adminClient(shop), { fallbackTitles: "International flat rate" });
    const response = await save(shop, [
      ["poBox", first], ["flag:battery", first], ["flag:liquid", first], ["flag:magnet", second],
      [`rename:${second}`, "  Economy, duties included "], [`rename:${first}`, ""], ["leadWithFastest", "on"],
    ]);
    expect(await response.json()).toEqual({ ok: true, error: null });
    const [rules] = await savedRules(shop);
    expect(rules).toMatchObject({
      hideForPoBox: [first],
      hideForFlags: [{ flags: ["battery", "liquid"], codes: [first] }, { flags: ["magnet"], codes: [second] }],
      rename: [{ code: second, title: "Economy, duties included" }],
    });
    expect(rules!.fastestFirst.length).toBeGreaterThan(0);
    expect((await page(shop)).rules).toEqual({ hideForPoBox: [first], hideForFlags: rules!.hideForFlags, rename: rules!.rename, leadWithFastest: true });
  });

  it("refuses a service code no rate card has", async () => {
    const shop = await newShop("rules-unknown");
    await enableFallbackRates(shop, await shopify.adminClient(shop), { fallbackTitles: "International flat rate" });
    const response = await save(shop, [["poBox", "NOPE-CODE"]]);
    expect(response.status).toBe(422);
    expect((await response.json()).error?.values?.codes).toMatch(/NOPE-CODE/);
  });

  it("tells a Plus store it can add the checkout notice", async () => {
    expect((await page(await newShop("rules-plus", "plus"))).isPlus).toBe(true);
  });
});
