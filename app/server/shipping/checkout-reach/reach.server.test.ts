import { afterAll, beforeAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { createEmulator, type Emulator, type PlanKey } from "../../../emulator";
import { buildProductSetInput, PRODUCT_SET, publishProduct } from "../../../emulator/test-builders";
import { seedInstalledShop } from "../../../test/admin-session";
import { runEnqueuedJob } from "../../../test/jobs";
import { uniqueShop } from "../../../test/webhooks";
import { AdminClient } from "../../shopify/admin-client";
import { callbackUrl } from "../carrier-service/registration.server";
import { serveFetchHandler } from "../carrier-service/test-http-server";
import { answerRateRequest } from "../carrier-service/rates.server";
import { buildRateCardCsv } from "../rate-card-fixtures";
import { effectiveRateCardSet, setRateCardActive, uploadRateCard } from "../rate-cards.server";
import { shippingJobHandlers } from "../jobs.server";
import { REST_OF_WORLD_ZONE_NAME, SERVED_ZONE_NAME, SILKROUTE_PROFILE_NAME } from "./app-profile.server";
import { CHECKOUT_REACH_SYNC, checkoutReachView, setReachMode, syncCheckoutReach, turnOffCheckoutRates, turnOnCheckoutRates } from "./reach.server";

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
  const where = { shop: { in: shops } };
  await Promise.all([db.shippingSettings.deleteMany({ where }), db.checkoutRatesReach.deleteMany({ where }), db.shippingRateCard.deleteMany({ where }), db.job.deleteMany({ where })]);
});

const berlin = { country: "DE", postal_code: "10115", city: "Berlin", address1: "Unter den Linden 1" };
const springfield = { country: "US", postal_code: "62701", city: "Springfield", province: "IL", address1: "1 Main St" };

