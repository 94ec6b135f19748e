/**
 * Delivery profiles, location groups, zones and method definitions, as the Admin API 2026-10 models them.
 *
 * Sources (read 2026-12):
 * - Types and inputs: the vendored 2026-10 schema (DeliveryProfile, DeliveryProfileInput, DeliveryLocationGroupZoneInput,
 *   DeliveryMethodDefinitionInput, DeliveryParticipantInput), https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/deliveryProfileCreate
 * - Every shop has one default ("General") profile covering the products no other profile holds
 *   (DeliveryProfile description in the schema).
 * - Profiles an app creates are app-owned; `deliveryProfiles(merchantOwnedOnly: true)` leaves them out (schema argument text).
 * - `coversAllItems` (2026-07+): only on app-owned shipping profiles; when true the profile's rates apply to every
 *   shippable variant, overriding explicit assignments; omitted on create = false, omitted on update = kept.
 *   https://shopify.dev/changelog/admin-graphql-api-now-supports-app-owned-delivery-profiles-that-cover-all-shippable-items
 * - From 2026-10 `carrierServiceCreate` no longer adds the carrier to the General profile; an app adds its rates as a
 *   participant method definition. https://shopify.dev/changelog/carrier-services-will-no-longer-be-automatically-added-to-the-default-shipping-profile
 *   (../shared/reference/platform-and-peers-2026.md §1.1, shopify-platform.md §1)
 *
 * Error wording is our best reading (Shopify documents the UserError shape, not each message). Method conditions
 * (weight/price) are stored and returned but not evaluated at checkout. Records live beside ShopState, like
 * delivery customizations, because only this domain and the checkout read them.
 */
import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { userError } from "../shopify-errors";

export interface DeliveryWorld { profiles: Rec[] }

const worlds = new WeakMap<ShopState, DeliveryWorld>();

const gidOf = (core: Core, resource: string) => core.ids.next("Shop").replace("/Shop/", `/${resource}/`);

/** The shop's profiles; the General profile is created on first use with a domestic zone and one flat rate. */
export function deliveryWorld(core: Core, state: ShopState): DeliveryWorld {
  let world = worlds.get(state);
  if (!world) {
    world = { profiles: [] };
    worlds.set(state, world);
    const general = newProfile(core, state, { name: "General profile", default: true, appOwned: false, coversAllItems: false });
    // The General location group holds every location, including ones added later (new locations join it).
    const group = newLocationGroup(core, state, general, () => state.locations.filter((l) => l.isActive).map((l) => l.id));
    const country = state.shop.shopAddress.countryCodeV2 as string;
    // A new store's General profile ships domestically at a merchant-set rate; the amount here is our choice.
    addZone(core, state, group, { name: "Domestic", countries: [{ code: country }], methodDefinitionsToCreate: [
      { name: "Standard", active: true, rateDefinition: { price: { amount: "10.00", currencyCode: state.shop.currencyCode } } },
    ] });
  }
  return world;
}

function count(n: number): Rec {
  return { __typename: "Count", count: n, precision: "EXACT" };
}

function newProfile(core: Core, state: ShopState, init: { name: string; default: boolean; appOwned: boolean; coversAllItems: boolean }): Rec {
  const profile: Rec = {
    __typename: "DeliveryProfile",
    id: gidOf(core, "DeliveryProfile"),
    name: init.name,
    default: init.default,
    appOwned: init.appOwned,
    coversAllItems: init.coversAllItems,
    version: 1,
    groups: [] as Rec[],
    variantIds: new Set<string>(),
    profileLocationGroups: (args: Rec = {}) => profile.groups.filter((g: Rec) => !args.locationGroupId || g.locationGroup.id === args.locationGroupId),
    activeMethodDefinitionsCount: () => methodsOf(profile).filter((m) => m.active).length,
    locationsWithoutRatesCount: () => 0,
    originLocationCount: () => new Set(profile.groups.flatMap((g: Rec) => g.locationIds())).size,
    productVariantsCount: () => count(profile.default ? unassignedVariants(state).length : profile.variantIds.size),
    productVariantsCountV2: () => ({ __typename: "DeliveryProductVariantsCount", capped: false, count: profile.variantIds.size }),
    profileItems: () => [],
    sellingPlanGroups: () => [],
    unassignedLocations: () => state.locations.filter((l) => !profile.groups.some((g: Rec) => g.locationIds().includes(l.id))),
    unassignedLocationsPaginated: () => profile.unassignedLocations(),
    zoneCountryCount: () => new Set(profile.groups.flatMap((g: Rec) => g.zones.flatMap((z: Rec) => z.zone.countries.map((c: Rec) => c.code.countryCode ?? "ROW")))).size,
  };
  deliveryWorldProfiles(state).push(profile);
  register(state, profile);
  return profile;
}

