import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onCancellationRequestSubmitted } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/cancellation_request_submitted", onCancellationRequestSubmitted);
export const loader = postOnlyLoader;
