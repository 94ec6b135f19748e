/**
 * Registers Silkroute's CarrierService on a shop (create, reactivate, deactivate, delete) and records the
 * outcome on the shop's settings. Shopify refuses carrierServiceCreate on stores without carrier-calculated
 * shipping; that refusal becomes the "ineligible" status the settings page explains.
 */
import db from "../../../db.server";
import { loadConfig } from "../../config";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import { getShippingSettings } from "../settings.server";
import { storedMessage } from "../../../i18n/stored-message";

// i18n-ignore: written to Shopify, read by every staff member of the shop (ADR 1900: Shopify-side text stays English)
export const CARRIER_SERVICE_NAME = "Silkroute cross-border shipping";
export const callbackUrl = (appUrl = loadConfig().SHOPIFY_APP_URL) => `${appUrl.replace(/\/$/, "")}/carrier-service/rates`;

export type CarrierStatus = "unregistered" | "active" | "inactive" | "ineligible" | "failed";
export interface RegistrationResult { status: CarrierStatus; message: string | null; gid: string | null }

const CREATE = `#graphql
mutation silkrouteShippingCarrierServiceCreate($input: DeliveryCarrierServiceCreateInput!) {
  carrierServiceCreate(input: $input) { carrierService { id active callbackUrl } userErrors { field message } }
}`;
const UPDATE = `#graphql
mutation silkrouteShippingCarrierServiceUpdate($input: DeliveryCarrierServiceUpdateInput!) {
  carrierServiceUpdate(input: $input) { carrierService { id active callbackUrl } userErrors { field message } }
}`;
const DELETE = `#graphql
mutation silkrouteShippingCarrierServiceDelete($id: ID!) {
  carrierServiceDelete(id: $id) { deletedId userErrors { field message } }
}`;
const LIST = `#graphql
query silkrouteShippingCarrierServices {
  carrierServices(first: 50) { nodes { id name active callbackUrl } }
  shop { plan { publicDisplayName partnerDevelopment shopifyPlus } }
}`;

// Shopify words this refusal in several ways; all of them name the feature or the plan.
const INELIGIBLE = /carrier[- ]calculated shipping|not eligible|upgrade|plan/i;

async function record(shop: string, result: RegistrationResult): Promise<RegistrationResult> {
  await getShippingSettings(shop);
  await db.shippingSettings.update({
    where: { shop },
    data: { carrierServiceGid: result.gid, carrierServiceStatus: result.status, carrierServiceMessage: result.message, carrierServiceCheckedAt: new Date() },
  });
  return result;
}

function refusal(error: unknown, plan: string | null, gid: string | null): RegistrationResult {
  if (!(error instanceof AdminUserErrors)) throw error;
  const message = error.userErrors.map((e) => e.message).join(" ");
  // Shopify's words stay as written; the plan note is ours, so it is a catalog message.
  if (INELIGIBLE.test(message)) return { status: "ineligible", gid, message: plan ? storedMessage("messages:carrier.refusedOnPlan", { detail: message, plan }) : message };
  return { status: "failed", gid, message };
}

/** Create, or reactivate the service this app already owns (found by id, else by our callback URL). */
export async function registerCarrierService(shop: string, admin: AdminClient): Promise<RegistrationResult> {
  const settings = await getShippingSettings(shop);
  const url = callbackUrl();
  const listing = await admin.request(LIST);
  const plan = listing.shop.plan.publicDisplayName ?? null;
  const existing = listing.carrierServices.nodes.find((c) => c.id === settings.carrierServiceGid) ?? listing.carrierServices.nodes.find((c) => c.callbackUrl === url || c.name === CARRIER_SERVICE_NAME);
  try {
    if (existing) {
      const data = await admin.request(UPDATE, { input: { id: existing.id, name: CARRIER_SERVICE_NAME, callbackUrl: url, active: true, supportsServiceDiscovery: true } });
      return record(shop, { status: "active", gid: data.carrierServiceUpdate?.carrierService?.id ?? existing.id, message: null });
    }
    const data = await admin.request(CREATE, { input: { name: CARRIER_SERVICE_NAME, callbackUrl: url, active: true, supportsServiceDiscovery: true } });
    return record(shop, { status: "active", gid: data.carrierServiceCreate?.carrierService?.id ?? null, message: null });
  } catch (error) {
    return record(shop, refusal(error, plan, existing?.id ?? null));
  }
}

export async function deactivateCarrierService(shop: string, admin: AdminClient): Promise<RegistrationResult> {
  const { carrierServiceGid: gid } = await getShippingSettings(shop);
  if (!gid) return record(shop, { status: "unregistered", gid: null, message: null });
  try {
    await admin.request(UPDATE, { input: { id: gid, active: false } });
    return record(shop, { status: "inactive", gid, message: null });
  } catch (error) {
    return record(shop, refusal(error, null, gid));
  }
}

export async function deleteCarrierService(shop: string, admin: AdminClient): Promise<RegistrationResult> {
  const { carrierServiceGid: gid } = await getShippingSettings(shop);
  if (gid) {
    try {
      await admin.request(DELETE, { id: gid });
    } catch (error) {
      // Already gone in Shopify (deleted by hand): forgetting it here is the right outcome.
      if (!(error instanceof AdminUserErrors)) throw error;
    }
  }
  return record(shop, { status: "unregistered", gid: null, message: null });
}
