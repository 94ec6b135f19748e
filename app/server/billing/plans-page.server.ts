// What the Plans page and the home page show: the plan in force, this period's usage against its allowances,
// and what every plan includes, with the effects of a downgrade spelled out before the merchant confirms.
import { formatMoney } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { currentPlanState, syncPlanFromShopify, type PlanState } from "./plan-state.server";
import { downgradeEffects, PLAN_ORDER, PLANS, type Plan, type PlanKey } from "./plans";
import { usageThisPeriod } from "./usage.server";

export interface UsageMeter { key: "supplierOrders" | "importedProducts"; label: string; used: number; limit: number | null }

export interface UsageView {
  planKey: PlanKey;
  planTitle: string;
  periodStart: string;
  periodEnd: string;
  meters: UsageMeter[];
}

export interface PlanOffer {
  key: PlanKey;
  title: string;
  priceLabel: string;
  trialLabel: string | null;
  includes: string[];
  change: "current" | "upgrade" | "downgrade";
  downgradeEffects: string[];
}

export interface PlansPageData {
  usage: UsageView;
  test: boolean;
  trialEndsAt: string | null;
  renewsAt: string | null;
  plans: PlanOffer[];
}

export async function usageView(shop: string, state?: PlanState): Promise<UsageView> {
  const { plan } = state ?? (await currentPlanState(shop));
  const usage = await usageThisPeriod(shop);
  return {
    planKey: plan.key, planTitle: plan.title,
    periodStart: usage.period.start.toISOString(), periodEnd: usage.period.end.toISOString(),
    meters: [
      { key: "supplierOrders", label: "Supplier orders", used: usage.supplierOrders, limit: plan.limits.supplierOrders },
      { key: "importedProducts", label: "New products imported", used: usage.importedProducts, limit: plan.limits.importedProducts },
    ],
  };
}

const amount = (n: number | null) => (n === null ? "Unlimited" : n.toLocaleString("en-US"));

export function planIncludes(plan: Plan): string[] {
  const f = plan.features;
  return [
    `${amount(plan.limits.supplierOrders)} supplier orders a month`,
    `${amount(plan.limits.importedProducts)} new products imported a month`,
    f.orderAutopilot ? "Order autopilot: orders go to the supplier without your approval" : "Every supplier order waits for your approval",
    `Sandbox supplier plus ${f.realSuppliers === 1 ? "one real supplier (JD or CJ)" : "JD and CJ together"}`,
    f.ddpDuties ? "Duties-included (DDP) rates at checkout" : "Duties shown, not included, at checkout",
    ...(f.checkoutSlaCard ? ["Checkout SLA card: promised vs actual delivery times"] : []),
  ];
}

/** Loads the page after re-reading Shopify's active subscriptions (this is also where the approval returns to). */
export async function plansPageData(admin: AdminClient): Promise<PlansPageData> {
  const state = await syncPlanFromShopify(admin);
  const rank = (k: PlanKey) => PLAN_ORDER.indexOf(k);
  return {
    usage: await usageView(admin.shop, state),
    test: state.test,
    trialEndsAt: state.trialEndsAt && state.trialEndsAt.getTime() > Date.now() ? state.trialEndsAt.toISOString() : null,
    renewsAt: state.currentPeriodEnd?.toISOString() ?? null,
    plans: PLAN_ORDER.map((key) => {
      const plan = PLANS[key];
      const change = key === state.plan.key ? "current" : rank(key) > rank(state.plan.key) ? "upgrade" : "downgrade";
      return {
        key, title: plan.title,
        priceLabel: plan.price ? `${formatMoney(plan.price)} / 30 days` : "Free",
        trialLabel: plan.trialDays > 0 ? `${plan.trialDays}-day free trial` : null,
        includes: planIncludes(plan), change,
        downgradeEffects: change === "downgrade" ? downgradeEffects(state.plan.key, key) : [],
      };
    }),
  };
}
