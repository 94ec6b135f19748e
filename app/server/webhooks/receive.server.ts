import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../../shopify.server";
import { isDelivered, recordDelivery } from "./deliveries.server";

export interface WebhookContext {
  shop: string;
  topic: string; // as Shopify names it, e.g. "orders/create"
  webhookId: string;
  eventId?: string;
  apiVersion: string;
  payload: unknown;
}

export type WebhookHandler = (context: WebhookContext) => Promise<void>;

const storageTopic = (topic: string) => topic.toUpperCase().replace(/[/.]/g, "_");

/**
 * The one way a webhook route handles a delivery: HMAC over the raw body (401 when missing or wrong),
 * a 400 for a delivery meant for another topic, then an idempotent handler run once per X-Shopify-Webhook-Id.
 * Handlers must be quick; anything slow is enqueued as a job keyed by the webhook id.
 */
export function webhookAction(topic: string, handler: WebhookHandler) {
  return async ({ request }: ActionFunctionArgs): Promise<Response> => {
    if (request.method === "POST" && !request.headers.get("x-shopify-hmac-sha256")) {
      return new Response("Missing HMAC", { status: 401 });
    }
    let verified: Awaited<ReturnType<typeof authenticate.webhook>>;
    try {
      verified = await authenticate.webhook(request);
    } catch (error) {
      if (error instanceof Response) return error;
      if (error instanceof SyntaxError) return new Response("Body is not JSON", { status: 400 });
      throw error;
    }
    if (verified.topic !== storageTopic(topic)) {
      return new Response(`This endpoint only accepts ${topic}`, { status: 400 });
    }
    const context: WebhookContext = {
      shop: verified.shop,
      topic,
      webhookId: verified.webhookId,
      eventId: "eventId" in verified ? (verified.eventId as string | undefined) : undefined,
      apiVersion: verified.apiVersion,
      payload: verified.payload,
    };
    // A redelivery of something we already handled is acknowledged, not processed again.
    if (await isDelivered(context.webhookId)) return new Response(null, { status: 200 });
    await handler(context);
    await recordDelivery(context);
    return new Response(null, { status: 200 });
  };
}
