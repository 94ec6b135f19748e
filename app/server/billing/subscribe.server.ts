// Starting and ending a paid plan through the Billing API. Shopify hosts the approval; we only learn the outcome
// from activeSubscriptions / app_subscriptions/update (plan-state.server.ts).
import type { AdminClient } from "../shopify/admin-client";
import { toDecimalString } from "../money";
import { SUBSCRIPTION_CANCEL_MUTATION, SUBSCRIPTION_CREATE_MUTATION } from "./billing-documents";
import { PLANS, type PlanKey } from "./plans";
import { syncPlanFromShopify } from "./plan-state.server";

/**
 * Creates the charge for a paid plan and returns Shopify's confirmationUrl. Development stores get test charges,
 * which Shopify never bills (AppSubscription.test; https://shopify.dev/docs/apps/launch/billing/manual-pricing.md).
 */
export async function requestPlanCharge(admin: AdminClient, planKey: Exclude<PlanKey, "free">, returnUrl: string, developmentStore: boolean): Promise<string> {
  const plan = PLANS[planKey];
  if (!plan.price) throw new Error(`${plan.title} has no price`);
  const data = await admin.request(SUBSCRIPTION_CREATE_MUTATION, {
    name: plan.subscriptionName, returnUrl, trialDays: plan.trialDays, test: developmentStore,
    lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: toDecimalString(plan.price), currencyCode: plan.price.currency as never }, interval: "EVERY_30_DAYS" as never } } }],
  });
  const url = data.appSubscriptionCreate?.confirmationUrl;
  if (!url) throw new Error("Shopify returned no confirmation URL for the charge");
  return url;
}

/** Moving to Free: cancel the active charge, then re-read what Shopify says is active. */
export async function cancelPaidPlan(admin: AdminClient): Promise<void> {
  const state = await syncPlanFromShopify(admin);
  if (state.subscriptionGid) await admin.request(SUBSCRIPTION_CANCEL_MUTATION, { id: state.subscriptionGid });
  await syncPlanFromShopify(admin);
}

export type PlanChange = { kind: "confirm"; confirmationUrl: string } | { kind: "done" };

/** The merchant picked a plan on the Plans page: paid plans go through Shopify's approval, Free cancels the charge. */
export async function choosePlan(admin: AdminClient, planKey: PlanKey, returnUrl: string): Promise<PlanChange> {
  if (planKey === "free") {
    await cancelPaidPlan(admin);
    return { kind: "done" };
  }
  const { developmentStore } = await syncPlanFromShopify(admin);
  return { kind: "confirm", confirmationUrl: await requestPlanCharge(admin, planKey, returnUrl, developmentStore) };
}
