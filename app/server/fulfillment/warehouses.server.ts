// One Shopify fulfillment service per registry warehouse that has a location (ADR 2000), its location moved to
// the warehouse's address (China, or abroad for overseas warehouses), so Shopify routes stocked items there
// and the duties/origin shown are right.
import db from "../../db.server";
import { config } from "../../shopify.server";
import type { AdminClient } from "../shopify/admin-client";
import { FULFILLMENT_SERVICE_CREATE, FULFILLMENT_SERVICES, LOCATION_EDIT } from "./shopify/documents";
import type { CountryCode } from "../../types/admin.types";
import { warehouseRegistry } from "../warehouses/registry.server";

/** The China warehouses every shop gets at install; overseas ones are added when stock first needs them. */
export const CHINA_WAREHOUSE_IDS = ["CN-SZ", "CN-GZ", "CN-YW"] as const;

export const callbackUrl = () => `${config.SHOPIFY_APP_URL.replace(/\/$/, "")}/fulfillment-service`;

/** Safe to run again: services are looked up by name before any is created. */
export async function ensureWarehouseServices(admin: AdminClient, codes: readonly string[] = CHINA_WAREHOUSE_IDS) {
  const shop = admin.shop;
  const registry = await warehouseRegistry();
  const wanted = registry.withLocations().filter((w) => codes.includes(w.id)).map((w) => ({ code: w.id, name: w.locationName!, country: w.country, address: w.address! }));
  const saved = await db.fulfillmentWarehouse.findMany({ where: { shop, code: { in: wanted.map((w) => w.code) } } });
  if (saved.length === wanted.length) return wanted.map((w) => saved.find((r) => r.code === w.code)!);
  const existing = (await admin.request(FULFILLMENT_SERVICES)).shop.fulfillmentServices;
  const rows = [];
  for (const warehouse of wanted) {
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
    await admin.request(LOCATION_EDIT, { id: locationGid, input: { address: { ...warehouse.address, countryCode: warehouse.country as CountryCode } } });
    rows.push(await db.fulfillmentWarehouse.upsert({
      where: { shop_code: { shop, code: warehouse.code } },
      create: { shop, code: warehouse.code, serviceGid: service.id, locationGid },
      update: { serviceGid: service.id, locationGid },
    }));
  }
  return rows;
}
