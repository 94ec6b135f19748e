import { webhookAction } from "../server/webhooks/receive.server";
import { onOrderCreated } from "../server/webhooks/topics.server";

export const action = webhookAction("orders/create", onOrderCreated);
