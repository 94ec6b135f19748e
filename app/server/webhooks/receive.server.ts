import type { ActionFunctionArgs } from "@remix-run/node";
import { ZodError } from "zod";
import {
  MAX_WEBHOOK_BODY_BYTES, declaresMoreThan, hasValidHmac, isShopDomain, methodNotAllowed, payloadTooLarge, readBoundedBody, refuseUnread,
} from "../http/inbound.server";
import { MoneyError } from "../money";
import { GidError } from "../shopify/gid";
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

const badRequest = (message: string) => new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Payload errors a handler raises on a signed body of the wrong shape (a zod parse, a GID, a money amount): the
 *  sender's fault (400), never a 500. Found by app/server/http/public-routes.fuzz.test.ts. */
const isPayloadError = (error: unknown) =>
  error instanceof ZodError || error instanceof GidError || error instanceof MoneyError || error instanceof SyntaxError || isValueOutOfRange(error);

/** Prisma's P2000 (value too long for the column) and P2020 (value out of range, e.g. an amount past PostgreSQL's
 *  int4): caused by the payload's values, so a 400 like any other payload error, not a retryable 500. */
function isValueOutOfRange(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === "PrismaClientKnownRequestError" && (e.code === "P2000" || e.code === "P2020");
}

/**
 * The shop a signed body names, when it names one: compliance topics carry `shop_domain`, `app/uninstalled` the shop
 * object with `myshopify_domain` (reference §5). Compared with the header, so a body signed for one shop cannot be
 * replayed under another shop's header.
 */
function shopNamedInBody(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  const own = (key: string) => (Object.hasOwn(payload, key) ? (payload as Record<string, unknown>)[key] : undefined);
  return own("shop_domain") ?? own("myshopify_domain");
}

// A NUL or a lone UTF-16 surrogate (JSON can escape both) is text PostgreSQL cannot store in text or jsonb.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string (or key) in the payload is text the database cannot store. */
function containsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (typeof value !== "object" || value === null || depth > 200) return false;
  if (Array.isArray(value)) return value.some((v) => containsUnstorableText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || containsUnstorableText(v, depth + 1));
}

/**
 * The one way a webhook route handles a delivery, following Shopify's "verify deliveries" contract (reference §5):
 * POST only (405); a body over MAX_WEBHOOK_BODY_BYTES is refused with 413 before it is read (declared length) or
 * while it streams; no HMAC header is a 401 without reading; the HMAC is checked on the raw bounded bytes (401);
 * then the shop header (a *.myshopify.com domain), topic and webhook id headers, the JSON, and the shop the body
 * names (400 each). An idempotent handler runs once per X-Shopify-Webhook-Id; a payload of the wrong shape is a 400.
 * Handlers must be quick; anything slow is enqueued as a job keyed by the webhook id.
 */
export function webhookAction(topic: string, handler: WebhookHandler) {
  return async ({ request }: ActionFunctionArgs): Promise<Response> => {
    if (request.method !== "POST") return methodNotAllowed();
    const headers = request.headers;
    if (declaresMoreThan(headers.get("content-length"), MAX_WEBHOOK_BODY_BYTES)) return payloadTooLarge(MAX_WEBHOOK_BODY_BYTES);
    const hmac = headers.get("x-shopify-hmac-sha256");
    if (!hmac) return refuseUnread(401, "Missing HMAC");
    const raw = await readBoundedBody(request, MAX_WEBHOOK_BODY_BYTES);
    if (raw === null) return payloadTooLarge(MAX_WEBHOOK_BODY_BYTES);
    if (!hasValidHmac(raw, hmac)) return new Response("Invalid HMAC", { status: 401 });

    const shop = headers.get("x-shopify-shop-domain") ?? "";
    if (!isShopDomain(shop)) return badRequest("Missing or invalid X-Shopify-Shop-Domain");
    if (headers.get("x-shopify-topic") !== topic) return badRequest(`This endpoint only accepts ${topic}`);
    const webhookId = headers.get("x-shopify-webhook-id");
    if (!webhookId) return badRequest("Missing X-Shopify-Webhook-Id");
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString("utf8"));
    } catch {
      return badRequest("Body is not JSON");
    }
    // Found by the fuzz suite on PostgreSQL: a NUL or a lone surrogate in a stored string made the write fail (a 500).
    if (containsUnstorableText(payload)) return badRequest("The body contains a NUL character or invalid Unicode");
    const named = shopNamedInBody(payload);
    if (named !== undefined && named !== shop) return badRequest("The body names another shop than X-Shopify-Shop-Domain");

    const context: WebhookContext = {
      shop, topic, webhookId, payload,
      eventId: headers.get("x-shopify-event-id") ?? undefined,
      apiVersion: headers.get("x-shopify-api-version") ?? "",
    };
    // A redelivery of something we already handled is acknowledged, not processed again.
    if (await isDelivered(context.webhookId)) return new Response(null, { status: 200 });
    try {
      await handler(context);
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      console.warn(`[webhooks] ${topic} shop=${shop} refused a payload: ${(error as Error).name}`);
      return badRequest(`The ${topic} payload does not have the documented shape`);
    }
    await recordDelivery(context);
    return new Response(null, { status: 200 });
  };
}
