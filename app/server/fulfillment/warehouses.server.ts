// One Shopify fulfillment service per registry warehouse that has a location (ADR 2000), its location moved to
// the warehouse's address (China, or abroad for overseas warehouses), so Shopify routes stocked items there
// and the duties/origin shown are right.
import db from "../../db.server";
import { config } from "../../shopify.server";
import type { AdminClient } from "../shopify/admin-client";
import { FULFILLMENT_SERVICE_CREATE, FULFILLMENT_SERVICE_STOP_TRACKING, FULFILLMENT_SERVICES, LOCATION_EDIT } from "./shopify/documents";
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
      service = { ...created.fulfillmentServiceCreate!.fulfillmentService!, callbackUrl: callbackUrl(), trackingSupport: false };
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

/**
 * Turns tracking support off on the shop's Silkroute services that still declare it (registered before ADR 0710):
 * Shopify would otherwise keep polling a fetch_tracking_numbers route that no longer exists. Only services Silkroute
 * registered are touched; returns how many were changed.
 */
export async function stopServiceTrackingSupport(admin: AdminClient): Promise<number> {
  const ours = new Set((await db.fulfillmentWarehouse.findMany({ where: { shop: admin.shop }, select: { serviceGid: true } })).map((r) => r.serviceGid));
  if (ours.size === 0) return 0;
  const services = (await admin.request(FULFILLMENT_SERVICES)).shop.fulfillmentServices;
  let changed = 0;
  for (const service of services.filter((s) => ours.has(s.id) && s.trackingSupport)) {
    const answer = await admin.request(FULFILLMENT_SERVICE_STOP_TRACKING, { id: service.id });
    const errors = answer.fulfillmentServiceUpdate?.userErrors ?? [];
    if (errors.length) throw new Error(`fulfillmentServiceUpdate refused: ${errors.map((e) => e.message).join("; ")}`);
    changed++;
  }
  return changed;
}
