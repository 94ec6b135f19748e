import { webhookAction } from "../server/webhooks/receive.server";
import { acknowledgeOnly } from "../server/webhooks/topics.server";

export const action = webhookAction("products/update", acknowledgeOnly);
