import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onOrderCancelled } from "../server/webhooks/topics.server";

export const action = webhookAction("orders/cancelled", onOrderCancelled);
export const loader = postOnlyLoader;
