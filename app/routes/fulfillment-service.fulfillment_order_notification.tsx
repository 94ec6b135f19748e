import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { enqueueRequestProcessing } from "../server/fulfillment/queues.server";

// Shopify's "you have work" ping. The body only names the kind; the job reads the requests from the Admin API.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, payload } = await authenticate.fulfillmentService(request);
  const kind = payload.kind === "CANCELLATION_REQUEST" ? "CANCELLATION_REQUEST" : "FULFILLMENT_REQUEST";
  await enqueueRequestProcessing(session.shop, kind);
  return new Response(null, { status: 200 });
};
