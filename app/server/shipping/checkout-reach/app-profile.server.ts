/**
 * Silkroute's own app-owned delivery profile: covers all shippable items (`coversAllItems`, 2026-07+) and holds one
 * zone with the countries the active rate cards serve, plus a "Rest of World" zone when a card serves "*", each with
 * Silkroute's carrier as participant. Found before it is created (by the persisted id, else by name among the
 * profiles covering all items), and updated in place when cards or locations change, so retries never add another.
 * Sources: https://shopify.dev/changelog/admin-graphql-api-now-supports-app-owned-delivery-profiles-that-cover-all-shippable-items ;
 * https://shopify.dev/changelog/carrier-services-will-no-longer-be-automatically-added-to-the-default-shipping-profile
 */
import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import type { CountryCode, DeliveryLocationGroupZoneInput } from "../../../types/admin.types";
import { REACH_PROFILE_CREATE, REACH_PROFILE_REMOVE, REACH_PROFILE_UPDATE } from "./documents";
import { offersCarrier, reachKey, type ReachGroup, type ReachProfile, type ServedDestinations } from "./destinations";
import type { ShopDelivery } from "./profiles.server";

export const SILKROUTE_PROFILE_NAME = "Silkroute cross-border rates";
export const SERVED_ZONE_NAME = "Silkroute: served countries";
export const REST_OF_WORLD_ZONE_NAME = "Silkroute: rest of world";
export const SILKROUTE_METHOD_NAME = "Silkroute cross-border shipping";

// New services (a new rate card) show without another update; Silkroute's prices already hold its markup.
export const participantMethod = (carrierServiceId: string) => ({
  name: SILKROUTE_METHOD_NAME, active: true, participant: { carrierServiceId, adaptToNewServices: true },
});

export function findAppProfile(delivery: ShopDelivery, knownGid: string | null): ReachProfile | null {
  return delivery.profiles.find((p) => p.id === knownGid)
    ?? delivery.profiles.find((p) => !p.default && p.coversAllItems && p.name === SILKROUTE_PROFILE_NAME)
    ?? null;
}

// Rate cards hold ISO-2 codes validated on upload; Shopify's CountryCode enum is the same set.
const countryInputs = (codes: readonly string[]) => codes.map((code) => ({ code: code as CountryCode }));

function zonesToCreate(served: ServedDestinations, carrierId: string, have: { served: boolean; rest: boolean }): DeliveryLocationGroupZoneInput[] {
  const zones: DeliveryLocationGroupZoneInput[] = [];
  if (served.countries.length && !have.served) zones.push({ name: SERVED_ZONE_NAME, countries: countryInputs(served.countries), methodDefinitionsToCreate: [participantMethod(carrierId)] });
  if (served.restOfWorld && !have.rest) zones.push({ name: REST_OF_WORLD_ZONE_NAME, countries: [{ restOfWorld: true }], methodDefinitionsToCreate: [participantMethod(carrierId)] });
  return zones;
}

/** The update that brings an existing location group to the wanted zones and locations; null when nothing differs. */
function groupUpdate(group: ReachGroup, served: ServedDestinations, carrierId: string, locationIds: string[]) {
  const served_ = group.zones.find((z) => z.name === SERVED_ZONE_NAME);
  const rest = group.zones.find((z) => z.name === REST_OF_WORLD_ZONE_NAME);
  const zonesToUpdate = [];
  const zonesToDelete: string[] = [];
  for (const [zone, wanted, countries] of [
    [served_, served.countries.length > 0, countryInputs(served.countries)],
    [rest, served.restOfWorld, [{ restOfWorld: true }]],
  ] as const) {
    if (!zone) continue;
    if (!wanted) { zonesToDelete.push(zone.id); continue; }
    const update: Record<string, unknown> = { id: zone.id };
    if (zone === served_ && zone.countries.join(",") !== served.countries.join(",")) update.countries = countries;
    if (!offersCarrier(zone, carrierId)) update.methodDefinitionsToCreate = [participantMethod(carrierId)];
    if (Object.keys(update).length > 1) zonesToUpdate.push(update);
  }
  const locationsToAdd = locationIds.filter((id) => !group.locationIds.includes(id));
  const create = zonesToCreate(served, carrierId, { served: !!served_, rest: !!rest });
  if (!zonesToUpdate.length && !zonesToDelete.length && !locationsToAdd.length && !create.length) return null;
  return {
    zonesToDelete,
    group: { id: group.id, ...(locationsToAdd.length ? { locationsToAdd } : {}), ...(zonesToUpdate.length ? { zonesToUpdate } : {}), ...(create.length ? { zonesToCreate: create } : {}) },
  };
}

/** Creates or updates our profile to match the cards; returns its id. Persists the id as soon as Shopify returns it. */
export async function upsertAppProfile(shop: string, admin: AdminClient, delivery: ShopDelivery, served: ServedDestinations, carrierId: string, knownGid: string | null): Promise<string> {
  const key = reachKey(served, carrierId, delivery.locationIds);
  const existing = findAppProfile(delivery, knownGid);
  if (!existing) {
    const data = await admin.request(REACH_PROFILE_CREATE, { profile: {
      name: SILKROUTE_PROFILE_NAME, coversAllItems: true,
      locationGroupsToCreate: [{ locations: delivery.locationIds, zonesToCreate: zonesToCreate(served, carrierId, { served: false, rest: false }) }],
    } });
    const gid = data.deliveryProfileCreate!.profile!.id;
    await db.checkoutRatesReach.update({ where: { shop }, data: { profileGid: gid, syncedKey: key } });
    return gid;
  }
  const [group] = existing.groups;
  const change = group
    ? groupUpdate(group, served, carrierId, delivery.locationIds)
    : { zonesToDelete: [], group: null };
  const profile: Record<string, unknown> = {};
  if (!existing.coversAllItems) profile.coversAllItems = true;
  if (change?.group) profile.locationGroupsToUpdate = [change.group];
  if (change && !change.group) profile.locationGroupsToCreate = [{ locations: delivery.locationIds, zonesToCreate: zonesToCreate(served, carrierId, { served: false, rest: false }) }];
  if (change?.zonesToDelete.length) profile.zonesToDelete = change.zonesToDelete;
  if (Object.keys(profile).length) await admin.request(REACH_PROFILE_UPDATE, { id: existing.id, profile });
  await db.checkoutRatesReach.update({ where: { shop }, data: { profileGid: existing.id, syncedKey: key } });
  return existing.id;
}

export async function removeAppProfile(shop: string, admin: AdminClient, delivery: ShopDelivery, knownGid: string | null): Promise<void> {
  const existing = findAppProfile(delivery, knownGid);
  if (existing) await admin.request(REACH_PROFILE_REMOVE, { id: existing.id });
  await db.checkoutRatesReach.update({ where: { shop }, data: { profileGid: null, syncedKey: null } });
}
