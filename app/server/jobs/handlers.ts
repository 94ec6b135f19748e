// The one registry of job handlers: queue name → handler. A domain adds its queues to
// `jobHandlers` (and any cron to `jobSchedules`); the worker registers whatever is listed here.
import type { Db } from "~/db.server";
import { PRUNE_WEBHOOK_DELIVERIES, pruneWebhookDeliveries, type PrunePayload } from "./prune-webhook-deliveries";
import type { JobHandler, JobQueue, RegisterOptions } from "./types";
import { complianceJobRegistrations, complianceJobSchedules } from "../compliance/jobs.server";
import { fxJobHandlers, fxJobSchedules } from "../fx/jobs.server";
import { installJobHandlers } from "../install/after-install.server";
import { fulfillmentJobHandlers, fulfillmentJobSchedules } from "../fulfillment/jobs.server";
import { shippingJobHandlers, shippingJobSchedules } from "../shipping/jobs.server";
import { sourcingJobHandlers, sourcingJobSchedules } from "../sourcing/jobs.server";
import { jdInboxJobHandlers, jdInboxJobSchedules } from "../jd-inbox/jobs.server";
import { cjWebhookJobHandlers } from "../suppliers/cj/webhook-jobs.server";
import { extensionsJobHandlers, extensionsJobSchedules } from "../extensions/jobs.server";

export interface JobDeps {
  db: Db;
  jobs: JobQueue;
}

export interface JobRegistration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each queue has its own payload type
  handler: JobHandler<any>;
  options?: RegisterOptions;
}

export interface JobScheduleSpec {
  name: string;
  cron: string;
  queue: string;
  payload: unknown;
}

export function jobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return {
    [PRUNE_WEBHOOK_DELIVERIES]: {
      handler: async (ctx: { payload: PrunePayload }) => pruneWebhookDeliveries(deps.db, ctx.payload),
      options: { concurrency: 1 },
    },
    ...complianceJobRegistrations(deps),
    ...fxJobHandlers(deps),
    ...installJobHandlers(deps),
    ...sourcingJobHandlers(deps),
    ...shippingJobHandlers(deps),
    ...fulfillmentJobHandlers(deps),
    ...jdInboxJobHandlers(deps),
    ...cjWebhookJobHandlers(deps),
    ...extensionsJobHandlers(deps),
  };
}

export const jobSchedules: JobScheduleSpec[] = [
  // Retention comes from SILKROUTE_RETENTION_DAYS when the job runs (jobs/retention.ts).
  { name: "maintenance.prune-webhook-deliveries.daily", cron: "17 3 * * *", queue: PRUNE_WEBHOOK_DELIVERIES, payload: {} },
  ...complianceJobSchedules,
  ...fxJobSchedules,
  ...sourcingJobSchedules,
  ...shippingJobSchedules,
  ...fulfillmentJobSchedules,
  ...jdInboxJobSchedules,
  ...extensionsJobSchedules,
];

/** Registers every handler and declares every schedule; returns the queue names. */
export async function registerJobHandlers(deps: JobDeps): Promise<string[]> {
  const registry = jobHandlers(deps);
  for (const [queue, { handler, options }] of Object.entries(registry)) deps.jobs.register(queue, handler, options);
  for (const s of jobSchedules) await deps.jobs.schedule(s.name, s.cron, s.queue, s.payload);
  return Object.keys(registry);
}
