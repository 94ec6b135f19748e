// The shipping domain's durable jobs: queue name → handler, plus cron schedules. app/server/jobs/handlers.ts
// registers everything listed here in the worker.
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { adminClientForShop } from "../shopify/admin.server";
import { CHECKOUT_REACH_SYNC, syncCheckoutReach } from "./checkout-reach/reach.server";

export function shippingJobHandlers(_deps: JobDeps): Record<string, JobRegistration> {
  return {
    // Rate cards changed: bring Silkroute's delivery zones in Shopify to the cards' destinations (reads state, safe to repeat).
    [CHECKOUT_REACH_SYNC]: {
      handler: async (ctx: { payload: { shop: string } }) => syncCheckoutReach(ctx.payload.shop, await adminClientForShop(ctx.payload.shop)),
      options: { concurrency: 1 },
    },
  };
}

export const shippingJobSchedules: JobScheduleSpec[] = [];
