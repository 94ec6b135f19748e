import db from "../../db.server";
import { ensureWarehouseServices } from "../fulfillment/warehouses.server";
import type { AdminClient } from "../shopify/admin-client";
import { warehouseRegistry } from "../warehouses/registry.server";

/** Registry warehouse id → the Shopify location of its Silkroute fulfillment service. */
export type WarehouseLocations = ReadonlyMap<string, string>;

/**
 * Imported stock lives at the per-warehouse locations of the warehouse registry ("Silkroute Shenzhen",
 * "Silkroute Los Angeles", …; ADR 2000), so Shopify routes each order to the warehouse that holds it and the
 * supplier order names that warehouse. Every registry warehouse with a location gets its fulfillment service here.
 */
export async function warehouseLocations(admin: AdminClient): Promise<WarehouseLocations> {
  const registry = await warehouseRegistry();
  const rows = await ensureWarehouseServices(admin, registry.withLocations().map((w) => w.id));
  await rememberShopCurrency(admin);
  // Plus locations other domains added (the JD consolidation warehouse, CN-JD).
  const extra = await db.fulfillmentWarehouse.findMany({ where: { shop: admin.shop } });
  const locations = new Map([...extra, ...rows].map((r) => [r.code, r.locationGid]));
  // Import-list rows saved before the registry still say "US" or CJ's "CN": an unambiguous code finds its warehouse.
  for (const [code, id] of registry.unambiguousCodes()) {
    const location = locations.get(id);
    if (location && !locations.has(code)) locations.set(code, location);
  }
  return locations;
}

const SHOP_CURRENCY = `#graphql
  query silkrouteSourcingShopCurrency { shop { currencyCode } }
`;

// Pricing rules default to the shop's currency; record it the first time we talk to the shop.
async function rememberShopCurrency(admin: AdminClient): Promise<void> {
  const known = await db.shop.findUnique({ where: { domain: admin.shop }, select: { currencyCode: true } });
  if (known?.currencyCode) return;
  const { shop } = await admin.request(SHOP_CURRENCY);
  await db.shop.updateMany({ where: { domain: admin.shop }, data: { currencyCode: shop.currencyCode } });
}
