import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onProductDeleted } from "../server/webhooks/topics.server";

export const action = webhookAction("products/delete", onProductDeleted);
export const loader = postOnlyLoader;
