import { webhookAction } from "../server/webhooks/receive.server";
import { onProductUpdated } from "../server/webhooks/topics.server";

export const action = webhookAction("products/update", onProductUpdated);
