import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onProductUpdated } from "../server/webhooks/topics.server";

export const action = webhookAction("products/update", onProductUpdated);
export const loader = postOnlyLoader;
