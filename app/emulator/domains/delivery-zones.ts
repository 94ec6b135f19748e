/**
 * Which rates a checkout may offer: the profile holding the cart's items, the location group holding the origin
 * location, and the zone holding the destination country (an explicit country wins over "Rest of World").
 *
 * An app-owned profile with `coversAllItems: true` covers every shippable item, overriding explicit assignments;
 * otherwise a variant's explicit profile applies, else the General (default) profile.
 * https://shopify.dev/changelog/admin-graphql-api-now-supports-app-owned-delivery-profiles-that-cover-all-shippable-items
 * A carrier is asked for rates only where the zone has its participant method definition: from 2026-10 registering
 * a carrier service adds it to no profile. https://shopify.dev/changelog/carrier-services-will-no-longer-be-automatically-added-to-the-default-shipping-profile
 *
 * Simplification: a cart whose items fall in different profiles is quoted with the first line's profile
 * (Shopify combines the profiles' rates; Silkroute's default profile covers all items, so this does not arise there).
 */
import type { Core } from "../context";
import type { Rec, ShopState } from "../state";
import { toCarrierServiceSubunits, parseDecimal } from "../../server/money";
import { deliveryWorld } from "./delivery-profiles";

export interface ZoneRates {
  profile: Rec;
  zone: Rec;
  /** Merchant-defined rates of the zone, in the carrier-service answer shape. */
  merchantRates: Rec[];
  /** Active carrier-participant methods of the zone. */
  participants: Rec[];
}

export function profileForVariant(core: Core, state: ShopState, variantId: string): Rec {
  const profiles = deliveryWorld(core, state).profiles;
  return profiles.find((p) => p.appOwned && p.coversAllItems)
    ?? profiles.find((p) => !p.default && p.variantIds.has(variantId))
    ?? profiles.find((p) => p.default)!;
}

export function zoneFor(profile: Rec, locationId: string, country: string): Rec | null {
  const group = profile.groups.find((g: Rec) => g.locationIds().includes(locationId));
  if (!group) return null;
  const has = (z: Rec, test: (c: Rec) => boolean) => z.zone.countries.some(test);
  return group.zones.find((z: Rec) => has(z, (c) => c.code.countryCode === country))
    ?? group.zones.find((z: Rec) => has(z, (c) => c.code.restOfWorld))
    ?? null;
}

/** Null when no zone of the covering profile ships to the destination from the origin: checkout has no rates. */
export function ratesForZone(core: Core, state: ShopState, variantId: string, originLocationId: string, country: string): ZoneRates | null {
  const profile = profileForVariant(core, state, variantId);
  const zone = zoneFor(profile, originLocationId, country);
  if (!zone) return null;
  const active = zone.methods.filter((m: Rec) => m.active);
  const merchantRates = active.filter((m: Rec) => m.rateProvider.__typename === "DeliveryRateDefinition").map((m: Rec) => {
    const price = m.rateProvider.price;
    return {
      service_name: m.name, service_code: m.name, description: m.description ?? "",
      total_price: String(toCarrierServiceSubunits(parseDecimal(price.amount, price.currencyCode))), currency: price.currencyCode,
    };
  });
  const participants = active.map((m: Rec) => m.rateProvider).filter((p: Rec) => p.__typename === "DeliveryParticipant");
  return { profile, zone, merchantRates, participants };
}

/**
 * A participant's merchant fees are added to each carrier rate (percentage first, then the fixed fee), and when the
 * participant lists services without adapting to new ones, only those active services are shown.
 * (DeliveryParticipant fields in the 2026-10 schema: fixedFee, percentageOfRateFee, participantServices, adaptToNewServicesFlag.)
 */
export function applyParticipant(participant: Rec, rates: Rec[]): Rec[] {
  const services: Rec[] = participant.participantServices ?? [];
  const shown = participant.adaptToNewServicesFlag || services.length === 0
    ? rates.filter((r) => !services.some((s) => !s.active && s.name === r.service_name))
    : rates.filter((r) => services.some((s) => s.active && s.name === r.service_name));
  const pct = Number(participant.percentageOfRateFee ?? 0);
  const fixed = participant.fixedFee ? toCarrierServiceSubunits(parseDecimal(participant.fixedFee.amount, participant.fixedFee.currencyCode)) : 0;
  if (!pct && !fixed) return shown;
  return shown.map((r) => ({ ...r, total_price: String(Math.round(Number(r.total_price) * (1 + pct / 100)) + fixed) }));
}
