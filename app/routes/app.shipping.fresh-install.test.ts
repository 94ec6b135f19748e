/**
 * Fresh-install probe (issue #11): the demo's store, freshly installed on the 2026-10 emulator, shows no Silkroute
 * rate at checkout until the merchant turns rates on in the shipping page; after that (even double-clicked) it has
 * exactly one Silkroute delivery profile and checkout to a served country quotes Silkroute's services over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoShop } from "../../scripts/demo/seed-store";
import db from "../db.server";
import { answerRateRequest } from "../server/shipping/carrier-service/rates.server";
import { callbackUrl } from "../server/shipping/carrier-service/registration.server";
import { serveFetchHandler } from "../server/shipping/carrier-service/test-http-server";
import { SILKROUTE_PROFILE_NAME } from "../server/shipping/checkout-reach/app-profile.server";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import * as shippingPage from "./app.shipping._index";

let app: Awaited<ReturnType<typeof serveFetchHandler>> | undefined;
const appOrigin = new URL(callbackUrl()).origin;
const realFetch = globalThis.fetch;
// Checkout reaches the app's rates callback over real HTTP on a free port, as Shopify reaches the app's URL.
const shopify = useShopifyEmulator({
  fetch: (input, init) => realFetch(String(input instanceof Request ? input.url : input).replace(appOrigin, app!.url), init),
});
const shop = uniqueShop("fresh-install");

beforeAll(async () => { app = await serveFetchHandler((request) => answerRateRequest(request)); });
afterAll(async () => {
  await app?.close();
  const where = { shop };
  await Promise.all([db.shippingSettings.deleteMany({ where }), db.checkoutRatesReach.deleteMany({ where })]);
});

const berlin = { country: "DE", postal_code: "10115", city: "Berlin", address1: "Unter den Linden 1" };
const silkrouteCodes = (rates: Array<Record<string, unknown>>) => rates.map((r) => String(r.service_code)).filter((c) => c.startsWith("SR-"));
const page = async () => (await shippingPage.loader(routeArgs(adminRequest(shop, "/app/shipping")))).json();
const turnOn = () => shippingPage.action(routeArgs(adminRequest(shop, "/app/shipping", { form: { intent: "register" } })));

describe("a fresh install on a 2026-10 store", () => {
  it("offers no Silkroute rate until rates are turned on, then one profile (double click) and Silkroute's services at checkout", async () => {
    await createDemoShop(shopify.emulator, { domain: shop });
    await shopify.installApp(shop);
    const product = shopify.emulator.controls.products(shop)[0]!;
    const lines = [{ variantId: product.variants[0]!.id as string, quantity: 1 }];

    const before = await shopify.emulator.controls.quoteCheckout(shop, { lines, destination: berlin });
    // The demo merchant ships abroad at a flat rate of their own: that is all checkout shows before Silkroute's rates are on.
    expect(before).toMatchObject({ source: "profile", rates: [{ service_name: "Standard shipping", total_price: "995" }] });
    expect(silkrouteCodes(before.rates)).toEqual([]);
    expect((await page()).reach).toMatchObject({ wanted: false, status: "off", coverage: { offered: [] } });

    const responses = await Promise.all([turnOn(), turnOn()]);
    for (const r of responses) expect(await r.json()).toMatchObject({ ok: true, notice: { key: "shipping:notice.carrierOffered", values: { status: "active" } } });

    const profiles = (await shopify.emulator.graphql(shop, `{ deliveryProfiles(first: 10) { nodes { name default coversAllItems } } }`)) as { data: { deliveryProfiles: { nodes: Array<{ name: string; default: boolean; coversAllItems: boolean }> } } };
    expect(profiles.data.deliveryProfiles.nodes.filter((p) => !p.default)).toEqual([{ name: SILKROUTE_PROFILE_NAME, default: false, coversAllItems: true }]);

    const after = await shopify.emulator.controls.quoteCheckout(shop, { lines, destination: berlin });
    expect(after).toMatchObject({ source: "carrier", callbackOutcome: 200 });
    expect(silkrouteCodes(after.rates).length).toBeGreaterThan(0);
    expect(after.rates.map((r) => r.service_name)).not.toContain("Standard shipping"); // Silkroute's profile covers all items
    const view = (await page()).reach;
    expect(view).toMatchObject({ wanted: true, status: "ready", coverage: { uncovered: [], overridesGeneral: true } });
    expect(view.coverage!.offered.map((o: { profileName: string }) => o.profileName)).toEqual([SILKROUTE_PROFILE_NAME, SILKROUTE_PROFILE_NAME]);
  });
});
