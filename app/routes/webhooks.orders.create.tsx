import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onOrderCreated } from "../server/webhooks/topics.server";

export const action = webhookAction("orders/create", onOrderCreated);
export const loader = postOnlyLoader;
