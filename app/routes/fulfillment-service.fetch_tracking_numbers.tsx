import type { LoaderFunctionArgs } from "@remix-run/node";
import { trackingNumbersForFulfillments } from "../server/fulfillment/tracking/fetch-tracking-numbers.server";

// Shopify's hourly pull for fulfillments without tracking. We push tracking with fulfillmentCreate, so this
// answers from what we already recorded.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const names = [...url.searchParams.getAll("order_names[]"), ...url.searchParams.getAll("order_names")];
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop)) return Response.json({ success: false, message: "Unknown shop", tracking_numbers: {} }, { status: 400 });
  const trackingNumbers = await trackingNumbersForFulfillments(shop, names);
  return Response.json({ tracking_numbers: trackingNumbers, message: "Successfully received the tracking numbers", success: true });
};