// The world is created lazily; newProfile runs inside that creation, so it reads the map directly.
function deliveryWorldProfiles(state: ShopState): Rec[] {
  return worlds.get(state)!.profiles;
}

function unassignedVariants(state: ShopState): string[] {
  const assigned = new Set(deliveryWorldProfiles(state).filter((p) => !p.default).flatMap((p) => [...p.variantIds]));
  return [...state.products.values()].flatMap((p) => p.variants.map((v: Rec) => v.id)).filter((id) => !assigned.has(id));
}

export function methodsOf(profile: Rec): Rec[] {
  return profile.groups.flatMap((g: Rec) => g.zones.flatMap((z: Rec) => z.methods));
}

function newLocationGroup(core: Core, state: ShopState, profile: Rec, locationIds: () => string[]): Rec {
  const locationGroup: Rec = {
    __typename: "DeliveryLocationGroup",
    id: gidOf(core, "DeliveryLocationGroup"),
    // Through the group, which an update may point at a new list.
    locations: () => group.locationIds().map((id: string) => state.nodes.get(id)).filter(Boolean),
    locationsCount: () => count(group.locationIds().length),
  };
  const group: Rec = {
    __typename: "DeliveryProfileLocationGroup",
    locationGroup,
    locationIds,
    zones: [] as Rec[],
    locationGroupZones: () => group.zones,
    countriesInAnyZone: () => group.zones.flatMap((z: Rec) => z.zone.countries.map((country: Rec) => ({ __typename: "DeliveryCountryAndZone", country, zone: z.zone.name }))),
  };
  profile.groups.push(group);
  register(state, locationGroup);
  return group;
}

function countryRec(core: Core, input: Rec): Rec {
  const rest = !!input.restOfWorld;
  const code = rest ? null : String(input.code);
  const name = rest ? "Rest of World" : code!;
  return {
    __typename: "DeliveryCountry",
    id: gidOf(core, "DeliveryCountry"),
    code: { __typename: "DeliveryCountryCodeOrRestOfWorld", countryCode: code, restOfWorld: rest },
    name, translatedName: name,
    provinces: (input.provinces ?? []).map((p: Rec) => ({ __typename: "DeliveryProvince", id: gidOf(core, "DeliveryProvince"), code: p.code, name: p.code, translatedName: p.code })),
  };
}

function addZone(core: Core, state: ShopState, group: Rec, input: Rec): Rec {
  const zone: Rec = {
    __typename: "DeliveryLocationGroupZone",
    zone: { __typename: "DeliveryZone", id: gidOf(core, "DeliveryZone"), name: input.name ?? "Zone", countries: (input.countries ?? []).map((c: Rec) => countryRec(core, c)) },
    methods: [] as Rec[],
    methodDefinitions: (args: Rec = {}) => zone.methods.filter((m: Rec) =>
      (!args.type || (args.type === "PARTICIPANT") === (m.rateProvider.__typename === "DeliveryParticipant")) && (args.eligible == null || args.eligible === m.active)),
    methodDefinitionCounts: () => ({
      __typename: "DeliveryMethodDefinitionCounts",
      participantDefinitionsCount: zone.methods.filter((m: Rec) => m.rateProvider.__typename === "DeliveryParticipant").length,
      rateDefinitionsCount: zone.methods.filter((m: Rec) => m.rateProvider.__typename === "DeliveryRateDefinition").length,
    }),
  };
  group.zones.push(zone);
  register(state, zone.zone);
  for (const m of input.methodDefinitionsToCreate ?? []) zone.methods.push(newMethod(core, state, m));
  return zone;
}

