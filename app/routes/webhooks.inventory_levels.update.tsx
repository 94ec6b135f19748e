import { webhookAction } from "../server/webhooks/receive.server";
import { onInventoryLevelUpdated } from "../server/webhooks/topics.server";

export const action = webhookAction("inventory_levels/update", onInventoryLevelUpdated);
