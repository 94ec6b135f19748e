// Plan limits, checked only where work starts (ADR 1000): when a merchant starts an import, and when an order
// would be sent to a supplier automatically. Nothing already accepted is dropped: a blocked order waits for review.
import db from "../../db.server";
import { englishText } from "../../i18n/english";
import { message, type Message } from "../../i18n/message";
import { inChunks } from "../sourcing/chunked";
import { currentPlanState } from "./plan-state.server";
import { billingPeriod, productsImported, pushedBefore, supplierOrdersPlaced } from "./usage.server";
import { storedText } from "../fulfillment/order-text";

/** `i18n`: the refusal as a catalog message for the page; the Error's message is its English. */
export class PlanLimitError extends Error {
  readonly code = "PLAN_LIMIT";
  constructor(readonly i18n: Message) {
    super(englishText(i18n));
  }
}

const SANDBOX = "sandbox";

/** Throws PlanLimitError when importing these items would pass the plan's monthly product or supplier allowance. */
export async function assertImportAllowed(shop: string, importItemIds: string[], now = new Date()): Promise<void> {
  const { plan } = await currentPlanState(shop);
  const items = await inChunks(importItemIds, (slice) => db.importItem.findMany({ where: { shop, id: { in: slice } }, select: { id: true, supplier: true } }));

  const realSuppliers = new Set(items.map((i) => i.supplier).filter((s) => s !== SANDBOX));
  if (realSuppliers.size > 0) {
    const inStore = await db.importItem.findMany({ where: { shop, productGid: { not: null }, supplier: { not: SANDBOX } }, distinct: ["supplier"], select: { supplier: true } });
    const used = new Set([...inStore.map((r) => r.supplier), ...realSuppliers]);
    if (used.size > plan.features.realSuppliers) {
      throw new PlanLimitError(message("import-item:errors.planSuppliers", { plan: plan.key, included: plan.features.realSuppliers, used: used.size, suppliers: [...used].sort().join(", ") }));
    }
  }

  const limit = plan.limits.importedProducts;
  if (limit === null) return;
  const period = billingPeriod(now);
  const counted = await productsImported(shop, period);
  const ids = items.map((i) => i.id).filter((id) => !counted.has(id));
  const alreadyInStore = await pushedBefore(shop, ids, period.start);
  const fresh = ids.filter((id) => !alreadyInStore.has(id)).length;
  if (counted.size + fresh > limit) {
    const left = Math.max(0, limit - counted.size);
    throw new PlanLimitError(message("import-item:errors.planProducts", { plan: plan.key, total: counted.size + fresh, limit, left }));
  }
}

export interface PlacementBlock { code: "PLAN_LIMIT"; message: string; fix: string }

/** Why an order may not be sent automatically under the shop's plan, or null. Explicit approvals never ask. */
export async function autoPlacementBlock(shop: string, now = new Date()): Promise<PlacementBlock | null> {
  const { plan } = await currentPlanState(shop);
  // Stored catalog messages (fulfillment/order-text.ts): the order page shows them in the merchant's language.
  const fix = storedText("order:fix.planLimit");
  if (!plan.features.orderAutopilot) {
    return { code: "PLAN_LIMIT", message: storedText("order:reason.planWithoutAutopilot", { plan: plan.key }), fix };
  }
  const limit = plan.limits.supplierOrders;
  if (limit === null) return null;
  const placed = await supplierOrdersPlaced(shop, billingPeriod(now));
  if (placed < limit) return null;
  return { code: "PLAN_LIMIT", message: storedText("order:reason.planOrderLimit", { placed, limit, plan: plan.key }), fix };
}