async function store(plan: PlanKey = "advanced") {
  const shop = uniqueShop(`reach-${plan}`);
  shops.push(shop);
  emulator.controls.createShop({
    domain: shop, name: "Test Shop", plan, currencyCode: "USD", ianaTimezone: "America/New_York",
    address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" },
  });
  const { accessToken } = emulator.controls.installApp(shop);
  await seedInstalledShop(shop, accessToken);
  const created = (await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
  await publishProduct(emulator, shop, created.data.productSet.product.id); // a buyer can only check out what is on sale
  const lines = [{ variantId: created.data.productSet.product.variants.nodes[0]!.id, quantity: 2 }];
  return { shop, admin: new AdminClient({ shop, accessToken }), lines };
}

type Profile = { id: string; name: string; default: boolean; coversAllItems: boolean; zones: Array<{ name: string; countries: string[] }> };
async function profiles(shop: string): Promise<Profile[]> {
  const body = (await emulator.graphql(shop, `{ deliveryProfiles(first: 10) { nodes { id name default coversAllItems
    profileLocationGroups { locationGroupZones(first: 10) { nodes { zone { name countries { code { countryCode restOfWorld } } } } } } } } }`)) as {
    data: { deliveryProfiles: { nodes: Array<Omit<Profile, "zones"> & { profileLocationGroups: Array<{ locationGroupZones: { nodes: Array<{ zone: { name: string; countries: Array<{ code: { countryCode: string | null } }> } }> } }> }> } };
  };
  return body.data.deliveryProfiles.nodes.map(({ profileLocationGroups, ...p }) => ({
    ...p, zones: profileLocationGroups.flatMap((g) => g.locationGroupZones.nodes.map((z) => ({ name: z.zone.name, countries: z.zone.countries.map((c) => c.code.countryCode ?? "ROW") }))),
  }));
}
const appProfiles = async (shop: string) => (await profiles(shop)).filter((p) => !p.default);

describe("turning checkout rates on makes Silkroute's rates reachable on a 2026-10 store", () => {
  it("creates one app-owned profile covering all items with the cards' destinations, and checkout to Germany then quotes Silkroute", async () => {
    const { shop, admin, lines } = await store();
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).source).toBe("no-zone");
    const { registration, reach } = await turnOnCheckoutRates(shop, admin);
    expect(registration.status).toBe("active");
    expect(reach).toEqual({ status: "ready", message: null });
    const [ours] = await appProfiles(shop);
    expect(ours).toMatchObject({ name: SILKROUTE_PROFILE_NAME, coversAllItems: true });
    expect(ours!.zones.map((z) => z.name)).toEqual([SERVED_ZONE_NAME, REST_OF_WORLD_ZONE_NAME]);
    expect(ours!.zones[0]!.countries).toEqual(expect.arrayContaining(["DE", "FR", "GB", "US", "JP"]));
    const quote = await emulator.controls.quoteCheckout(shop, { lines, destination: berlin });
    expect(quote).toMatchObject({ source: "carrier", callbackOutcome: 200 });
    expect(quote.rates.map((r) => r.service_code)).toEqual(expect.arrayContaining(["SR-CN-DIRECT", "SR-POST-ECONOMY"]));
    expect((await db.checkoutRatesReach.findUniqueOrThrow({ where: { shop } })).profileGid).toBe(ours!.id);
  });

  it("creates the profile once when the merchant double-clicks (two turn-ons at the same time) and again later", async () => {
    const { shop, admin } = await store();
    const results = await Promise.all([turnOnCheckoutRates(shop, admin), turnOnCheckoutRates(shop, admin)]);
    expect(results.map((r) => r.reach.status)).toEqual(["ready", "ready"]);
    await turnOnCheckoutRates(shop, admin);
    expect(await appProfiles(shop)).toHaveLength(1);
    expect(emulator.controls.shop(shop).carrierServices).toHaveLength(1);
  });

  it("finds the profile it created before a crash lost its id, instead of creating a second", async () => {
    const { shop, admin } = await store();
    await turnOnCheckoutRates(shop, admin);
    await db.checkoutRatesReach.update({ where: { shop }, data: { profileGid: null, status: "pending" } });
    expect(await syncCheckoutReach(shop, admin)).toEqual({ status: "ready", message: null });
    const ours = await appProfiles(shop);
    expect(ours).toHaveLength(1);
    expect((await db.checkoutRatesReach.findUniqueOrThrow({ where: { shop } })).profileGid).toBe(ours[0]!.id);
  });

  it("updates the profile's zones in place when the rate cards change (through the queued sync job)", async () => {
    const { shop, admin, lines } = await store();
    await turnOnCheckoutRates(shop, admin);
    const before = (await appProfiles(shop))[0]!;
    expect(await uploadRateCard(shop, buildRateCardCsv())).toMatchObject({ ok: true });
    const { version } = await effectiveRateCardSet(shop);
    const job = await db.job.findFirstOrThrow({ where: { queue: CHECKOUT_REACH_SYNC, shop } });
    expect(job.dedupeKey).toMatch(new RegExp(`^${shop.replace(/\./g, "\\.")}:${version}:[0-9a-f-]{36}$`));
    const handler = shippingJobHandlers({ db, jobs: null as never })[CHECKOUT_REACH_SYNC]!.handler;
    await runEnqueuedJob(CHECKOUT_REACH_SYNC, job.dedupeKey!, handler);
    const after = await appProfiles(shop);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before.id);
    expect(after[0]!.zones).toEqual([{ name: SERVED_ZONE_NAME, countries: ["US"] }]);
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).source).toBe("no-zone");
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: springfield })).source).toBe("carrier");
  });

  it("queues a sync for every card change, even one returning to an earlier card set, and none while rates are off", async () => {
    const { shop, admin } = await store();
    await uploadRateCard(shop, buildRateCardCsv());
    expect(await db.job.count({ where: { queue: CHECKOUT_REACH_SYNC, shop } })).toBe(0);
    await turnOnCheckoutRates(shop, admin);
    await uploadRateCard(shop, buildRateCardCsv({ code: "SECOND" }));
    await setRateCardActive(shop, "SECOND", false);
    await setRateCardActive(shop, "SECOND", true);
    expect(await db.job.count({ where: { queue: CHECKOUT_REACH_SYNC, shop } })).toBe(3);
  });

  it("flags a location added after rates were turned on, and a sync adds it to Silkroute's profile", async () => {
    const { shop, admin } = await store();
    await turnOnCheckoutRates(shop, admin);
    await emulator.graphql(shop, `mutation { fulfillmentServiceCreate(name: "Shenzhen warehouse", callbackUrl: "https://app.example.com/fs") { userErrors { message } } }`);
    expect((await checkoutReachView(shop, admin)).locationsMissing).toBe(1);
    expect(await syncCheckoutReach(shop, admin)).toEqual({ status: "ready", message: null });
    expect((await checkoutReachView(shop, admin)).locationsMissing).toBe(0);
    expect(await appProfiles(shop)).toHaveLength(1);
  });

  it("shows where rates are offered, and warns about served countries nothing covers before rates are on", async () => {
    const { shop, admin } = await store();
    await turnOnCheckoutRates(shop, admin);
    await turnOffCheckoutRates(shop, admin, "deactivate");
    await db.checkoutRatesReach.update({ where: { shop }, data: { wanted: true } });
    const off = await checkoutReachView(shop, admin);
    expect(off.coverage).toMatchObject({ offered: [], restOfWorldCovered: false });
    expect(off.coverage!.uncovered).toEqual(expect.arrayContaining(["DE", "US"]));
    await turnOnCheckoutRates(shop, admin);
    const on = await checkoutReachView(shop, admin);
    expect(on.coverage).toMatchObject({ uncovered: [], restOfWorldCovered: true, overridesGeneral: true });
    expect(on.coverage!.offered.map((o) => o.zoneName)).toEqual([SERVED_ZONE_NAME, REST_OF_WORLD_ZONE_NAME]);
  });

  it("turning rates off removes Silkroute's profile, so checkout falls back to the store's own General rates", async () => {
    const { shop, admin, lines } = await store();
    await turnOnCheckoutRates(shop, admin);
    const { registration, reach } = await turnOffCheckoutRates(shop, admin, "deactivate");
    expect([registration.status, reach.status]).toEqual(["inactive", "off"]);
    expect(await appProfiles(shop)).toEqual([]);
    expect(await emulator.controls.quoteCheckout(shop, { lines, destination: springfield })).toMatchObject({ source: "profile", rates: [{ service_name: "Standard" }] });
  });

  it("adds Silkroute to the zones the merchant picks instead (their rates stay), and takes it out when un-picked", async () => {
    const { shop, admin, lines } = await store();
    await turnOnCheckoutRates(shop, admin);
    const view = await checkoutReachView(shop, admin);
    const domestic = view.merchantZones.find((z) => z.zoneName === "Domestic")!;
    expect(domestic).toMatchObject({ profileName: "General profile", countries: ["US"], picked: false });
    expect(await setReachMode(shop, admin, "merchant-zones", [domestic.zoneId])).toEqual({ status: "ready", message: null });
    expect(await appProfiles(shop)).toEqual([]);
    const quote = await emulator.controls.quoteCheckout(shop, { lines, destination: springfield });
    expect(quote.source).toBe("carrier");
    expect(quote.rates.map((r) => r.service_name)).toContain("Standard");
    expect((await checkoutReachView(shop, admin)).coverage!.offered).toEqual([{ profileName: "General profile", zoneName: "Domestic", countries: ["US"], restOfWorld: false, coversAllItems: false }]);
    await setReachMode(shop, admin, "merchant-zones", [domestic.zoneId]);
    const counts = (await emulator.graphql(shop, `{ deliveryProfiles(first: 5) { nodes { profileLocationGroups { locationGroupZones(first: 5) { nodes { methodDefinitionCounts { participantDefinitionsCount } } } } } } }`)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(counts.data.deliveryProfiles.nodes[0].profileLocationGroups[0].locationGroupZones.nodes[0].methodDefinitionCounts.participantDefinitionsCount).toBe(1);
    await setReachMode(shop, admin, "app-profile");
    expect(await appProfiles(shop)).toHaveLength(1);
    expect((await checkoutReachView(shop, admin)).coverage!.offered.every((o) => o.profileName === SILKROUTE_PROFILE_NAME)).toBe(true);
  });

  it("changes no shipping profile on a plan that cannot have carrier rates", async () => {
    const { shop, admin } = await store("basic");
    const { registration, reach } = await turnOnCheckoutRates(shop, admin);
    expect(registration.status).toBe("ineligible");
    expect(reach.status).toBe("failed");
    expect(await appProfiles(shop)).toEqual([]);
  });
});
