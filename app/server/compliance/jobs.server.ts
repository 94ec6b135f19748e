import type { JobHandler } from "../jobs/types";
import { answerCustomerDataRequest, redactCustomer, redactShop } from "./compliance.server";

interface CustomerRequestJob {
  shop: string;
  payload: unknown;
}

// Shopify allows 30 days; we act on the next worker tick. Each handler is safe to run twice.
export const complianceJobHandlers: Record<string, JobHandler<never>> = {
  "compliance.customers-data-request": (async ({ payload }: { payload: CustomerRequestJob }) => {
    const request = await answerCustomerDataRequest(payload.shop, payload.payload);
    return { complianceRequestId: request.id };
  }) as JobHandler<never>,
  "compliance.customers-redact": (async ({ payload }: { payload: CustomerRequestJob }) => {
    const request = await redactCustomer(payload.shop, payload.payload);
    return { complianceRequestId: request.id };
  }) as JobHandler<never>,
  "compliance.shop-redact": (async ({ payload }: { payload: { shop: string } }) => redactShop(payload.shop)) as JobHandler<never>,
};
