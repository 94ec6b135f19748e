// JD products are stocked at one Shopify location standing for the shop's default consolidation warehouse
// (a Silkroute fulfillment service, like the sandbox warehouses), so Shopify routes their orders to Silkroute
// and the duties/origin shown are China's. Its stock code is the one the JD adapter answers for (CN-JD).
import db from "../../db.server";
import { adminClientForShop } from "../shopify/admin.server";
import type { AdminClient } from "../shopify/admin-client";
import { callbackUrl } from "../fulfillment/warehouses.server";
import { FULFILLMENT_SERVICE_CREATE, FULFILLMENT_SERVICES, LOCATION_EDIT } from "../fulfillment/shopify/documents";
import type { CountryCode } from "../../types/admin.types";
import { defaultWarehouse, type ConsolidationWarehouse } from "./warehouses.server";
import { JD_CONSOLIDATION_STOCK_CODE } from "./jd-via-consolidation.server";

export const JD_LOCATION_NAME = "Silkroute JD consolidation";

// JD province id → ISO 3166-2:CN subdivision (Shopify provinceCode), for the provinces the emulator's tree knows.
const PROVINCE_CODES: Record<number, string> = { 1: "BJ", 2: "SH", 3: "TJ", 4: "CQ", 12: "JS", 13: "SD", 15: "ZJ", 16: "FJ", 19: "GD", 22: "SC" };

/** Safe to run again: the service is found by name first, and its location follows the default warehouse. */
export async function ensureJdConsolidationLocation(admin: AdminClient, warehouse: ConsolidationWarehouse) {
  const shop = admin.shop;
  let row = await db.fulfillmentWarehouse.findUnique({ where: { shop_code: { shop, code: JD_CONSOLIDATION_STOCK_CODE } } });
  if (!row) {
    const existing = (await admin.request(FULFILLMENT_SERVICES)).shop.fulfillmentServices.find((s) => s.serviceName === JD_LOCATION_NAME);
    const service = existing ?? (await admin.request(FULFILLMENT_SERVICE_CREATE, { name: JD_LOCATION_NAME, callbackUrl: callbackUrl() })).fulfillmentServiceCreate!.fulfillmentService!;
    row = await db.fulfillmentWarehouse.upsert({
      where: { shop_code: { shop, code: JD_CONSOLIDATION_STOCK_CODE } },
      create: { shop, code: JD_CONSOLIDATION_STOCK_CODE, serviceGid: service.id, locationGid: service.location!.id },
      update: {},
    });
  }
  const [, city = ""] = warehouse.areaLabel.split(" ");
  const provinceCode = PROVINCE_CODES[warehouse.provinceId];
  await admin.request(LOCATION_EDIT, {
    id: row.locationGid,
    input: { address: { address1: warehouse.address, city, ...(provinceCode ? { provinceCode } : {}), countryCode: "CN" as CountryCode } },
  });
  return row;
}

/** After the default warehouse changes: moves (or creates) the JD location. Returns a problem to show, or null. */
export async function syncJdLocation(shop: string): Promise<string | null> {
  const warehouse = await defaultWarehouse(shop);
  if (!warehouse) return null;
  try {
    await ensureJdConsolidationLocation(await adminClientForShop(shop), warehouse);
    return null;
  } catch (error) {
    return `Saved, but the Shopify location for JD stock could not be updated (${(error as Error).message}). It is retried on the next change.`;
  }
}
