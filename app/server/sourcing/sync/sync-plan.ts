import { toDecimalString, type Money } from "../../money";
import { storedAlert } from "./alert-text";
import { bufferedQuantity, type SyncPolicy } from "./sync-policy";

/**
 * The pure heart of sync: from what Shopify holds (as we last pushed or saw it), the supplier's fresh
 * facts, the merchant's locks and the policy, decide which fields to write and why. No I/O here.
 */

/** One supplier read for one SKU. "unknown" (the supplier could not be read) never becomes 0. */
export type SupplierFacts =
  | { kind: "ok"; stock: Record<string, number>; cost: Money | null }
  | { kind: "unknown"; error: string }
  | { kind: "discontinued" };

export interface VariantSyncState {
  mappingId: string;
  productGid: string;
  variantGid: string;
  inventoryItemGid: string | null;
  autoPrice: boolean;
  pushedPriceMinor: number | null;
  pushedCompareAtMinor: number | null;
  pushedStock: Record<string, number>; // location gid → available
  pushedInventoryPolicy: string | null;
  priceLock: string | null;
  stockLock: string | null;
}

export interface PriceFacts {
  /** What the shop's rules make of the supplier cost at today's rate. */
  price: Money;
  compareAt: Money | null;
  /** Landed cost in the shop currency (unit cost plus the shipping estimate, when known). */
  landed: Money;
}

export type ChangeField = "price" | "compare_at" | "stock" | "inventory_policy";

export interface PlannedChange {
  field: ChangeField;
  locationGid?: string;
  from: string | null;
  to: string;
  reason: string;
  /** Awaiting approval: recorded and shown, written only once the merchant approves. */
  awaitingApproval: boolean;
}

export interface PlannedAlert {
  key: string;
  kind: "margin_breach" | "approval_needed" | "out_of_stock" | "discontinued" | "supplier_error";
  message: string;
}

export interface VariantPlan {
  changes: PlannedChange[];
  alerts: PlannedAlert[];
  /** Alert keys this variant no longer deserves (resolved). */
  clears: string[];
  outOfStock: boolean | null; // null: unknown
  discontinued: boolean;
}

export interface PlanContext {
  policy: SyncPolicy;
  /** The shop's "sync prices" switch. */
  autoPriceSync: boolean;
  /** Supplier warehouse code → our Shopify location. */
  locations: ReadonlyMap<string, string>;
  currency: string;
}

const pct = (from: number, to: number) => (from === 0 ? Infinity : (Math.abs(to - from) / from) * 100);
const dec = (amount: number | null, currency: string) => (amount === null ? null : toDecimalString({ amount, currency }));

export function planVariant(state: VariantSyncState, facts: SupplierFacts, price: PriceFacts | null, ctx: PlanContext): VariantPlan {
  const plan: VariantPlan = { changes: [], alerts: [], clears: [], outOfStock: null, discontinued: false };
  const key = (kind: string) => `${kind}:${state.variantGid}`;
  if (facts.kind === "unknown") {
    plan.alerts.push({ key: key("supplier"), kind: "supplier_error", message: storedAlert("common:syncAlert.supplierError", { error: facts.error }) });
    return plan;
  }
  plan.clears.push(key("supplier"));
  planStock(state, facts, ctx, plan);
  if (facts.kind === "ok" && price) planPrice(state, price, ctx, plan);
  return plan;
}

function planStock(state: VariantSyncState, facts: Exclude<SupplierFacts, { kind: "unknown" }>, ctx: PlanContext, plan: VariantPlan): void {
  const key = (kind: string) => `${kind}:${state.variantGid}`;
  const desired = new Map<string, number>();
  if (facts.kind === "discontinued") {
    plan.discontinued = true;
    plan.alerts.push({ key: key("discontinued"), kind: "discontinued", message: storedAlert("common:syncAlert.discontinued") });
    for (const locationGid of Object.keys(state.pushedStock)) desired.set(locationGid, 0);
  } else {
    plan.clears.push(key("discontinued"));
    for (const [code, qty] of Object.entries(facts.stock)) {
      const locationGid = ctx.locations.get(code);
      // Only where the variant is stocked: Shopify refuses quantities elsewhere, and we own only our locations.
      if (locationGid && locationGid in state.pushedStock) desired.set(locationGid, bufferedQuantity(qty, ctx.policy));
    }
  }
  const total = [...desired.values()].reduce((a, b) => a + b, 0);
  plan.outOfStock = desired.size > 0 ? total === 0 : null;
  if (plan.outOfStock) plan.alerts.push({ key: key("oos"), kind: "out_of_stock", message: storedAlert(facts.kind === "discontinued" ? "common:syncAlert.discontinuedStock" : "common:syncAlert.outOfStock") });
  else if (plan.outOfStock === false) plan.clears.push(key("oos"));
  if (state.stockLock) return;
  for (const [locationGid, quantity] of desired) {
    const before = state.pushedStock[locationGid];
    if (before === quantity) continue;
    const reason = facts.kind === "discontinued" ? "discontinued at the supplier" : ctx.policy.bufferUnits || ctx.policy.bufferPercent ? "supplier stock (after the buffer)" : "supplier stock";
    plan.changes.push({ field: "stock", locationGid, from: before === undefined ? null : String(before), to: String(quantity), reason, awaitingApproval: false });
  }
  const wantPolicy = plan.outOfStock && ctx.policy.outOfStock === "keep_selling" && !plan.discontinued ? "CONTINUE" : "DENY";
  const hadPolicy = state.pushedInventoryPolicy ?? "DENY";
  if (plan.outOfStock !== null && wantPolicy !== hadPolicy) {
    plan.changes.push({ field: "inventory_policy", from: hadPolicy, to: wantPolicy, reason: wantPolicy === "CONTINUE" ? "out of stock: keep selling" : "back in stock", awaitingApproval: false });
  }
}

