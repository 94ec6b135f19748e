import { webhookAction } from "../server/webhooks/receive.server";
import { acknowledgeOnly } from "../server/webhooks/topics.server";

export const action = webhookAction("bulk_operations/finish", acknowledgeOnly);
