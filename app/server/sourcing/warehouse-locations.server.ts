import db from "../../db.server";
import { ensureWarehouseServices } from "../fulfillment/warehouses.server";
import type { AdminClient } from "../shopify/admin-client";
import { withWarehouseAliases } from "../suppliers/warehouse-aliases";

/** Supplier warehouse code → the Shopify location of its Silkroute fulfillment service. */
export type WarehouseLocations = ReadonlyMap<string, string>;

/**
 * Imported stock lives at the fulfillment domain's per-warehouse locations ("Silkroute Shenzhen", …), so
 * Shopify routes each order to the warehouse that holds it and the supplier order names that warehouse.
 * Overseas supplier warehouses have no location yet; their stock is kept on the mapping but not pushed.
 */
export async function warehouseLocations(admin: AdminClient): Promise<WarehouseLocations> {
  const rows = await ensureWarehouseServices(admin);
  await rememberShopCurrency(admin);
  // Plus locations other domains added (the JD consolidation warehouse, CN-JD).
  const extra = await db.fulfillmentWarehouse.findMany({ where: { shop: admin.shop } });
  return withWarehouseAliases(new Map([...extra, ...rows].map((r) => [r.code, r.locationGid])));
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
