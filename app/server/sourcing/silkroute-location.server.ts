import type { AdminClient } from "../shopify/admin-client";
import { AdminUserErrors } from "../shopify/admin-errors";
import db from "../../db.server";
import { saveSourcingSettings } from "./settings.server";
import { FULFILLMENT_SERVICE_CREATE, FULFILLMENT_SERVICES } from "./push/push-operations";

// Imported stock lives at the location of Silkroute's fulfillment service. The fulfillment domain registers
// the same service (same name) for order routing; whichever runs first creates it, the other finds it.
export const FULFILLMENT_SERVICE_NAME = "Silkroute";

/** Finds or creates the location and remembers it (and the shop currency) for this shop. */
export async function ensureSilkrouteLocation(admin: AdminClient): Promise<string> {
  const shop = admin.shop;
  const saved = await db.sourcingSettings.findUnique({ where: { shop }, select: { locationGid: true } });
  if (saved?.locationGid) return saved.locationGid;
  const locationGid = (await findLocation(admin)) ?? (await createLocation(admin));
  await saveSourcingSettings(shop, { locationGid });
  return locationGid;
}

async function findLocation(admin: AdminClient): Promise<string | null> {
  const { shop } = await admin.request(FULFILLMENT_SERVICES);
  await db.shop.updateMany({ where: { domain: admin.shop, currencyCode: null }, data: { currencyCode: shop.currencyCode } });
  return shop.fulfillmentServices.find((s) => s.serviceName === FULFILLMENT_SERVICE_NAME)?.location?.id ?? null;
}

async function createLocation(admin: AdminClient): Promise<string> {
  const callbackUrl = process.env.SHOPIFY_APP_URL ? `${process.env.SHOPIFY_APP_URL.replace(/\/$/, "")}/fulfillment-service` : null;
  try {
    const { fulfillmentServiceCreate } = await admin.request(FULFILLMENT_SERVICE_CREATE, { name: FULFILLMENT_SERVICE_NAME, callbackUrl });
    const id = fulfillmentServiceCreate?.fulfillmentService?.location?.id;
    if (id) return id;
  } catch (error) {
    // Another process created it between our lookup and our create: use theirs.
    if (!(error instanceof AdminUserErrors)) throw error;
  }
  const found = await findLocation(admin);
  if (!found) throw new Error("Could not find or create the Silkroute fulfillment-service location");
  return found;
}
