import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onOrderRoutingComplete } from "../server/fulfillment/webhooks.server";

export const action = webhookAction("fulfillment_orders/order_routing_complete", onOrderRoutingComplete);
export const loader = postOnlyLoader;
