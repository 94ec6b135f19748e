// Places one supplier order exactly once: guardrails, then lookup-by-our-key before every (re)send, then
// reserve → confirm for two-phase suppliers. Each step is a compare-and-set transition, so a duplicated,
// retried or killed job resumes from the persisted state instead of starting over.
import { hasCapability, type SupplierAdapter } from "../suppliers/supplier-adapter";
import type { SupplierOrder, SupplierOrderRequest, ShippingAddress } from "../suppliers/supplier-order-models";
import type { SupplierError } from "../suppliers/supplier-result";
import { money } from "../money";
import { supplierAdapter } from "./supplier-gateway.server";
import { getSettings } from "./settings.server";
import { checkGuardrails } from "./preflight/guardrails";
import { CUSTOMS_HOLD, customsProblem } from "./preflight/customs-hold.server";
import { fxTableForShop } from "../fx/fx-rates.server";
import { loadSupplierOrder, recordEvent, transition, update, type SupplierOrderRow } from "./supplier-orders.server";
import { enqueuePlacement } from "./queues.server";
import { isFulfillmentOrderHeld } from "./holds.server";
import { classifySupplierError, retryDelayMs } from "./supplier-errors";
import type { PlannedLine } from "./fulfillment-plan.server";
import { BACKUP_TRIGGERS, failOverToBackup } from "./backup-supplier.server";
import { autoPlacementBlock } from "../billing/limits.server";
import { logisticOutcome, requestedLogistic } from "./logistic-choice.server";
import { storedText, storedTexts, textMessage, orderText } from "./order-text";

type Step = "continue" | "stop";

export async function advanceSupplierOrder(id: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const row = await loadSupplierOrder(id);
    if (!row) return "missing";
    let step: Step = "stop";
    if (row.state === "pending") step = await preflight(row);
    else if (row.state === "placing") step = await place(row);
    else if (row.state === "reserved") step = await confirm(row);
    if (step === "stop") return (await loadSupplierOrder(id))?.state ?? "missing";
  }
  return (await loadSupplierOrder(id))?.state ?? "missing";
}

async function guardrailProblem(row: SupplierOrderRow, costMinor = row.costMinor, costCurrency = row.costCurrency) {
  const settings = await getSettings(row.shop);
  const cost = costMinor !== null && costCurrency ? money(costMinor, costCurrency) : null;
  const needsFx = settings.maxSupplierCostMinor !== null || settings.marginFloorBps !== null;
  const fx = needsFx ? await fxTableForShop(row.shop) : { base: "EUR" as const, source: "unused", effectiveDate: "", rates: {} };
  return { settings, problem: checkGuardrails({ cost, revenue: money(row.revenueMinor, row.currency), settings, fx }) };
}

async function preflight(row: SupplierOrderRow): Promise<Step> {
  if (row.cancelRequestedAt) return (await transition(row, "cancelled", storedText("order:event.cancelledBeforeSent"))) ? "stop" : "continue";
  // Held in Shopify (payment, fraud check, address): wait; hold_released re-enqueues placement (holds.server.ts).
  if (await isFulfillmentOrderHeld(row.shop, row.fulfillmentOrderGid)) return "stop";
  if (row.approvedAt) return (await transition(row, "placing", storedText("order:event.approved"))) ? "continue" : "continue";
  // An EU parcel without HS code, origin or GPSR responsible person is held here, in review and autopilot alike;
  // saving the data releases it (preflight/customs-hold.server.ts), approving sends it anyway.
  const customs = await customsProblem(row);
  if (customs) {
    await transition(row, "needs_attention", customs.message, { reasonCode: CUSTOMS_HOLD, reasonMessage: customs.message, fixHint: customs.fix });
    return "stop";
  }
  const { settings, problem } = await guardrailProblem(row);
  if (settings.mode === "review") {
    await transition(row, "awaiting_approval", problem ? storedTexts(textMessage("order:event.awaitingApprovalWithNote"), ...orderText(problem.message)) : storedText("order:event.awaitingApproval"),
      problem ? { reasonCode: problem.code, reasonMessage: problem.message, fixHint: problem.fix } : {});
    return "stop";
  }
  if (problem) {
    await transition(row, "needs_attention", problem.message, { reasonCode: problem.code, reasonMessage: problem.message, fixHint: problem.fix });
    return "stop";
  }
  // The plan decides only whether this order may go out unattended; a blocked order waits, it is never dropped.
  const planBlock = await autoPlacementBlock(row.shop);
  if (planBlock) {
    await transition(row, "awaiting_approval", storedTexts(...orderText(planBlock.message), ...orderText(planBlock.fix)), { reasonCode: planBlock.code, reasonMessage: planBlock.message, fixHint: planBlock.fix });
    return "stop";
  }
  await transition(row, "placing", storedText("order:event.autopilotPassed"));
  return "continue";
}

function orderRequest(row: SupplierOrderRow, shippingMethod: string | undefined): SupplierOrderRequest {
  const lines = row.lines as unknown as PlannedLine[];
  return {
    idempotencyKey: row.idempotencyKey,
    lines: lines.map((l) => ({ supplierVariantId: l.supplierVariantId, quantity: l.quantity })),
    shipTo: row.shipTo as unknown as ShippingAddress,
    fromWarehouse: row.warehouse,
    ...(shippingMethod ? { shippingMethod } : {}),
  };
}

