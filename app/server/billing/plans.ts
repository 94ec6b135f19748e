// The one definition of Silkroute's plans: what each costs, what it unlocks, and the monthly allowances
// the enforcement points check. Billed through Shopify's Billing API (docs/adr/1000-billing.md).
import { message, type Message } from "../../i18n/message";
import { money, type Money } from "../money";

export type PlanKey = "free" | "growth" | "scale";

export interface PlanFeatures {
  /** Orders sent to suppliers without the merchant approving each one (fulfillment "auto" mode). */
  orderAutopilot: boolean;
  /** Real suppliers (JD, CJ) the shop may connect; the sandbox supplier is always available. */
  realSuppliers: number;
  /** Duties-included (DDP) rates at checkout. */
  ddpDuties: boolean;
  /** The checkout SLA card (delivery-window promise tracked against actual deliveries). */
  checkoutSlaCard: boolean;
}

/** Per billing period; null means no limit. */
export interface PlanLimits {
  supplierOrders: number | null;
  importedProducts: number | null;
}

export interface Plan {
  key: PlanKey;
  /** The AppSubscription name Shopify shows the merchant and returns in activeSubscriptions; unique per plan. */
  subscriptionName: string;
  title: string;
  /** Recurring price per 30 days; null for Free (no Shopify charge at all). */
  price: Money | null;
  trialDays: number;
  limits: PlanLimits;
  features: PlanFeatures;
}

export const PLANS: Readonly<Record<PlanKey, Plan>> = {
  free: {
    key: "free", subscriptionName: "Silkroute Free", title: "Free", price: null, trialDays: 0,
    limits: { supplierOrders: 25, importedProducts: 100 },
    features: { orderAutopilot: false, realSuppliers: 1, ddpDuties: false, checkoutSlaCard: false },
  },
  growth: {
    key: "growth", subscriptionName: "Silkroute Growth", title: "Growth", price: money(2900, "USD"), trialDays: 14,
    limits: { supplierOrders: 500, importedProducts: 2000 },
    features: { orderAutopilot: true, realSuppliers: 2, ddpDuties: true, checkoutSlaCard: false },
  },
  scale: {
    key: "scale", subscriptionName: "Silkroute Scale", title: "Scale", price: money(9900, "USD"), trialDays: 14,
    limits: { supplierOrders: null, importedProducts: null },
    features: { orderAutopilot: true, realSuppliers: 2, ddpDuties: true, checkoutSlaCard: true },
  },
};

export const PLAN_ORDER: readonly PlanKey[] = ["free", "growth", "scale"];
export const PAID_PLANS = PLAN_ORDER.filter((k) => PLANS[k].price !== null);

export function isPlanKey(value: unknown): value is PlanKey {
  return typeof value === "string" && value in PLANS;
}

/** Maps an active AppSubscription back to our plan by its name; unknown names are not trusted as paid. */
export function planForSubscriptionName(name: string): Plan | null {
  return PLAN_ORDER.map((k) => PLANS[k]).find((p) => p.subscriptionName === name) ?? null;
}

/** What a merchant loses by moving from one plan to a lower one, spelled out before they confirm (keys in `plans`). */
export function downgradeEffects(from: PlanKey, to: PlanKey): Message[] {
  const a = PLANS[from], b = PLANS[to];
  const effects: Message[] = [];
  const limit = (n: number | null) => (n === null ? "unlimited" : n);
  if (a.limits.supplierOrders !== b.limits.supplierOrders && (b.limits.supplierOrders ?? Infinity) < (a.limits.supplierOrders ?? Infinity)) {
    effects.push(message("plans:effects.supplierOrders", { from: limit(a.limits.supplierOrders), to: limit(b.limits.supplierOrders) }));
  }
  if ((b.limits.importedProducts ?? Infinity) < (a.limits.importedProducts ?? Infinity)) {
    effects.push(message("plans:effects.imports", { from: limit(a.limits.importedProducts), to: limit(b.limits.importedProducts) }));
  }
  if (a.features.orderAutopilot && !b.features.orderAutopilot) effects.push(message("plans:effects.autopilotOff"));
  if (b.features.realSuppliers < a.features.realSuppliers) effects.push(message("plans:effects.realSuppliers", { count: b.features.realSuppliers }));
  if (a.features.ddpDuties && !b.features.ddpDuties) effects.push(message("plans:effects.ddu"));
  if (a.features.checkoutSlaCard && !b.features.checkoutSlaCard) effects.push(message("plans:effects.slaHidden"));
  if (a.price && !b.price) effects.push(message("plans:effects.chargeCancelled"));
  return effects;
}
