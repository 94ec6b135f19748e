import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onAppSubscriptionUpdate } from "../server/webhooks/topics.server";

export const action = webhookAction("app_subscriptions/update", onAppSubscriptionUpdate);
export const loader = postOnlyLoader;
