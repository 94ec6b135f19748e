/**
 * Pure helpers: which destinations Silkroute serves (from the active rate cards) and, given the shop's delivery
 * profiles as read from Shopify, where checkout actually offers Silkroute's rates and which served destinations
 * no zone covers. No Prisma, no Shopify client: plain data in, plain data out.
 */

/** The destinations a set of rate cards serves: explicit ISO-2 countries, and "everywhere else" when a zone says "*". */
export interface ServedDestinations { countries: string[]; restOfWorld: boolean }

export function servedDestinations(cards: ReadonlyArray<{ zones: ReadonlyArray<{ countries: readonly string[] }> }>): ServedDestinations {
  const all = cards.flatMap((c) => c.zones.flatMap((z) => z.countries));
  return { countries: [...new Set(all.filter((c) => c !== "*"))].sort(), restOfWorld: all.includes("*") };
}

export interface ReachZone {
  id: string;
  name: string;
  countries: string[];
  restOfWorld: boolean;
  /** Participant method definitions: which carrier service, and whether active. */
  participants: Array<{ id: string; carrierServiceId: string | null; active: boolean }>;
}
export interface ReachGroup { id: string; locationIds: string[]; zones: ReachZone[] }
export interface ReachProfile { id: string; name: string; default: boolean; coversAllItems: boolean; groups: ReachGroup[] }

export const offersCarrier = (zone: ReachZone, carrierId: string | null): boolean =>
  !!carrierId && zone.participants.some((p) => p.active && p.carrierServiceId === carrierId);

/** The zone of a location group that ships to `country`: an explicit country wins over "Rest of World". */
export function zoneForCountry(group: ReachGroup, country: string): ReachZone | null {
  return group.zones.find((z) => z.countries.includes(country)) ?? group.zones.find((z) => z.restOfWorld) ?? null;
}

/**
 * The profile whose rates checkout uses for most items: an app-owned profile covering all items overrides every
 * assignment (https://shopify.dev/changelog/admin-graphql-api-now-supports-app-owned-delivery-profiles-that-cover-all-shippable-items);
 * otherwise the General profile holds every product not moved to another profile.
 */
export function coveringProfile(profiles: readonly ReachProfile[]): ReachProfile | null {
  return profiles.find((p) => p.coversAllItems) ?? profiles.find((p) => p.default) ?? null;
}

export interface OfferedZone { profileName: string; zoneName: string; countries: string[]; restOfWorld: boolean; coversAllItems: boolean }

export interface Coverage {
  /** Every zone, in any profile, whose method definitions include Silkroute's active participant. */
  offered: OfferedZone[];
  /** Served countries where the covering profile offers no Silkroute rate (checkout shows none of ours there). */
  uncovered: string[];
  /** The covering profile has Silkroute's rates for "every other country" as well. */
  restOfWorldCovered: boolean;
  /** An app-owned profile covers all items, so the merchant's own General rates no longer apply anywhere. */
  overridesGeneral: boolean;
}

export function coverage(profiles: readonly ReachProfile[], carrierId: string | null, served: ServedDestinations): Coverage {
  const offered = profiles.flatMap((p) => p.groups.flatMap((g) => g.zones.filter((z) => offersCarrier(z, carrierId)).map((z) => ({
    profileName: p.name, zoneName: z.name, countries: z.countries, restOfWorld: z.restOfWorld, coversAllItems: p.coversAllItems,
  }))));
  const covering = coveringProfile(profiles);
  const covers = (country: string) => !!covering?.groups.some((g) => {
    const zone = zoneForCountry(g, country);
    return !!zone && offersCarrier(zone, carrierId);
  });
  return {
    offered,
    uncovered: served.countries.filter((c) => !covers(c)),
    restOfWorldCovered: !!covering?.groups.some((g) => g.zones.some((z) => z.restOfWorld && offersCarrier(z, carrierId))),
    overridesGeneral: !!covering?.coversAllItems,
  };
}

/** A stable text of what our profile should hold, so an unchanged set of cards and locations writes nothing. */
export function reachKey(served: ServedDestinations, carrierId: string, locationIds: readonly string[]): string {
  return [carrierId, served.countries.join(","), served.restOfWorld ? "ROW" : "", [...locationIds].sort().join(",")].join("|");
}