function planPrice(state: VariantSyncState, price: PriceFacts, ctx: PlanContext, plan: VariantPlan): void {
  const key = (kind: string) => `${kind}:${state.variantGid}`;
  const { policy, currency } = ctx;
  const current = state.pushedPriceMinor;
  const followsRules = ctx.autoPriceSync && state.autoPrice && !state.priceLock;
  let target = current;
  let reason = "";
  if (followsRules) {
    target = price.price.amount;
    reason = "supplier cost or exchange rate";
  }
  const floor = policy.marginFloorPercent;
  const breaks = (p: number | null) => floor !== null && p !== null && p > 0 && ((p - price.landed.amount) / p) * 100 < floor;
  if (breaks(target)) {
    const raised = Math.max(price.price.amount, Math.ceil(price.landed.amount / (1 - floor! / 100)));
    if (policy.marginAction === "raise" && !state.priceLock && !breaks(raised)) {
      target = raised;
      reason = `margin floor ${floor} %`;
      plan.clears.push(key("margin"));
    } else {
      plan.alerts.push({
        key: key("margin"), kind: "margin_breach",
        message: storedAlert("common:syncAlert.marginBreach", { landed: `${dec(price.landed.amount, currency)} ${currency}`, floor: floor!, price: `${dec(target, currency)} ${currency}` }),
      });
      target = current;
    }
  } else plan.clears.push(key("margin"));
  if (target === null || current === target || state.priceLock) {
    if (!plan.alerts.some((a) => a.kind === "margin_breach" || a.kind === "approval_needed")) plan.clears.push(key("approval"));
    return;
  }
  const awaitingApproval = current !== null && policy.approvalPercent !== null && pct(current, target) > policy.approvalPercent;
  if (awaitingApproval) {
    plan.alerts.push({ key: key("approval"), kind: "approval_needed", message: storedAlert("common:syncAlert.approvalNeeded", { from: dec(current, currency)!, to: `${dec(target, currency)} ${currency}`, percent: policy.approvalPercent! }) });
  } else plan.clears.push(key("approval"));
  plan.changes.push({ field: "price", from: dec(current, currency), to: dec(target, currency)!, reason, awaitingApproval });
  if (followsRules && target === price.price.amount) {
    const compareAt = price.compareAt?.amount ?? null;
    if (compareAt !== state.pushedCompareAtMinor) {
      plan.changes.push({ field: "compare_at", from: dec(state.pushedCompareAtMinor, currency), to: dec(compareAt, currency) ?? "", reason, awaitingApproval });
    }
  }
}

/** Product status from its variants' plans: draft what the policy says to hide, re-activate only what sync drafted. */
export function planProductStatus(args: {
  pushedStatus: string | null;
  draftedBy: string | null;
  variants: readonly Pick<VariantPlan, "outOfStock" | "discontinued">[];
  policy: SyncPolicy;
}): { status: "ACTIVE" | "DRAFT"; draftedBy: string | null; reason: string } | null {
  const { pushedStatus, draftedBy, variants, policy } = args;
  const discontinued = policy.draftDiscontinued && variants.length > 0 && variants.every((v) => v.discontinued);
  const allOut = policy.outOfStock === "unpublish" && variants.length > 0 && variants.every((v) => v.outOfStock === true);
  const why = discontinued ? "discontinued" : allOut ? "out_of_stock" : null;
  if (why && pushedStatus !== "DRAFT") return { status: "DRAFT", draftedBy: why, reason: why === "discontinued" ? "discontinued at the supplier" : "every variant out of stock" };
  const anyKnown = variants.some((v) => v.outOfStock !== null);
  if (!why && pushedStatus === "DRAFT" && draftedBy && anyKnown) return { status: "ACTIVE", draftedBy: null, reason: "back in stock at the supplier" };
  return null;
}
