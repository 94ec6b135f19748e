import type { Emulator } from "./emulator";

const GENERAL = `query { deliveryProfiles(first: 5) { nodes { id default profileLocationGroups { locationGroup { id } } } } }`;
const UPDATE = `mutation($id: ID!, $profile: DeliveryProfileInput!) { deliveryProfileUpdate(id: $id, profile: $profile) { userErrors { field message } } }`;

/** What a merchant does in Settings → Shipping: add the app's carrier-calculated rates in a new General-profile zone. */
export async function offerCarrierInGeneralProfile(emulator: Emulator, shop: string, carrierServiceId: string, countries: string[] = ["DE"]): Promise<void> {
  const body = (await emulator.graphql(shop, GENERAL)) as { data: { deliveryProfiles: { nodes: Array<{ id: string; default: boolean; profileLocationGroups: Array<{ locationGroup: { id: string } }> }> } } };
  const general = body.data.deliveryProfiles.nodes.find((p) => p.default)!;
  const res = (await emulator.graphql(shop, UPDATE, { id: general.id, profile: { locationGroupsToUpdate: [{
    id: general.profileLocationGroups[0]!.locationGroup.id,
    zonesToCreate: [{ name: "International", countries: countries.map((code) => ({ code })), methodDefinitionsToCreate: [
      { name: "Carrier-calculated", active: true, participant: { carrierServiceId, adaptToNewServices: true } },
    ] }],
  }] } })) as { data: { deliveryProfileUpdate: { userErrors: unknown[] } } };
  if (res.data.deliveryProfileUpdate.userErrors.length) throw new Error(JSON.stringify(res.data.deliveryProfileUpdate.userErrors));
}
