import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onFulfillmentOrderHoldReleased } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/hold_released", onFulfillmentOrderHoldReleased);
export const loader = postOnlyLoader;
