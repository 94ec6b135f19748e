import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, publishProduct, recordingFetch } from "./test-builders";
import { createMerchantProfile } from "./domains/delivery-profiles";

/* eslint-disable @typescript-eslint/no-explicit-any */
const CARRIER_CREATE = `mutation($input: DeliveryCarrierServiceCreateInput!) { carrierServiceCreate(input: $input) { carrierService { id } userErrors { message } } }`;
const PROFILE_FIELDS = `id name default coversAllItems activeMethodDefinitionsCount
  profileLocationGroups { locationGroup { id locations(first: 5) { nodes { id } } }
    locationGroupZones(first: 5) { nodes { zone { id name countries { code { countryCode restOfWorld } } }
      methodDefinitions(first: 5) { nodes { id name active rateProvider {
        ... on DeliveryParticipant { carrierService { id } adaptToNewServicesFlag percentageOfRateFee }
        ... on DeliveryRateDefinition { price { amount currencyCode } } } } } } } }`;
const CREATE = `mutation($profile: DeliveryProfileInput!) { deliveryProfileCreate(profile: $profile) { profile { ${PROFILE_FIELDS} } userErrors { field message } } }`;
const UPDATE = `mutation($id: ID!, $profile: DeliveryProfileInput!) { deliveryProfileUpdate(id: $id, profile: $profile) { profile { ${PROFILE_FIELDS} } userErrors { field message } } }`;
const REMOVE = `mutation($id: ID!) { deliveryProfileRemove(id: $id) { job { id done } userErrors { field message } } }`;
const LIST = `query($merchant: Boolean) { deliveryProfiles(first: 5, merchantOwnedOnly: $merchant) { nodes { ${PROFILE_FIELDS} } } }`;

const SILKROUTE_RATES = [{ service_name: "Silkroute Express", service_code: "SR-EXP", total_price: "2495", currency: "USD", description: "7-12 days" }];
const berlin = { country: "DE", postal_code: "10115", city: "Berlin" };
const springfield = { country: "US", postal_code: "62701", city: "Springfield", province: "IL" };

async function freshShop() {
  const carrier = recordingFetch(() => Response.json({ rates: SILKROUTE_RATES }));
  const { emulator } = buildEmulator({ fetch: carrier.fetch });
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  const created = (await emulator.graphql(shop, CARRIER_CREATE, { input: { name: "Silkroute", callbackUrl: "https://app.example.com/rates", active: true, supportsServiceDiscovery: true } })) as any;
  const carrierId = created.data.carrierServiceCreate.carrierService.id as string;
  const product = ((await emulator.graphql(shop, PRODUCT_SET, { input: buildProductSetInput(), synchronous: true })) as any).data.productSet.product;
  await publishProduct(emulator, shop, product.id); // checkout offers only what is on sale
  const lines = [{ variantId: product.variants.nodes[0].id as string, quantity: 1 }];
  const locations = emulator.controls.shop(shop).locations.map((l) => l.id as string);
  return { emulator, shop, carrier, carrierId, lines, locations, variantIds: product.variants.nodes.map((v: any) => v.id as string) };
}

const participantMethod = (carrierServiceId: string) => ({ name: "Silkroute", active: true, participant: { carrierServiceId, adaptToNewServices: true } });

