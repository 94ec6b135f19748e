import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onFulfillmentRequestSubmitted } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/fulfillment_request_submitted", onFulfillmentRequestSubmitted);
export const loader = postOnlyLoader;
