import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import type { JobHandler } from "../jobs/types";
import { answerCustomerDataRequest, redactCustomer, redactShop } from "./compliance.server";
import { recordCustomerRequest, type CustomerRequestTopic } from "./requests.server";
import { EXPIRE_DATA_REQUEST_EXPORTS, expireDataRequestExports } from "./expire-exports.server";

/** New jobs name the ComplianceRequest row; jobs enqueued before that carried the whole webhook payload. */
type CustomerRequestJob = { requestId: string } | { shop: string; payload: unknown };

async function requestIdOf(job: CustomerRequestJob, topic: CustomerRequestTopic, jobId: string): Promise<string> {
  if ("requestId" in job) return job.requestId;
  return (await recordCustomerRequest(job.shop, topic, `legacy-job:${jobId}`, job.payload)).id;
}

// Shopify allows 30 days; we act on the next worker tick. Each handler is safe to run twice.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each queue has its own payload type
export const complianceJobHandlers: Record<string, JobHandler<any>> = {
  "compliance.customers-data-request": async ({ id, payload }: { id: string; payload: CustomerRequestJob }) => {
    const request = await answerCustomerDataRequest(await requestIdOf(payload, "customers/data_request", id));
    return { complianceRequestId: request?.id ?? null };
  },
  "compliance.customers-redact": async ({ id, payload }: { id: string; payload: CustomerRequestJob }) => {
    const request = await redactCustomer(await requestIdOf(payload, "customers/redact", id));
    return { complianceRequestId: request?.id ?? null };
  },
  "compliance.shop-redact": async ({ payload }: { payload: { shop: string } }) => redactShop(payload.shop),
};

export function complianceJobRegistrations(deps: JobDeps): Record<string, JobRegistration> {
  return {
    ...Object.fromEntries(Object.entries(complianceJobHandlers).map(([queue, handler]) => [queue, { handler }])),
    [EXPIRE_DATA_REQUEST_EXPORTS]: { handler: async () => expireDataRequestExports(deps.db), options: { concurrency: 1 } },
  };
}

export const complianceJobSchedules: JobScheduleSpec[] = [
  { name: `${EXPIRE_DATA_REQUEST_EXPORTS}.daily`, cron: "29 3 * * *", queue: EXPIRE_DATA_REQUEST_EXPORTS, payload: {} },
];
