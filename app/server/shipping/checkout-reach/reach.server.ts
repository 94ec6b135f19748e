/**
 * Turning checkout rates on and off on a 2026-10 store. Registering the carrier service is not enough: from API
 * 2026-10 `carrierServiceCreate` adds it to no shipping profile, so checkout would never ask Silkroute for rates
 * (https://shopify.dev/changelog/carrier-services-will-no-longer-be-automatically-added-to-the-default-shipping-profile).
 * After registering, the merchant's intent is stored first (wanted + mode, status "pending"), then Shopify is
 * brought to match it under a per-shop lease: by default Silkroute's own app-owned profile covering all items
 * (app-profile.server.ts), or Silkroute's rates in zones the merchant picks (merchant-zones.server.ts).
 * A crash between the two leaves "pending", which the next click, card change or retry finishes.
 */
import { randomUUID } from "node:crypto";
import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminApiError, AdminUserErrors } from "../../shopify/admin-errors";
import { jobQueue } from "../../jobs/queue.server";
import { deactivateCarrierService, deleteCarrierService, registerCarrierService, type RegistrationResult } from "../carrier-service/registration.server";
import { effectiveRateCardSet } from "../rate-cards.server";
import { getShippingSettings } from "../settings.server";
import { findAppProfile, removeAppProfile, upsertAppProfile } from "./app-profile.server";
import { coverage, servedDestinations, type Coverage, type ServedDestinations } from "./destinations";
import { reachRow, withReachLease } from "./lease.server";
import { merchantZoneOptions, setMerchantZones, type MerchantZoneOption } from "./merchant-zones.server";
import { readShopDelivery } from "./profiles.server";
import { messageFromStored, storedMessage } from "../../../i18n/stored-message";
import { message, type Message } from "../../../i18n/message";

export type ReachMode = "app-profile" | "merchant-zones";
export type ReachStatus = "off" | "pending" | "ready" | "failed";
export interface ReachOutcome { status: ReachStatus; message: string | null }

export const CHECKOUT_REACH_SYNC = "shipping.checkout-reach.sync";

const zoneSet = (text: string | null | undefined) => new Set((text ?? "").split(",").filter(Boolean));

async function served(shop: string): Promise<ServedDestinations> {
  return servedDestinations((await effectiveRateCardSet(shop)).cards);
}

async function record(shop: string, outcome: ReachOutcome): Promise<ReachOutcome> {
  await db.checkoutRatesReach.update({ where: { shop }, data: { status: outcome.status, message: outcome.message, syncedAt: new Date() } });
  return outcome;
}

function failure(error: unknown): ReachOutcome {
  // Shopify's own words are partner text, carried as `detail`.
  if (error instanceof AdminUserErrors) return { status: "failed", message: storedMessage("messages:reach.shopifyRefused", { detail: error.userErrors.map((e) => e.message).join(" ") }) };
  if (error instanceof AdminApiError) { console.error(`[checkout-reach] ${error.message}`); return { status: "failed", message: storedMessage("messages:reach.unreachable") }; }
  throw error;
}

/**
 * Brings Shopify to the stored intent. Runs under the shop's lease; safe to repeat. `formerZones` are zones Silkroute
 * managed before the current pick (they lose our method unless picked again).
 */
async function reconcile(shop: string, admin: AdminClient, formerZones: ReadonlySet<string> = new Set()): Promise<ReachOutcome> {
  const row = await reachRow(shop);
  const { carrierServiceGid: carrierId, carrierServiceStatus } = await getShippingSettings(shop);
  try {
    const delivery = await readShopDelivery(admin);
    const picked = zoneSet(row.merchantZoneGids);
    const previous = new Set([...picked, ...formerZones]);
    if (!row.wanted || !carrierId || carrierServiceStatus !== "active") {
      // A profile covering all items whose only rates are an inactive carrier would leave checkout with no rates at all.
      await removeAppProfile(shop, admin, delivery, row.profileGid);
      await setMerchantZones(admin, delivery.profiles, null, carrierId, new Set(), previous);
      return record(shop, { status: "off", message: null });
    }
    if (row.mode === "merchant-zones") {
      await removeAppProfile(shop, admin, delivery, row.profileGid);
      await setMerchantZones(admin, delivery.profiles, null, carrierId, picked, previous);
      return record(shop, { status: "ready", message: null });
    }
    const destinations = await served(shop);
    if (!destinations.countries.length && !destinations.restOfWorld) {
      await removeAppProfile(shop, admin, delivery, row.profileGid);
      return record(shop, { status: "failed", message: storedMessage("messages:reach.noDestinations") });
    }
    const profileGid = await upsertAppProfile(shop, admin, delivery, destinations, carrierId, row.profileGid);
    // Zones picked in merchant-zones mode are cleaned up: our profile already covers every item.
    await setMerchantZones(admin, delivery.profiles, profileGid, carrierId, new Set(), previous);
    return record(shop, { status: "ready", message: null });
  } catch (error) {
    return record(shop, failure(error));
  }
}

