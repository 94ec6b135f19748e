import { webhookAction } from "../server/webhooks/receive.server";
import { acknowledgeOnly } from "../server/webhooks/topics.server";

export const action = webhookAction("fulfillment_orders/hold_released", acknowledgeOnly);