function money(input: Rec, fallbackCurrency: string): Rec {
  return { __typename: "MoneyV2", amount: String(input.amount), currencyCode: input.currencyCode ?? fallbackCurrency };
}

function newMethod(core: Core, state: ShopState, input: Rec): Rec {
  const method: Rec = {
    __typename: "DeliveryMethodDefinition",
    id: gidOf(core, "DeliveryMethodDefinition"),
    name: input.name ?? (input.participant ? "Carrier-calculated rates" : "Rate"),
    active: input.active ?? true,
    description: input.description ?? null,
    methodConditions: [],
    rateProvider: input.participant ? participantRec(core, state, input.participant) : rateRec(core, state, input.rateDefinition),
  };
  register(state, method);
  return method;
}

function participantRec(core: Core, state: ShopState, input: Rec): Rec {
  const carrierServiceId = String(input.carrierServiceId);
  // Captured, so a later carrierServiceDelete cannot break the non-null `carrierService` field.
  const snapshot = state.carrierServices.find((c) => c.id === carrierServiceId);
  const participant: Rec = {
    __typename: "DeliveryParticipant",
    id: gidOf(core, "DeliveryParticipant"),
    carrierServiceId,
    carrierService: () => state.carrierServices.find((c) => c.id === carrierServiceId) ?? snapshot,
    fixedFee: input.fixedFee ? money(input.fixedFee, state.shop.currencyCode) : null,
    percentageOfRateFee: input.percentageOfRateFee ?? 0,
    participantServices: (input.participantServices ?? []).map((s: Rec) => ({ __typename: "DeliveryParticipantService", name: s.name, active: s.active })),
    adaptToNewServicesFlag: input.adaptToNewServices ?? true,
  };
  register(state, participant);
  return participant;
}

function rateRec(core: Core, state: ShopState, input: Rec): Rec {
  const rate: Rec = { __typename: "DeliveryRateDefinition", id: gidOf(core, "DeliveryRateDefinition"), price: money(input.price, state.shop.currencyCode) };
  register(state, rate);
  return rate;
}

// ---- validation -----------------------------------------------------------------------------------------------

type Err = Rec;

function validateMethod(state: ShopState, m: Rec, path: string[], creating: boolean): Err[] {
  if (creating && !!m.participant === !!m.rateDefinition) return [userError(path, "A method definition needs exactly one of a rate definition or a participant")];
  if (m.participant) {
    if (!m.participant.carrierServiceId && creating) return [userError([...path, "participant", "carrierServiceId"], "Carrier service can't be blank")];
    if (m.participant.carrierServiceId && !state.carrierServices.some((c) => c.id === m.participant.carrierServiceId)) {
      return [userError([...path, "participant", "carrierServiceId"], "Carrier service does not exist")];
    }
  }
  if (m.rateDefinition && !(Number(m.rateDefinition.price?.amount) >= 0)) return [userError([...path, "rateDefinition", "price"], "Price must be greater than or equal to 0")];
  return [];
}

const countryKey = (c: Rec): string => (c.restOfWorld ? "ROW" : String(c.code));
const recKey = (c: Rec): string => c.code.countryCode ?? "ROW";

