// Paid features by plan, for the places that show or use them (checkout rates, home cards, settings pages).
// Limits on volume live in limits.server.ts; this answers "does the shop's plan include this feature".
import { currentPlanState } from "./plan-state.server";
import { PLAN_ORDER, PLANS, type Plan, type PlanFeatures, type PlanKey } from "./plans";
import { message, type Message } from "../../i18n/message";

export type PlanFeature = "orderAutopilot" | "ddpDuties" | "checkoutSla";

const FLAG: Record<PlanFeature, (f: PlanFeatures) => boolean> = {
  orderAutopilot: (f) => f.orderAutopilot,
  ddpDuties: (f) => f.ddpDuties,
  checkoutSla: (f) => f.checkoutSlaCard,
};

export const planIncludesFeature = (plan: Plan, feature: PlanFeature): boolean => FLAG[feature](plan.features);

/** The cheapest plan that includes the feature: what an upgrade message points to. */
export function lowestPlanWith(feature: PlanFeature): PlanKey {
  return PLAN_ORDER.find((k) => planIncludesFeature(PLANS[k], feature)) ?? "scale";
}

/** Whether the plan in force for the shop includes the feature (Free when nothing paid is confirmed). */
export async function planAllows(shop: string, feature: PlanFeature): Promise<boolean> {
  const { plan } = await currentPlanState(shop);
  return planIncludesFeature(plan, feature);
}

/** `message` names the feature and both plans by key; the catalog (`messages:plan.notIncluded`) words them per language. */
export interface FeatureGate { allowed: boolean; planTitle: string; upgradeTo: string; message: Message | null }

/** What a page shows beside a paid feature: whether it is on, and if not, which plan unlocks it. */
export async function featureGate(shop: string, feature: PlanFeature): Promise<FeatureGate> {
  const { plan } = await currentPlanState(shop);
  const allowed = planIncludesFeature(plan, feature);
  const upgradeTo = lowestPlanWith(feature);
  return {
    allowed, planTitle: plan.title, upgradeTo: PLANS[upgradeTo].title,
    message: allowed ? null : message("messages:plan.notIncluded", { feature, plan: plan.key, upgradeTo }),
  };
}

/** For the pages where DDP services are set up: the DDP services the plan quotes as DDU, or null when none are. */
export async function ddpPlanNotice(shop: string, cards: ReadonlyArray<{ code: string; incoterm: string }>): Promise<{ planTitle: string; upgradeTo: string; services: string[] } | null> {
  const services = cards.filter((c) => c.incoterm === "DDP").map((c) => c.code);
  if (services.length === 0) return null;
  const gate = await featureGate(shop, "ddpDuties");
  return gate.allowed ? null : { planTitle: gate.planTitle, upgradeTo: gate.upgradeTo, services };
}
