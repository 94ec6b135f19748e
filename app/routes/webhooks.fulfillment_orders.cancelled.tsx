import { webhookAction } from "../server/webhooks/receive.server";
import { onFulfillmentOrderCancelled } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/cancelled", onFulfillmentOrderCancelled);