async function place(row: SupplierOrderRow): Promise<Step> {
  const adapter = await supplierAdapter(row.shop, row.supplier);
  // Always ask first: a previous run may have placed the order and died before recording it.
  const found = await adapter.findOrder(row.idempotencyKey);
  if (!found.ok) return onSupplierError(row, found.error);
  let order = found.value;
  if (order) await recordEvent(row.id, "supplier", storedText("order:event.foundUnderKey", { id: order.supplierOrderId }));
  if (!order) {
    if (row.cancelRequestedAt) return (await transition(row, "cancelled", storedText("order:event.cancelledBeforeSent"))) ? "stop" : "continue";
    const twoPhase = adapter.twoPhase && hasCapability(adapter, "order.two-phase");
    const wanted = await requestedLogistic(row);
    const request = orderRequest(row, wanted?.name);
    const created = twoPhase ? await adapter.twoPhase!.reserveOrder(request) : await adapter.createOrder(request);
    if (!created.ok) return onSupplierError(row, created.error, { refusedNewOrder: true });
    order = created.value;
    const sent = logisticOutcome(wanted, order);
    if (sent.logisticName) await recordEvent(row.id, "supplier", storedText(`order:event.shippingMethodSent.${sent.logisticBasis}`, { method: sent.logisticName }));
    return applySupplierStatus(row, order, adapter, sent);
  }
  return applySupplierStatus(row, order, adapter);
}

async function confirm(row: SupplierOrderRow): Promise<Step> {
  const adapter = await supplierAdapter(row.shop, row.supplier);
  if (row.cancelRequestedAt) return "stop"; // the cancellation job releases the reservation
  if (!row.approvedAt) {
    // The reservation carries the supplier's real price: check the limits again before paying.
    const { problem } = await guardrailProblem(row);
    if (problem) {
      await transition(row, "needs_attention", storedTexts(textMessage("order:event.reservedNotPaid"), ...orderText(problem.message)), { reasonCode: problem.code, reasonMessage: problem.message, fixHint: problem.fix });
      return "stop";
    }
  }
  const confirmed = await adapter.twoPhase!.confirmOrder(row.idempotencyKey);
  if (!confirmed.ok) return onSupplierError(row, confirmed.error);
  return applySupplierStatus(row, confirmed.value, adapter);
}

async function applySupplierStatus(row: SupplierOrderRow, order: SupplierOrder, adapter: SupplierAdapter, sent: ReturnType<typeof logisticOutcome> = {}): Promise<Step> {
  const costs = order.total ? { costMinor: order.total.amount, costCurrency: order.total.currency } : {};
  const common = { supplierOrderId: order.supplierOrderId, supplierStatus: order.status, reasonCode: null, reasonMessage: null, fixHint: null, ...costs, ...sent };
  let moved: SupplierOrderRow | null;
  if (order.status === "cancelled") moved = await transition(row, "cancelled", storedText("order:event.supplierCancelled", { id: order.supplierOrderId }), common);
  else if (order.status === "reserved") {
    if (row.state === "reserved") return "continue";
    moved = await transition(row, "reserved", storedText("order:event.reserved", { id: order.supplierOrderId }), common);
  } else moved = await transition(row, "placed", storedText("order:event.placed", { id: order.supplierOrderId }), { ...common, placedAt: new Date() });
  if (moved) return order.status === "reserved" ? "continue" : "stop";
  // Someone moved the row while we talked to the supplier. If it was a cancellation, undo what we just did.
  const now = await loadSupplierOrder(row.id);
  if (now?.state === "cancelled" && order.status !== "cancelled") {
    const undone = await adapter.cancelOrder(row.idempotencyKey);
    await recordEvent(row.id, "supplier", undone.ok ? storedText("order:event.lateOrderCancelled") : storedText("order:event.lateOrderNotCancelled", { detail: undone.error.message }));
  }
  return "stop";
}

/** `refusedNewOrder`: the supplier refused to create the order, and its lookup just before found nothing under our key. */
async function onSupplierError(row: SupplierOrderRow, error: SupplierError, { refusedNewOrder = false } = {}): Promise<Step> {
  const kind = classifySupplierError(error);
  if (kind.retry) {
    const attempts = row.attempts + 1;
    const delayMs = retryDelayMs(attempts, error.retryAfterMs);
    const saved = await update(row, { attempts, nextAttemptAt: new Date(Date.now() + delayMs), reasonMessage: supplierSaid(error) });
    if (!saved) return "continue";
    await recordEvent(row.id, "supplier", storedText("order:event.retrying", { detail: error.message, attempt: attempts, seconds: Math.round(delayMs / 1000) }));
    await enqueuePlacement(row.shop, row.id, `retry-${attempts}`, delayMs);
    return "stop";
  }
  // Only then may another supplier take the items: nothing can be pending at this one.
  if (refusedNewOrder && BACKUP_TRIGGERS.has(kind.code)) await failOverToBackup(row, error, kind);
  else await transition(row, kind.state, supplierSaid(error), { reasonCode: kind.code, reasonMessage: supplierSaid(error), fixHint: kind.fix });
  return "stop";
}

/** The supplier's own words (a partner reply, not translated), stored as a catalog message carrying them. */
export const supplierSaid = (error: SupplierError) => storedText("order:reason.supplierSaid", { detail: error.message });
