import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onAppUninstalled } from "../server/webhooks/topics.server";

export const action = webhookAction("app/uninstalled", onAppUninstalled);
export const loader = postOnlyLoader;
