import type { ActionFunctionArgs } from "@remix-run/node";
import { postOnlyLoader } from "../server/http/inbound.server";
import { answerFulfillmentOrderNotification } from "../server/fulfillment/notification.server";

// Shopify's "you have work" ping (public: authenticated by its HMAC, bounded before it is read).
export const action = ({ request }: ActionFunctionArgs) => answerFulfillmentOrderNotification(request);

export const loader = postOnlyLoader;
