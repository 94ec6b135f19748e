// The plan in force for a shop, as Silkroute last learnt it from Shopify (ShopBilling), and the two ways it
// changes: a full sync from currentAppInstallation.activeSubscriptions, and an app_subscriptions/update webhook.
import { z } from "zod";
import db from "../../db.server";
import { invalidateShopRateContext } from "../shipping/rate-context-cache";
import type { AdminClient } from "../shopify/admin-client";
import { isGid, legacyId } from "../shopify/gid";
import { ACTIVE_SUBSCRIPTIONS_QUERY } from "./billing-documents";
import { PLANS, planForSubscriptionName, type Plan } from "./plans";

const DAY_MS = 86_400_000;

export interface PlanState {
  plan: Plan;
  subscriptionGid: string | null;
  test: boolean;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
}

const FREE: PlanState = { plan: PLANS.free, subscriptionGid: null, test: false, trialEndsAt: null, currentPeriodEnd: null };

/** The parts of a shop's billing and install rows that decide its plan (the checkout's reads select only these). */
export interface PlanRows {
  billing: { plan: string; status: string | null; syncedAt: Date } | null;
  shop: { installedAt: Date; uninstalledAt: Date | null } | null;
}

/** The paid plan in force, or null for Free: a paid plan counts only when confirmed since the latest install
 *  (Shopify cancels app charges on uninstall). */
export function paidPlanFrom({ billing, shop }: PlanRows): Plan | null {
  if (!billing || billing.plan === "free" || billing.status !== "ACTIVE") return null;
  if (shop?.uninstalledAt || (shop && shop.installedAt > billing.syncedAt)) return null;
  return PLANS[billing.plan as keyof typeof PLANS] ?? PLANS.free;
}

/** Free unless a paid plan was confirmed since the latest install (paidPlanFrom). */
export async function currentPlanState(shop: string): Promise<PlanState> {
  const [row, shopRow] = await Promise.all([
    db.shopBilling.findUnique({ where: { shop } }),
    db.shop.findUnique({ where: { domain: shop }, select: { installedAt: true, uninstalledAt: true } }),
  ]);
  const plan = paidPlanFrom({ billing: row, shop: shopRow });
  if (!row || !plan) return FREE;
  return { plan, subscriptionGid: row.subscriptionGid, test: row.test, trialEndsAt: row.trialEndsAt, currentPeriodEnd: row.currentPeriodEnd };
}

/** Reads Shopify's active subscriptions and stores the plan they grant; returns it and whether the shop is a dev store. */
export async function syncPlanFromShopify(admin: AdminClient): Promise<PlanState & { developmentStore: boolean }> {
  const data = await admin.request(ACTIVE_SUBSCRIPTIONS_QUERY);
  const developmentStore = data.shop.plan.partnerDevelopment;
  const active = data.currentAppInstallation.activeSubscriptions
    .map((s) => ({ s, plan: planForSubscriptionName(s.name) }))
    .find((x) => x.s.status === "ACTIVE" && x.plan);
  const now = new Date();
  if (!active?.plan) {
    await db.shopBilling.upsert({
      where: { shop: admin.shop },
      create: { shop: admin.shop, plan: "free", syncedAt: now },
      update: { plan: "free", subscriptionGid: null, status: null, test: false, trialEndsAt: null, currentPeriodEnd: null, syncedAt: now },
    });
    planChanged(admin.shop);
    return { ...FREE, developmentStore };
  }
  const { s, plan } = active;
  // trialDays count from the subscription's creation (AppSubscription.trialDays).
  const trialEndsAt = s.trialDays > 0 ? new Date(Date.parse(s.createdAt) + s.trialDays * DAY_MS) : null;
  const data2 = {
    plan: plan.key, subscriptionGid: s.id, status: "ACTIVE", test: s.test, trialEndsAt,
    currentPeriodEnd: s.currentPeriodEnd ? new Date(s.currentPeriodEnd) : null, syncedAt: now,
  };
  await db.shopBilling.upsert({ where: { shop: admin.shop }, create: { shop: admin.shop, ...data2 }, update: data2 });
  planChanged(admin.shop);
  return { plan, subscriptionGid: s.id, test: s.test, trialEndsAt, currentPeriodEnd: data2.currentPeriodEnd, developmentStore };
}

const updatePayload = z.object({
  // A date Shopify could not have sent is a bad payload (400), never an Invalid Date written to the database (500).
  app_subscription: z.object({ admin_graphql_api_id: z.string(), name: z.string(), status: z.string(), updated_at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "not a date") }),
});

/**
 * Applies one app_subscriptions/update. An ACTIVE subscription for one of our plans becomes the plan; a terminal
 * status ends the plan only if it is about the subscription in force (approving Scale also cancels Growth, and
 * those two deliveries can arrive in any order). Older updates than the last applied one are ignored.
 */
export async function applySubscriptionUpdate(shop: string, payload: unknown): Promise<void> {
  const { app_subscription: sub } = updatePayload.parse(payload);
  await applyUpdate(shop, sub);
  planChanged(shop);
}

async function applyUpdate(shop: string, sub: z.infer<typeof updatePayload>["app_subscription"]): Promise<void> {
  const updatedAt = new Date(sub.updated_at);
  const row = await db.shopBilling.findUnique({ where: { shop } });
  if (row?.subscriptionUpdatedAt && isStale(updatedAt, sub.admin_graphql_api_id, row.subscriptionUpdatedAt, row.subscriptionGid)) return;
  const now = new Date();
  if (sub.status === "ACTIVE") {
    const plan = planForSubscriptionName(sub.name);
    if (!plan) return;
    const data = { plan: plan.key, subscriptionGid: sub.admin_graphql_api_id, status: "ACTIVE", subscriptionUpdatedAt: updatedAt, syncedAt: now };
    if (!row) {
      await db.shopBilling.create({ data: { shop, ...data } }).catch(async () => {
        // Another delivery created the row first: fall through to the guarded update below.
        await db.shopBilling.updateMany({ where: { shop, subscriptionUpdatedAt: { lte: updatedAt } }, data });
      });
      return;
    }
    // Guarded like the read above, so a concurrent newer update landing in between is not overwritten.
    await db.shopBilling.updateMany({ where: { shop, OR: [{ subscriptionUpdatedAt: null }, { subscriptionUpdatedAt: { lte: updatedAt } }] }, data });
    return;
  }
  if (row?.subscriptionGid !== sub.admin_graphql_api_id) return;
  // Compare-and-set on the subscription id: a concurrent delivery activating the next plan may have landed since
  // the read above, and this cancellation must not overwrite it.
  await db.shopBilling.updateMany({
    where: { shop, subscriptionGid: sub.admin_graphql_api_id },
    data: { plan: "free", status: sub.status, trialEndsAt: null, currentPeriodEnd: null, subscriptionUpdatedAt: updatedAt, syncedAt: now },
  });
}

/** Caches built from the plan (checkout rates quote DDP only on plans that include it) reload on next use. */
function planChanged(shop: string): void {
  invalidateShopRateContext(shop);
}

/**
 * Webhooks arrive in any order and Shopify's timestamps tie (an upgrade approves one plan and cancels the other in
 * the same second): an older update is stale, and on a tie the newer subscription (the higher id) wins.
 */
function isStale(updatedAt: Date, gid: string, knownAt: Date, knownGid: string | null): boolean {
  if (updatedAt.getTime() !== knownAt.getTime()) return updatedAt < knownAt;
  if (!knownGid || knownGid === gid || !isGid(gid) || !isGid(knownGid)) return false;
  return BigInt(legacyId(gid)) < BigInt(legacyId(knownGid));
}