/** Checks one location group's input against the group it changes (or none when it is new). */
function validateGroup(state: ShopState, input: Rec, existing: Rec | null, path: string[]): Err[] {
  const errors: Err[] = [];
  for (const key of ["locations", "locationsToAdd", "locationsToRemove"]) {
    for (const id of input[key] ?? []) {
      const loc = state.nodes.get(id);
      if (!loc || loc.__typename !== "Location") errors.push(userError([...path, key], `Location ${id} does not exist`));
    }
  }
  // A country sits in at most one zone of a location group, so checkout always finds one zone per destination.
  const owners = new Map<string, string>();
  for (const z of existing?.zones ?? []) for (const c of z.zone.countries) owners.set(recKey(c), z.zone.id);
  const updates: Rec[] = input.zonesToUpdate ?? [];
  for (const [i, z] of updates.entries()) {
    const zone = existing?.zones.find((x: Rec) => x.zone.id === z.id);
    if (!zone) { errors.push(userError([...path, "zonesToUpdate", String(i), "id"], "Zone does not exist")); continue; }
    if (z.countries) {
      for (const [k, v] of [...owners]) if (v === z.id) owners.delete(k);
      for (const c of z.countries) {
        const key = countryKey(c);
        if (owners.has(key)) errors.push(userError([...path, "zonesToUpdate", String(i), "countries"], `${key === "ROW" ? "Rest of World" : key} is already in another zone of this location group`));
        owners.set(key, z.id);
      }
    }
    for (const [j, m] of (z.methodDefinitionsToCreate ?? []).entries()) errors.push(...validateMethod(state, m, [...path, "zonesToUpdate", String(i), "methodDefinitionsToCreate", String(j)], true));
    for (const [j, m] of (z.methodDefinitionsToUpdate ?? []).entries()) {
      if (!zone.methods.some((x: Rec) => x.id === m.id)) errors.push(userError([...path, "zonesToUpdate", String(i), "methodDefinitionsToUpdate", String(j), "id"], "Method definition does not exist"));
      else errors.push(...validateMethod(state, m, [...path, "zonesToUpdate", String(i), "methodDefinitionsToUpdate", String(j)], false));
    }
  }
  for (const [i, z] of (input.zonesToCreate ?? []).entries()) {
    if (!String(z.name ?? "").trim()) errors.push(userError([...path, "zonesToCreate", String(i), "name"], "Zone name can't be blank"));
    if (!(z.countries ?? []).length) errors.push(userError([...path, "zonesToCreate", String(i), "countries"], "Zone must have at least one country"));
    for (const c of z.countries ?? []) {
      const key = countryKey(c);
      if (owners.has(key)) errors.push(userError([...path, "zonesToCreate", String(i), "countries"], `${key === "ROW" ? "Rest of World" : key} is already in another zone of this location group`));
      owners.set(key, `new-${i}`);
    }
    for (const [j, m] of (z.methodDefinitionsToCreate ?? []).entries()) errors.push(...validateMethod(state, m, [...path, "zonesToCreate", String(i), "methodDefinitionsToCreate", String(j)], true));
  }
  return errors;
}

function validateVariants(state: ShopState, ids: string[] | undefined, path: string[]): Err[] {
  return (ids ?? []).filter((id) => state.nodes.get(id)?.__typename !== "ProductVariant").map((id) => userError(path, `Product variant ${id} does not exist`));
}

function validateProfile(state: ShopState, profile: Rec | null, input: Rec): Err[] {
  const errors: Err[] = [];
  const path = (...p: string[]) => ["profile", ...p];
  if (input.coversAllItems != null && profile && !profile.appOwned) {
    errors.push(userError(path("coversAllItems"), "coversAllItems is only supported on app-owned shipping profiles"));
  }
  if ((profile === null || input.name != null) && !String(input.name ?? "").trim()) errors.push(userError(path("name"), "Profile name can't be blank"));
  const creates: Rec[] = [...(input.locationGroupsToCreate ?? []), ...(input.profileLocationGroups ?? []).filter((g: Rec) => !g.id)];
  for (const [i, g] of creates.entries()) {
    if (g.zonesToUpdate?.length) errors.push(userError(path("locationGroupsToCreate", String(i), "zonesToUpdate"), "A new location group has no zones to update"));
    errors.push(...validateGroup(state, g, null, path("locationGroupsToCreate", String(i))));
  }
  const updates: Rec[] = [...(input.locationGroupsToUpdate ?? []), ...(input.profileLocationGroups ?? []).filter((g: Rec) => g.id)];
  for (const [i, g] of updates.entries()) {
    const group = profile?.groups.find((x: Rec) => x.locationGroup.id === g.id);
    if (!group) { errors.push(userError(path("locationGroupsToUpdate", String(i), "id"), "Location group does not exist in this profile")); continue; }
    if (profile!.default && (g.locations || g.locationsToRemove?.length)) {
      errors.push(userError(path("locationGroupsToUpdate", String(i), "locations"), "Locations can't be removed from the default profile"));
    }
    errors.push(...validateGroup(state, g, group, path("locationGroupsToUpdate", String(i))));
  }
  for (const id of input.locationGroupsToDelete ?? []) {
    if (!profile?.groups.some((g: Rec) => g.locationGroup.id === id)) errors.push(userError(path("locationGroupsToDelete"), `Location group ${id} does not exist in this profile`));
  }
  errors.push(...validateVariants(state, input.variantsToAssociate, path("variantsToAssociate")));
  if (profile?.default && input.variantsToDissociate?.length) errors.push(userError(path("variantsToDissociate"), "Variants can't be dissociated from the default profile"));
  return errors;
}

