/**
 * The supplier-order state machine. Every state change goes through `assertTransition`, and the database
 * write is a compare-and-set on (state, version), so two workers can never both move an order.
 *
 *   pending ──preflight──▶ placing ──(two-phase)──▶ reserved ──confirm──▶ placed ──tracking──▶ shipped ──▶ delivered
 *      │  ╲                  │  ▲                     │                     │                    │  ▲
 *      │   ▶ awaiting_approval (review mode) ─approve─┘ │                     │                    ▼  │
 *      ▼                     ▼  │ retry                  ▼                     ▼                 exception
 *   needs_attention ◀──── failed ───────────────────── (cancel) ──────────▶ cancelled
 *
 * - pending: created from an accepted fulfillment request; guardrails not yet run.
 * - needs_attention: a guardrail failed (max cost, margin floor, price changed); the merchant fixes or approves.
 * - awaiting_approval: review mode; waits for the merchant's approval.
 * - placing: we may have sent the order; the supplier is looked up by our key before any (re)send.
 * - reserved: two-phase supplier holds stock under our key; confirm/pay is next.
 * - placed: the supplier confirmed; waiting for parcels.
 * - shipped: a Shopify fulfillment exists with tracking; carrier events flow.
 * - delivered / cancelled: final. exception: the carrier reported a problem or a return; may still deliver.
 * - failed: the supplier refused for a business reason (out of stock, unknown variant); retry or cancel.
 */
export const SUPPLIER_ORDER_STATES = [
  "pending", "needs_attention", "awaiting_approval", "placing", "reserved", "placed",
  "shipped", "exception", "delivered", "failed", "cancelled",
] as const;

export type SupplierOrderState = (typeof SUPPLIER_ORDER_STATES)[number];

const TRANSITIONS: Record<SupplierOrderState, readonly SupplierOrderState[]> = {
  pending: ["placing", "awaiting_approval", "needs_attention", "cancelled"],
  needs_attention: ["pending", "placing", "cancelled"],
  awaiting_approval: ["placing", "needs_attention", "cancelled"],
  placing: ["reserved", "placed", "failed", "needs_attention", "cancelled", "shipped"],
  reserved: ["placed", "needs_attention", "failed", "cancelled", "shipped"],
  placed: ["shipped", "cancelled", "exception", "delivered"],
  shipped: ["exception", "delivered"],
  exception: ["shipped", "delivered"],
  failed: ["pending", "cancelled"],
  delivered: [],
  cancelled: [],
};

/** States in which the supplier may hold an order under our key (so a cancel must go to the supplier). */
export const AT_SUPPLIER: readonly SupplierOrderState[] = ["placing", "reserved", "placed"];
/** States the tracking poll looks at. */
export const TRACKED: readonly SupplierOrderState[] = ["placed", "shipped", "exception"];
/** States whose work a job still has to finish; the sweeper re-enqueues them when a job was lost. */
export const IN_FLIGHT: readonly SupplierOrderState[] = ["pending", "placing", "reserved"];
export const FINAL: readonly SupplierOrderState[] = ["delivered", "cancelled"];

export class IllegalTransition extends Error {
  override name = "IllegalTransition";
  constructor(readonly from: string, readonly to: string) {
    super(`A supplier order cannot go from ${from} to ${to}`);
  }
}

export function isSupplierOrderState(value: string): value is SupplierOrderState {
  return (SUPPLIER_ORDER_STATES as readonly string[]).includes(value);
}

export function canTransition(from: string, to: string): boolean {
  return isSupplierOrderState(from) && isSupplierOrderState(to) && TRANSITIONS[from].includes(to);
}

export function assertTransition(from: string, to: string): asserts to is SupplierOrderState {
  if (!canTransition(from, to)) throw new IllegalTransition(from, to);
}

export function allowedTransitions(from: SupplierOrderState): readonly SupplierOrderState[] {
  return TRANSITIONS[from];
}
