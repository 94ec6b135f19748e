// The fulfillment domain's durable jobs: queue name → handler, plus cron schedules. app/server/jobs/handlers.ts
// registers everything listed here in the worker. Every handler is idempotent (state machine + dedupe keys).
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { Q } from "./queues.server";
import { processFulfillmentRequests, syncOrderRequests, type RequestKind } from "./fulfillment-requests.server";
import { advanceSupplierOrder } from "./placement.server";
import { cancelOrderAtSuppliers } from "./cancellation.server";
import { syncTracking } from "./tracking/sync-tracking.server";
import { syncShopTracking } from "./tracking/shop-tracking.server";
import type { TrackingCadence } from "./tracking/poll-schedule";
import { detectStuck, pollTracking, sweepInFlight } from "./maintenance.server";
import { reconcileHold } from "./holds.server";
import { ROUTE_LINKED_QUEUE, routeLinkedFulfillmentOrder } from "../linking/merchant-fulfillment-orders.server";

export function fulfillmentJobHandlers(_deps: JobDeps): Record<string, JobRegistration> {
  return {
    [Q.processRequests]: { handler: async ({ payload }: { payload: { shop: string; kind: RequestKind } }) => processFulfillmentRequests(payload.shop, payload.kind) },
    [Q.syncOrder]: { handler: async ({ payload }: { payload: { shop: string; orderGid: string } }) => syncOrderRequests(payload.shop, payload.orderGid) },
    [Q.place]: { handler: async ({ payload }: { payload: { supplierOrderId: string } }) => ({ state: await advanceSupplierOrder(payload.supplierOrderId) }), options: { concurrency: 10 } },
    [Q.cancelOrder]: { handler: async ({ payload }: { payload: { shop: string; orderGid: string } }) => cancelOrderAtSuppliers(payload.shop, payload.orderGid) },
    [Q.pollTracking]: { handler: async () => ({ enqueued: await pollTracking() }), options: { concurrency: 1 } },
    // Per-row syncs enqueued before the per-shop batches existed still drain.
    [Q.syncTracking]: { handler: async ({ payload }: { payload: { supplierOrderId: string } }) => ({ state: await syncTracking(payload.supplierOrderId) }), options: { concurrency: 10 } },
    [Q.syncShopTracking]: { handler: async ({ payload }: { payload: { shop?: string; shops?: string[]; cadence?: TrackingCadence } }) => syncShopTracking(payload.shops ?? [payload.shop!], payload.cadence), options: { concurrency: 4 } },
    [Q.detectStuck]: { handler: async () => detectStuck(), options: { concurrency: 1 } },
    [Q.reconcileHold]: { handler: async ({ id, payload }: { id: string; payload: { shop: string; fulfillmentOrderGid: string } }) => ({ outcome: await reconcileHold(payload.shop, payload.fulfillmentOrderGid, id) }) },
    [ROUTE_LINKED_QUEUE]: { handler: async ({ payload }: { payload: { shop: string; fulfillmentOrderGid: string } }) => ({ outcome: await routeLinkedFulfillmentOrder(payload.shop, payload.fulfillmentOrderGid) }) },
    [Q.sweep]: { handler: async () => ({ enqueued: await sweepInFlight() }), options: { concurrency: 1 } },
  };
}

export const fulfillmentJobSchedules: JobScheduleSpec[] = [
  { name: "fulfillment.poll-tracking", cron: "*/15 * * * *", queue: Q.pollTracking, payload: {} },
  { name: "fulfillment.detect-stuck", cron: "7 * * * *", queue: Q.detectStuck, payload: {} },
  { name: "fulfillment.sweep", cron: "*/5 * * * *", queue: Q.sweep, payload: {} },
];
