import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onCustomersRedact } from "../server/webhooks/topics.server";

export const action = webhookAction("customers/redact", onCustomersRedact);
export const loader = postOnlyLoader;