describe("delivery profiles (2026-10)", () => {
  it("starts a shop with one merchant-owned General profile shipping domestically at a flat rate", async () => {
    const { emulator, shop, locations } = await freshShop();
    const list = (await emulator.graphql(shop, LIST)) as any;
    expect(list.errors).toBeUndefined();
    expect(list.data.deliveryProfiles.nodes).toHaveLength(1);
    const general = list.data.deliveryProfiles.nodes[0];
    expect(general).toMatchObject({ name: "General profile", default: true, coversAllItems: false, activeMethodDefinitionsCount: 1 });
    expect(general.profileLocationGroups[0].locationGroup.locations.nodes.map((l: any) => l.id)).toEqual(locations);
    expect(general.profileLocationGroups[0].locationGroupZones.nodes[0]).toMatchObject({
      zone: { name: "Domestic", countries: [{ code: { countryCode: "US", restOfWorld: false } }] },
      methodDefinitions: { nodes: [{ name: "Standard", active: true, rateProvider: { price: { amount: "10.00", currencyCode: "USD" } } }] },
    });
  });

  it("does not put a newly created carrier service in any profile, so checkout never asks it for rates", async () => {
    const { emulator, shop, carrier, lines } = await freshShop();
    expect(await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).toMatchObject({ source: "no-zone", rates: [] });
    const domestic = await emulator.controls.quoteCheckout(shop, { lines, destination: springfield });
    expect(domestic).toMatchObject({ source: "profile", rates: [{ service_name: "Standard", total_price: "1000", currency: "USD" }] });
    expect(carrier.requests).toHaveLength(0);
  });

  it("quotes the carrier where an app-owned profile covering all items has its participant in the destination's zone", async () => {
    const { emulator, shop, carrier, carrierId, lines, locations } = await freshShop();
    const res = (await emulator.graphql(shop, CREATE, { profile: {
      name: "Silkroute cross-border", coversAllItems: true,
      locationGroupsToCreate: [{ locations, zonesToCreate: [
        { name: "Europe", countries: [{ code: "DE" }, { code: "FR" }], methodDefinitionsToCreate: [participantMethod(carrierId)] },
      ] }],
    } })) as any;
    expect(res.data.deliveryProfileCreate.userErrors).toEqual([]);
    expect(res.data.deliveryProfileCreate.profile).toMatchObject({ default: false, coversAllItems: true, activeMethodDefinitionsCount: 1 });
    expect(await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).toMatchObject({ source: "carrier", rates: SILKROUTE_RATES });
    expect(carrier.requests).toHaveLength(1);
    // It overrides General for every item: the US is in none of its zones, so no rate there now.
    expect(await emulator.controls.quoteCheckout(shop, { lines, destination: springfield })).toMatchObject({ source: "no-zone" });
    const merchantOnly = (await emulator.graphql(shop, LIST, { merchant: true })) as any;
    expect(merchantOnly.data.deliveryProfiles.nodes.map((p: any) => p.name)).toEqual(["General profile"]);
  });

  it("offers carrier rates beside the merchant's own rates when the participant is added to a General zone", async () => {
    const { emulator, shop, carrierId, lines } = await freshShop();
    const general = ((await emulator.graphql(shop, LIST)) as any).data.deliveryProfiles.nodes[0];
    const group = general.profileLocationGroups[0];
    const zone = group.locationGroupZones.nodes[0].zone;
    const res = (await emulator.graphql(shop, UPDATE, { id: general.id, profile: {
      locationGroupsToUpdate: [{ id: group.locationGroup.id, zonesToUpdate: [{ id: zone.id, methodDefinitionsToCreate: [{ ...participantMethod(carrierId), participant: { carrierServiceId: carrierId, percentageOfRateFee: 10, adaptToNewServices: true } }] }] }],
    } })) as any;
    expect(res.data.deliveryProfileUpdate.userErrors).toEqual([]);
    const quote = await emulator.controls.quoteCheckout(shop, { lines, destination: springfield });
    expect(quote.source).toBe("carrier");
    expect(quote.rates.map((r) => [r.service_name, r.total_price])).toEqual([["Silkroute Express", "2745"], ["Standard", "1000"]]);
  });

  it("uses a merchant profile's zone for the variants assigned to it, and General for the rest", async () => {
    const { emulator, shop, carrierId, locations, variantIds } = await freshShop();
    createMerchantProfile(emulator.core, emulator.controls.shop(shop), {
      name: "Imported goods", variantsToAssociate: [variantIds[0]],
      locationGroupsToCreate: [{ locations, zonesToCreate: [{ name: "World", countries: [{ restOfWorld: true }], methodDefinitionsToCreate: [participantMethod(carrierId)] }] }],
    });
    expect((await emulator.controls.quoteCheckout(shop, { lines: [{ variantId: variantIds[0]!, quantity: 1 }], destination: berlin })).source).toBe("carrier");
    expect((await emulator.controls.quoteCheckout(shop, { lines: [{ variantId: variantIds[1]!, quantity: 1 }], destination: berlin })).source).toBe("no-zone");
  });

  it("refuses coversAllItems on a merchant-owned profile, an unknown carrier, and a country in two zones of one group", async () => {
    const { emulator, shop, locations } = await freshShop();
    const general = ((await emulator.graphql(shop, LIST)) as any).data.deliveryProfiles.nodes[0];
    const onGeneral = (await emulator.graphql(shop, UPDATE, { id: general.id, profile: { coversAllItems: true } })) as any;
    expect(onGeneral.data.deliveryProfileUpdate).toEqual({ profile: null, userErrors: [{ field: ["profile", "coversAllItems"], message: expect.stringContaining("app-owned") }] });
    const unknownCarrier = (await emulator.graphql(shop, CREATE, { profile: { name: "x", locationGroupsToCreate: [{ locations, zonesToCreate: [
      { name: "EU", countries: [{ code: "DE" }], methodDefinitionsToCreate: [participantMethod("gid://shopify/DeliveryCarrierService/1")] }] }] } })) as any;
    expect(unknownCarrier.data.deliveryProfileCreate.userErrors[0].message).toBe("Carrier service does not exist");
    const twice = (await emulator.graphql(shop, CREATE, { profile: { name: "x", locationGroupsToCreate: [{ locations, zonesToCreate: [
      { name: "A", countries: [{ code: "DE" }] }, { name: "B", countries: [{ code: "DE" }] }] }] } })) as any;
    expect(twice.data.deliveryProfileCreate.userErrors[0].message).toContain("DE is already in another zone");
    const blank = (await emulator.graphql(shop, CREATE, { profile: { coversAllItems: true } })) as any;
    expect(blank.data.deliveryProfileCreate.userErrors).toEqual([{ field: ["profile", "name"], message: "Profile name can't be blank" }]);
    expect(((await emulator.graphql(shop, LIST)) as any).data.deliveryProfiles.nodes).toHaveLength(1);
  });

  it("updates an app profile's zones, removes it as a finished job, and refuses to remove General", async () => {
    const { emulator, shop, carrierId, lines, locations } = await freshShop();
    const created = ((await emulator.graphql(shop, CREATE, { profile: { name: "Silkroute", coversAllItems: true, locationGroupsToCreate: [{ locations, zonesToCreate: [
      { name: "Europe", countries: [{ code: "FR" }], methodDefinitionsToCreate: [participantMethod(carrierId)] }] }] } })) as any).data.deliveryProfileCreate.profile;
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).source).toBe("no-zone");
    const group = created.profileLocationGroups[0];
    const zoneId = group.locationGroupZones.nodes[0].zone.id;
    await emulator.graphql(shop, UPDATE, { id: created.id, profile: { locationGroupsToUpdate: [{ id: group.locationGroup.id, zonesToUpdate: [{ id: zoneId, countries: [{ code: "FR" }, { code: "DE" }] }] }] } });
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: berlin })).source).toBe("carrier");
    expect(await emulator.graphql(shop, REMOVE, { id: created.id })).toMatchObject({ data: { deliveryProfileRemove: { job: { done: true }, userErrors: [] } } });
    expect((await emulator.controls.quoteCheckout(shop, { lines, destination: springfield })).source).toBe("profile");
    const general = ((await emulator.graphql(shop, LIST)) as any).data.deliveryProfiles.nodes[0];
    expect(await emulator.graphql(shop, REMOVE, { id: general.id })).toMatchObject({ data: { deliveryProfileRemove: { job: null, userErrors: [{ message: "Cannot delete the default profile" }] } } });
  });

  it("finds a profile and its zone by id and as nodes", async () => {
    const { emulator, shop } = await freshShop();
    const general = ((await emulator.graphql(shop, LIST)) as any).data.deliveryProfiles.nodes[0];
    const zoneId = general.profileLocationGroups[0].locationGroupZones.nodes[0].zone.id;
    const body = await emulator.graphql(shop, `query($id: ID!, $zone: ID!) { deliveryProfile(id: $id) { name } node(id: $zone) { ... on DeliveryZone { name } } }`, { id: general.id, zone: zoneId });
    expect(body).toMatchObject({ data: { deliveryProfile: { name: "General profile" }, node: { name: "Domestic" } } });
  });
});
