import { webhookAction } from "../server/webhooks/receive.server";
import { acknowledgeOnly } from "../server/webhooks/topics.server";

export const action = webhookAction("fulfillment_orders/order_routing_complete", acknowledgeOnly);
