import { postOnlyLoader } from "../server/http/inbound.server";
import { webhookAction } from "../server/webhooks/receive.server";
import { onInventoryLevelUpdated } from "../server/webhooks/topics.server";

export const action = webhookAction("inventory_levels/update", onInventoryLevelUpdated);
export const loader = postOnlyLoader;
