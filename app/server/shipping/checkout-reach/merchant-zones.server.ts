/**
 * The alternative to Silkroute's own profile: add Silkroute's carrier as a participant method to zones the merchant
 * picks in their existing profiles (the merchant's own rates stay beside ours), and take it out of zones they un-pick.
 * Reads first and writes only the difference, so repeating the same pick changes nothing.
 * Shape: DeliveryProfileInput.locationGroupsToUpdate[].zonesToUpdate[].methodDefinitionsToCreate / methodDefinitionsToDelete
 * (2026-10 schema; https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/deliveryProfileUpdate).
 */
import type { AdminClient } from "../../shopify/admin-client";
import { REACH_PROFILE_UPDATE } from "./documents";
import { participantMethod } from "./app-profile.server";
import type { ReachProfile } from "./destinations";

export interface MerchantZoneOption { zoneId: string; profileName: string; zoneName: string; countries: string[]; restOfWorld: boolean }

/** Zones of the merchant's profiles (ours excluded) the shipping page offers as choices. */
export function merchantZoneOptions(profiles: readonly ReachProfile[], appProfileId: string | null): MerchantZoneOption[] {
  return profiles.filter((p) => p.id !== appProfileId && !p.coversAllItems).flatMap((p) => p.groups.flatMap((g) => g.zones.map((z) => ({
    zoneId: z.id, profileName: p.name, zoneName: z.name, countries: z.countries, restOfWorld: z.restOfWorld,
  }))));
}

/**
 * Puts Silkroute's participant in the `picked` zones and takes it out of zones Silkroute added it to before
 * (`previous`) that are no longer picked; a participant the merchant added by hand elsewhere is left alone.
 */
export async function setMerchantZones(admin: AdminClient, profiles: readonly ReachProfile[], appProfileId: string | null, carrierId: string | null, picked: ReadonlySet<string>, previous: ReadonlySet<string>): Promise<void> {
  for (const p of profiles) {
    if (p.id === appProfileId || p.coversAllItems) continue;
    const methodDefinitionsToDelete: string[] = [];
    const locationGroupsToUpdate = [];
    for (const g of p.groups) {
      const zonesToUpdate = [];
      for (const z of g.zones) {
        const ours = z.participants.filter((m) => m.carrierServiceId === carrierId);
        if (!picked.has(z.id)) {
          if (previous.has(z.id)) methodDefinitionsToDelete.push(...ours.map((m) => m.id));
          continue;
        }
        if (!carrierId || ours.some((m) => m.active)) continue;
        zonesToUpdate.push(ours.length
          ? { id: z.id, methodDefinitionsToUpdate: [{ id: ours[0]!.id, active: true }] }
          : { id: z.id, methodDefinitionsToCreate: [participantMethod(carrierId)] });
      }
      if (zonesToUpdate.length) locationGroupsToUpdate.push({ id: g.id, zonesToUpdate });
    }
    if (!methodDefinitionsToDelete.length && !locationGroupsToUpdate.length) continue;
    await admin.request(REACH_PROFILE_UPDATE, { id: p.id, profile: {
      ...(methodDefinitionsToDelete.length ? { methodDefinitionsToDelete } : {}),
      ...(locationGroupsToUpdate.length ? { locationGroupsToUpdate } : {}),
    } });
  }
}
