// What the Plans page and the home page show: the plan in force, this period's usage against its allowances,
// and what every plan includes, with the effects of a downgrade spelled out before the merchant confirms.
import { message, type Message } from "../../i18n/message";
import type { Money } from "../money";
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
  /** Per 30 days; null for Free. */
  price: Money | null;
  trialDays: number;
  /** Message keys in the `plans` namespace (docs/adr/1900-i18n.md). */
  includes: Message[];
  change: "current" | "upgrade" | "downgrade";
  downgradeEffects: Message[];
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

const amount = (n: number | null) => (n === null ? "unlimited" : n);

export function planIncludes(plan: Plan): Message[] {
  const f = plan.features;
  return [
    message("plans:includes.supplierOrders", { limit: amount(plan.limits.supplierOrders) }),
    message("plans:includes.imports", { limit: amount(plan.limits.importedProducts) }),
    message(f.orderAutopilot ? "plans:includes.autopilot" : "plans:includes.approval"),
    message("plans:includes.suppliers", { count: f.realSuppliers }),
    message(f.ddpDuties ? "plans:includes.ddp" : "plans:includes.ddu"),
    ...(f.checkoutSlaCard ? [message("plans:includes.sla")] : []),
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
        price: plan.price, trialDays: plan.trialDays,
        includes: planIncludes(plan), change,
        downgradeEffects: change === "downgrade" ? downgradeEffects(state.plan.key, key) : [],
      };
    }),
  };
}
