import type { RootResolvers } from "../context";
import { deliveryProfileCreate, deliveryProfileRemove, deliveryProfiles, deliveryProfileUpdate, deliveryWorld } from "../domains/delivery-profiles";

export const deliveryProfileQueries: RootResolvers = {
  deliveryProfiles: (a, { core, shop }) => deliveryProfiles(core, shop, a),
  deliveryProfile: (a, { core, shop }) => deliveryWorld(core, shop).profiles.find((p) => p.id === a.id) ?? null,
  // Every active location can be an origin of a profile's location group.
  locationsAvailableForDeliveryProfilesConnection: (_a, { shop }) => shop.locations.filter((l) => l.isActive),
};

export const deliveryProfileMutations: RootResolvers = {
  deliveryProfileCreate: (a, { core, shop }) => deliveryProfileCreate(core, shop, a.profile),
  deliveryProfileUpdate: (a, { core, shop }) => deliveryProfileUpdate(core, shop, a.id, a.profile),
  deliveryProfileRemove: (a, { core, shop }) => deliveryProfileRemove(core, shop, a.id),
};