export interface TurnOnResult { registration: RegistrationResult; reach: ReachOutcome }

/** "Turn on checkout rates": register (or reactivate) the carrier service, then make its rates reachable. */
export async function turnOnCheckoutRates(shop: string, admin: AdminClient): Promise<TurnOnResult> {
  await reachRow(shop);
  await db.checkoutRatesReach.update({ where: { shop }, data: { wanted: true, status: "pending", message: null } });
  return withReachLease(shop, async () => {
    const registration = await registerCarrierService(shop, admin);
    if (registration.status !== "active") return { registration, reach: await record(shop, { status: "failed", message: storedMessage("messages:reach.carrierInactive") }) };
    return { registration, reach: await reconcile(shop, admin) };
  });
}

/** Turn rates off: our profile and zone methods go first (an inactive carrier in a covering profile blocks checkout). */
export async function turnOffCheckoutRates(shop: string, admin: AdminClient, how: "deactivate" | "delete"): Promise<TurnOnResult> {
  await reachRow(shop);
  await db.checkoutRatesReach.update({ where: { shop }, data: { wanted: false, status: "pending" } });
  return withReachLease(shop, async () => {
    const reach = await reconcile(shop, admin);
    const registration = how === "delete" ? await deleteCarrierService(shop, admin) : await deactivateCarrierService(shop, admin);
    return { registration, reach };
  });
}

/** Switch between Silkroute's own profile and the merchant's picked zones; stored before Shopify is touched. */
export async function setReachMode(shop: string, admin: AdminClient, mode: ReachMode, zoneIds: readonly string[] = []): Promise<ReachOutcome> {
  await reachRow(shop);
  await db.checkoutRatesReach.update({ where: { shop }, data: { status: "pending" } });
  return withReachLease(shop, async () => {
    const former = zoneSet((await reachRow(shop)).merchantZoneGids);
    await db.checkoutRatesReach.update({ where: { shop }, data: mode === "merchant-zones" ? { mode, merchantZoneGids: zoneIds.join(",") } : { mode } });
    return reconcile(shop, admin, former);
  });
}

/** Re-applies the stored intent (after rate cards change, or the merchant's "Try again"). */
export async function syncCheckoutReach(shop: string, admin: AdminClient): Promise<ReachOutcome> {
  const row = await reachRow(shop);
  if (!row.wanted && !row.profileGid) return { status: row.status as ReachStatus, message: row.message };
  return withReachLease(shop, () => reconcile(shop, admin));
}

/**
 * After a rate-card change: queue a sync for shops whose rates are on. Every change gets its own key: a card switched
 * off and on again returns to an earlier version string, and must still be synced. Repeated syncs are
 * harmless (each reads Shopify and writes only the difference, under the lease).
 */
export async function queueCheckoutReachSync(shop: string): Promise<void> {
  const row = await db.checkoutRatesReach.findUnique({ where: { shop }, select: { wanted: true } });
  if (!row?.wanted) return;
  const { version } = await effectiveRateCardSet(shop);
  await jobQueue().enqueue(CHECKOUT_REACH_SYNC, { shop }, { shop, dedupeKey: `${shop}:${version}:${randomUUID()}` });
}

export interface CheckoutReachView {
  wanted: boolean;
  mode: ReachMode;
  status: ReachStatus | "unavailable";
  message: Message | null;
  served: ServedDestinations;
  coverage: Coverage | null;
  merchantZones: Array<MerchantZoneOption & { picked: boolean }>;
  /** Locations (e.g. a supplier warehouse added later) not yet in Silkroute's profile: their items get no rate until synced. */
  locationsMissing: number;
}

/** What the shipping page shows: where Silkroute's rates are offered, and which served destinations have none. */
export async function checkoutReachView(shop: string, admin: AdminClient): Promise<CheckoutReachView> {
  const row = await reachRow(shop);
  const { carrierServiceGid } = await getShippingSettings(shop);
  const destinations = await served(shop);
  const base = { wanted: row.wanted, mode: row.mode as ReachMode, served: destinations };
  try {
    const delivery = await readShopDelivery(admin);
    const picked = zoneSet(row.merchantZoneGids);
    const ours = findAppProfile(delivery, row.profileGid);
    const inOurs = new Set(ours?.groups.flatMap((g) => g.locationIds) ?? []);
    return {
      ...base, status: row.status as ReachStatus, message: row.message ? messageFromStored(row.message) : null,
      locationsMissing: ours ? delivery.locationIds.filter((id) => !inOurs.has(id)).length : 0,
      coverage: coverage(delivery.profiles, carrierServiceGid, destinations),
      merchantZones: merchantZoneOptions(delivery.profiles, row.profileGid).map((z) => ({ ...z, picked: picked.has(z.zoneId) })),
    };
  } catch (error) {
    if (!(error instanceof AdminApiError)) throw error;
    return { ...base, status: "unavailable", message: message("messages:reach.unreadable"), coverage: null, merchantZones: [], locationsMissing: 0 };
  }
}
