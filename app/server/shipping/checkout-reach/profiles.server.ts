/** Reads the shop's delivery profiles from Shopify into the plain shape destinations.ts works on. */
import type { AdminClient } from "../../shopify/admin-client";
import { REACH_PROFILE, REACH_PROFILES } from "./documents";
import type { ReachProfile } from "./destinations";

export interface ShopDelivery { profiles: ReachProfile[]; locationIds: string[] }

export async function readShopDelivery(admin: AdminClient): Promise<ShopDelivery> {
  const list = await admin.request(REACH_PROFILES);
  const profiles: ReachProfile[] = [];
  for (const { id } of list.deliveryProfiles.nodes) {
    const { deliveryProfile: p } = await admin.request(REACH_PROFILE, { id });
    if (!p) continue; // removed between the two reads
    profiles.push({
      id: p.id, name: p.name, default: p.default, coversAllItems: p.coversAllItems,
      groups: p.profileLocationGroups.map((g) => ({
        id: g.locationGroup.id,
        locationIds: g.locationGroup.locations.nodes.map((l) => l.id),
        zones: g.locationGroupZones.nodes.map((z) => ({
          id: z.zone.id,
          name: z.zone.name,
          countries: z.zone.countries.flatMap((c) => (c.code.countryCode ? [c.code.countryCode as string] : [])),
          restOfWorld: z.zone.countries.some((c) => c.code.restOfWorld),
          participants: z.methodDefinitions.nodes.map((m) => ({
            id: m.id, active: m.active,
            carrierServiceId: m.rateProvider.__typename === "DeliveryParticipant" ? m.rateProvider.carrierService.id : null,
          })),
        })),
      })),
    });
  }
  return { profiles, locationIds: list.locationsAvailableForDeliveryProfilesConnection.nodes.map((l) => l.id) };
}
