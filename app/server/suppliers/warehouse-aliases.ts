/**
 * Suppliers that report stock by country rather than by site (CJ's stock/queryByVid `countryCode`: CN, US, DE, GB…)
 * are stocked at the Silkroute fulfillment location that serves that country, so Shopify routes their orders to
 * Silkroute. CJ's China stock ships from its Shenzhen/Yiwu hubs; Silkroute Shenzhen serves it. Overseas countries have
 * no Silkroute location yet, so (like the sandbox's US/DE/UK) their stock stays on the mapping and is not pushed.
 */
export const WAREHOUSE_LOCATION_ALIASES: Readonly<Record<string, string>> = { CN: "CN-SZ" };

/** Adds each alias whose target location exists to a code → location map. */
export function withWarehouseAliases(locations: ReadonlyMap<string, string>): Map<string, string> {
  const all = new Map(locations);
  for (const [alias, target] of Object.entries(WAREHOUSE_LOCATION_ALIASES)) {
    const location = locations.get(target);
    if (location && !all.has(alias)) all.set(alias, location);
  }
  return all;
}
