// The run's figures, computed from the database, the emulated Shopify and the supplier's order book.
import type { SupplierCounts } from "./supplier-counter";

const FULFILLED = ["shipped", "delivered", "exception"];
const IN_FLIGHT = ["pending", "placing", "reserved", "placed"];

interface Row { fulfillmentOrderGid: string; state: string; reasonCode: string | null; flagCode: string | null }
interface Fulfillment { orderId: string; events: { status: string; happenedAt: string }[] }

export interface RunFacts {
  orders: number; deliveries: { total: number; sameId: number; newId: number }; workersKilled: number; workers: number; jobsBackend: string;
  supplier: SupplierCounts; supplierOrdersAtSupplier: number; rows: Row[]; fulfillmentOrderIds: string[]; fulfillments: Fulfillment[];
  timedOut: boolean; startedAt: number; deliveredAt: number; settledAt: number; finishedAt: number;
}

export function buildReport(f: RunFacts) {
  const rowFos = new Set(f.rows.map((r) => r.fulfillmentOrderGid));
  const perOrder = new Map<string, number>();
  for (const x of f.fulfillments) perOrder.set(x.orderId, (perOrder.get(x.orderId) ?? 0) + 1); // one FO per bench order
  const duplicateEvents = f.fulfillments.reduce((n, x) => n + x.events.length - new Set(x.events.map((e) => `${e.status}|${e.happenedAt}`)).size, 0);
  const fulfilled = f.rows.filter((r) => FULFILLED.includes(r.state));
  const notFulfilled = f.rows.filter((r) => !FULFILLED.includes(r.state));
  const flagged = notFulfilled.filter((r) => r.reasonCode || r.flagCode);
  const byReason: Record<string, number> = {};
  for (const r of flagged) { const k = `${r.state}:${r.reasonCode ?? r.flagCode}`; byReason[k] = (byReason[k] ?? 0) + 1; }
  const settleSeconds = (f.settledAt - f.startedAt) / 1000;
  const unsettledByState: Record<string, number> = {};
  for (const r of notFulfilled.filter((x) => !x.reasonCode && !x.flagCode)) unsettledByState[r.state] = (unsettledByState[r.state] ?? 0) + 1;
  const withoutRow = f.fulfillmentOrderIds.filter((id) => !rowFos.has(id)).length;
  return {
    orders: f.orders, timedOut: f.timedOut, jobsBackend: f.jobsBackend, workers: f.workers,
    webhookDeliveries: f.deliveries.total, duplicateDeliveries: { sameWebhookId: f.deliveries.sameId, newWebhookId: f.deliveries.newId },
    supplierCalls: f.supplier.calls, injectedFailures: { http503: f.supplier.http503, timeouts: f.supplier.timeouts, share: +((f.supplier.http503 + f.supplier.timeouts) / Math.max(1, f.supplier.calls)).toFixed(3) },
    supplierCallsByRoute: f.supplier.byRoute, workersKilled: f.workersKilled,
    supplierOrdersAtSupplier: f.supplierOrdersAtSupplier, supplierOrderRows: f.rows.length,
    fulfilled: fulfilled.length, flagged: flagged.length, flaggedByReason: byReason,
    // After a clean finish anything neither fulfilled nor flagged is lost; after a timeout it is only unfinished.
    lost: f.timedOut ? null : withoutRow + Object.values(unsettledByState).reduce((a, b) => a + b, 0),
    unfinishedAtTimeout: f.timedOut ? { withoutSupplierOrderRow: withoutRow, ...unsettledByState } : null,
    // The supplier keeps one order per key and each row owns one key: more supplier orders than rows, or more
    // rows than fulfillment orders, would be a duplicate.
    duplicateSupplierOrders: Math.max(0, f.supplierOrdersAtSupplier - f.rows.length) + (f.rows.length - rowFos.size),
    inFlightAtEnd: f.rows.filter((r) => IN_FLIGHT.includes(r.state)).length,
    duplicateFulfillments: [...perOrder.values()].filter((n) => n > 1).length,
    fulfillmentEventsPosted: f.fulfillments.reduce((n, x) => n + x.events.length, 0), duplicateEvents,
    webhooksSeconds: Math.round((f.deliveredAt - f.startedAt) / 1000), settledSeconds: Math.round(settleSeconds),
    totalSeconds: Math.round((f.finishedAt - f.startedAt) / 1000), ordersPerSecond: +((fulfilled.length + flagged.length) / settleSeconds).toFixed(2),
  };
}

export const passed = (r: ReturnType<typeof buildReport>) =>
  !r.timedOut && r.lost === 0 && r.duplicateSupplierOrders === 0 && r.duplicateFulfillments === 0 && r.duplicateEvents === 0 && r.fulfilled + r.flagged === r.orders;