// ---- applying a validated input -------------------------------------------------------------------------------

function applyGroup(core: Core, state: ShopState, group: Rec, input: Rec): void {
  let ids: string[] = group.locationIds();
  if (input.locations) ids = [...input.locations];
  if (input.locationsToAdd) ids = [...new Set([...ids, ...input.locationsToAdd])];
  if (input.locationsToRemove) ids = ids.filter((id) => !input.locationsToRemove.includes(id));
  if (input.locations || input.locationsToAdd || input.locationsToRemove) { const fixed = ids; group.locationIds = () => fixed; }
  for (const z of input.zonesToUpdate ?? []) {
    const zone = group.zones.find((x: Rec) => x.zone.id === z.id)!;
    if (z.name != null) zone.zone.name = z.name;
    if (z.countries) zone.zone.countries = z.countries.map((c: Rec) => countryRec(core, c));
    for (const m of z.methodDefinitionsToUpdate ?? []) {
      const method = zone.methods.find((x: Rec) => x.id === m.id)!;
      for (const key of ["name", "active", "description"]) if (m[key] != null) method[key] = m[key];
      if (m.rateDefinition) method.rateProvider = rateRec(core, state, m.rateDefinition);
      if (m.participant) {
        const p = method.rateProvider;
        if (p.__typename !== "DeliveryParticipant" || (m.participant.carrierServiceId && m.participant.carrierServiceId !== p.carrierServiceId)) {
          method.rateProvider = participantRec(core, state, { ...m.participant, carrierServiceId: m.participant.carrierServiceId ?? p.carrierServiceId });
        } else {
          if (m.participant.fixedFee !== undefined) p.fixedFee = m.participant.fixedFee ? money(m.participant.fixedFee, state.shop.currencyCode) : null;
          if (m.participant.percentageOfRateFee != null) p.percentageOfRateFee = m.participant.percentageOfRateFee;
          if (m.participant.adaptToNewServices != null) p.adaptToNewServicesFlag = m.participant.adaptToNewServices;
          if (m.participant.participantServices) p.participantServices = m.participant.participantServices.map((s: Rec) => ({ __typename: "DeliveryParticipantService", name: s.name, active: s.active }));
        }
      }
    }
    for (const m of z.methodDefinitionsToCreate ?? []) zone.methods.push(newMethod(core, state, m));
  }
  for (const z of input.zonesToCreate ?? []) addZone(core, state, group, z);
}

