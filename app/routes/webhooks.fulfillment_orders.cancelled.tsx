import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onFulfillmentOrderCancelled } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/cancelled", onFulfillmentOrderCancelled);
export const loader = postOnlyLoader;
