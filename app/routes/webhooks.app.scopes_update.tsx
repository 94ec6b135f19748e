import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onScopesUpdate } from "../server/webhooks/topics.server";

export const action = webhookAction("app/scopes_update", onScopesUpdate);
export const loader = postOnlyLoader;
