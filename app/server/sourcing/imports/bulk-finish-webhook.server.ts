import { z } from "zod";
import { jobQueue } from "../../jobs/queue.server";
import type { WebhookHandler } from "../../webhooks/receive.server";
import { BULK_CHECK_QUEUE, type BulkCheckPayload } from "./bulk-import.server";

/** bulk_operations/finish: answer fast, map the results back in a job keyed by the webhook id. */
export const onBulkOperationFinished: WebhookHandler = async ({ shop, webhookId, payload }) => {
  const { admin_graphql_api_id: bulkOperationGid, type } = z.object({ admin_graphql_api_id: z.string(), type: z.string() }).parse(payload);
  if (type !== "mutation") return;
  await jobQueue().enqueue<BulkCheckPayload>(BULK_CHECK_QUEUE, { shop, bulkOperationGid }, { shop, dedupeKey: webhookId });
};
