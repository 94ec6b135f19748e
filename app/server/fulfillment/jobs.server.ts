// The fulfillment domain's durable jobs: queue name → handler, plus cron schedules. app/server/jobs/handlers.ts
// registers everything listed here in the worker.
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";

export function fulfillmentJobHandlers(_deps: JobDeps): Record<string, JobRegistration> {
  return {};
}

export const fulfillmentJobSchedules: JobScheduleSpec[] = [];
