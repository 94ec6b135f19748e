import { webhookAction } from "../server/webhooks/receive.server";
import { onProductDeleted } from "../server/webhooks/topics.server";

export const action = webhookAction("products/delete", onProductDeleted);
