import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onCustomersDataRequest } from "../server/webhooks/topics.server";

export const action = webhookAction("customers/data_request", onCustomersDataRequest);
export const loader = postOnlyLoader;