function apply(core: Core, state: ShopState, profile: Rec, input: Rec): void {
  if (input.name != null) profile.name = String(input.name).trim();
  if (input.coversAllItems != null) profile.coversAllItems = input.coversAllItems;
  const deleted = new Set<string>([...(input.zonesToDelete ?? []), ...(input.methodDefinitionsToDelete ?? [])]);
  for (const g of profile.groups) {
    g.zones = g.zones.filter((z: Rec) => !deleted.has(z.zone.id));
    for (const z of g.zones) z.methods = z.methods.filter((m: Rec) => !deleted.has(m.id));
  }
  profile.groups = profile.groups.filter((g: Rec) => !(input.locationGroupsToDelete ?? []).includes(g.locationGroup.id));
  for (const g of [...(input.locationGroupsToCreate ?? []), ...(input.profileLocationGroups ?? []).filter((x: Rec) => !x.id)]) {
    const fixed: string[] = [...new Set<string>([...(g.locations ?? []), ...(g.locationsToAdd ?? [])])];
    applyGroup(core, state, newLocationGroup(core, state, profile, () => fixed), { ...g, locations: undefined, locationsToAdd: undefined, locationsToRemove: undefined });
  }
  for (const g of [...(input.locationGroupsToUpdate ?? []), ...(input.profileLocationGroups ?? []).filter((x: Rec) => x.id)]) {
    applyGroup(core, state, profile.groups.find((x: Rec) => x.locationGroup.id === g.id), g);
  }
  for (const id of input.variantsToAssociate ?? []) {
    for (const other of deliveryWorldProfiles(state)) other.variantIds.delete(id);
    if (!profile.default) profile.variantIds.add(id);
  }
  for (const id of input.variantsToDissociate ?? []) profile.variantIds.delete(id);
  profile.version += 1;
}

// ---- root fields ---------------------------------------------------------------------------------------------

export function deliveryProfiles(core: Core, state: ShopState, args: Rec): Rec[] {
  return deliveryWorld(core, state).profiles.filter((p) => !args.merchantOwnedOnly || !p.appOwned);
}

export function deliveryProfileCreate(core: Core, state: ShopState, input: Rec): Rec {
  deliveryWorld(core, state);
  const errors = validateProfile(state, null, input);
  if (errors.length) return { profile: null, userErrors: errors };
  // Every profile an API client creates is owned by that app (so coversAllItems is allowed on it).
  const profile = newProfile(core, state, { name: String(input.name).trim(), default: false, appOwned: true, coversAllItems: input.coversAllItems ?? false });
  profile.version = 0;
  apply(core, state, profile, { ...input, name: undefined, coversAllItems: undefined });
  return { profile, userErrors: [] };
}

export function deliveryProfileUpdate(core: Core, state: ShopState, id: string, input: Rec): Rec {
  const profile = deliveryWorld(core, state).profiles.find((p) => p.id === id);
  if (!profile) return { profile: null, userErrors: [userError(["id"], "Profile could not be found")] };
  const errors = validateProfile(state, profile, input);
  if (errors.length) return { profile: null, userErrors: errors };
  apply(core, state, profile, input);
  return { profile, userErrors: [] };
}

/** Shopify enqueues the removal as a Job; the emulator finishes it at once and moves the variants back to General. */
export function deliveryProfileRemove(core: Core, state: ShopState, id: string): Rec {
  const world = deliveryWorld(core, state);
  const index = world.profiles.findIndex((p) => p.id === id);
  if (index < 0) return { job: null, userErrors: [userError(["id"], "Profile could not be found")] };
  if (world.profiles[index]!.default) return { job: null, userErrors: [userError(["id"], "Cannot delete the default profile")] };
  world.profiles.splice(index, 1);
  state.nodes.delete(id);
  return { job: { __typename: "Job", id: gidOf(core, "Job"), done: true, query: null }, userErrors: [] };
}

/** A merchant's own profile (made in the Shopify admin), for scenarios: not app-owned, so no coversAllItems. */
export function createMerchantProfile(core: Core, state: ShopState, input: Rec): Rec {
  deliveryWorld(core, state);
  const errors = validateProfile(state, null, input);
  if (errors.length) throw new Error(`invalid merchant profile: ${errors.map((e) => e.message).join("; ")}`);
  const profile = newProfile(core, state, { name: String(input.name).trim(), default: false, appOwned: false, coversAllItems: false });
  apply(core, state, profile, { ...input, name: undefined, coversAllItems: undefined });
  return profile;
}
