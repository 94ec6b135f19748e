import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onBulkOperationFinished } from "../server/sourcing/imports/bulk-finish-webhook.server";

export const action = webhookAction("bulk_operations/finish", onBulkOperationFinished);
export const loader = postOnlyLoader;
