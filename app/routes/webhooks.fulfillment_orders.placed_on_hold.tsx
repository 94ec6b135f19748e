import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onFulfillmentOrderPlacedOnHold } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/placed_on_hold", onFulfillmentOrderPlacedOnHold);
export const loader = postOnlyLoader;
