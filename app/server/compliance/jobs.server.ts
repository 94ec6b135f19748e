import type { JobDeps, JobRegistration } from "../jobs/handlers";
import type { JobHandler } from "../jobs/types";
import { answerCustomerDataRequest, redactCustomer, redactShop } from "./compliance.server";

interface CustomerRequestJob {
  shop: string;
  payload: unknown;
}

// Shopify allows 30 days; we act on the next worker tick. Each handler is safe to run twice.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each queue has its own payload type
export const complianceJobHandlers: Record<string, JobHandler<any>> = {
  "compliance.customers-data-request": async ({ payload }: { payload: CustomerRequestJob }) => {
    const request = await answerCustomerDataRequest(payload.shop, payload.payload);
    return { complianceRequestId: request.id };
  },
  "compliance.customers-redact": async ({ payload }: { payload: CustomerRequestJob }) => {
    const request = await redactCustomer(payload.shop, payload.payload);
    return { complianceRequestId: request.id };
  },
  "compliance.shop-redact": async ({ payload }: { payload: { shop: string } }) => redactShop(payload.shop),
};

export function complianceJobRegistrations(_deps: JobDeps): Record<string, JobRegistration> {
  return Object.fromEntries(Object.entries(complianceJobHandlers).map(([queue, handler]) => [queue, { handler }]));
}
