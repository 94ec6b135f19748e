import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onShopRedact } from "../server/webhooks/topics.server";

export const action = webhookAction("shop/redact", onShopRedact);
export const loader = postOnlyLoader;
