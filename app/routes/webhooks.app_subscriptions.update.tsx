import { webhookAction } from "../server/webhooks/receive.server";
import { onAppSubscriptionUpdate } from "../server/webhooks/topics.server";

export const action = webhookAction("app_subscriptions/update", onAppSubscriptionUpdate);
