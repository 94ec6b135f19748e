// One Shopify fulfillment service per supplier warehouse, its location moved to the warehouse's address in
// China, so Shopify routes stocked items there and the duties/origin shown are right.
import db from "../../db.server";
import { config } from "../../shopify.server";
import type { AdminClient } from "../shopify/admin-client";
import { FULFILLMENT_SERVICE_CREATE, FULFILLMENT_SERVICES, LOCATION_EDIT } from "./shopify/documents";
import type { CountryCode } from "../../types/admin.types";

export const WAREHOUSES = [
  { code: "CN-SZ", name: "Silkroute Shenzhen", address: { address1: "Building 3, 18 Bantian Wuhe Avenue", city: "Shenzhen", provinceCode: "GD", zip: "518129" } },
  { code: "CN-GZ", name: "Silkroute Guangzhou", address: { address1: "66 Huangpu Avenue West, Tianhe District", city: "Guangzhou", provinceCode: "GD", zip: "510620" } },
  { code: "CN-YW", name: "Silkroute Yiwu", address: { address1: "1 Futian Road, International Trade City", city: "Yiwu", provinceCode: "ZJ", zip: "322000" } },
] as const;

export const callbackUrl = () => `${config.SHOPIFY_APP_URL.replace(/\/$/, "")}/fulfillment-service`;

/** Safe to run again: services are looked up by name before any is created. */
export async function ensureWarehouseServices(admin: AdminClient, codes: readonly string[] = WAREHOUSES.map((w) => w.code)) {
  const shop = admin.shop;
  const existing = (await admin.request(FULFILLMENT_SERVICES)).shop.fulfillmentServices;
  const rows = [];
  for (const warehouse of WAREHOUSES.filter((w) => codes.includes(w.code))) {
    const saved = await db.fulfillmentWarehouse.findUnique({ where: { shop_code: { shop, code: warehouse.code } } });
    if (saved) {
      rows.push(saved);
      continue;
    }
    let service = existing.find((s) => s.serviceName === warehouse.name);
    if (!service) {
      const created = await admin.request(FULFILLMENT_SERVICE_CREATE, { name: warehouse.name, callbackUrl: callbackUrl() });
      service = { ...created.fulfillmentServiceCreate!.fulfillmentService!, callbackUrl: callbackUrl() };
    }
    const locationGid = service.location!.id;
    await admin.request(LOCATION_EDIT, { id: locationGid, input: { address: { ...warehouse.address, countryCode: "CN" as CountryCode } } });
    rows.push(await db.fulfillmentWarehouse.upsert({
      where: { shop_code: { shop, code: warehouse.code } },
      create: { shop, code: warehouse.code, serviceGid: service.id, locationGid },
      update: { serviceGid: service.id, locationGid },
    }));
  }
  return rows;
}
