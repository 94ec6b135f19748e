/**
 * Shopify's fulfillment-order notification (`POST <callbackUrl>/fulfillment_order_notification`, reference §2): the
 * body only names the kind of work; the job reads the requests from the Admin API. Bounded and verified before the
 * library sees it: a body over MAX_FULFILLMENT_NOTIFICATION_BYTES is a 413 before it is read, a missing or wrong HMAC a
 * 401, a shop header that is not a *.myshopify.com domain a 400 (the library would throw InvalidShopError, a 500).
 */
import { authenticate } from "../../shopify.server";
import {
  MAX_FULFILLMENT_NOTIFICATION_BYTES, declaresMoreThan, hasValidHmac, isShopDomain, methodNotAllowed, payloadTooLarge, readBoundedBody, refuseUnread,
} from "../http/inbound.server";
import { enqueueRequestProcessing } from "./queues.server";

const badRequest = (message: string) => new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function kindOf(payload: unknown): "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST" {
  const kind = typeof payload === "object" && payload !== null && Object.hasOwn(payload, "kind") ? (payload as { kind: unknown }).kind : undefined;
  return kind === "CANCELLATION_REQUEST" ? "CANCELLATION_REQUEST" : "FULFILLMENT_REQUEST";
}

export async function answerFulfillmentOrderNotification(request: Request): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed();
  const limit = MAX_FULFILLMENT_NOTIFICATION_BYTES;
  if (declaresMoreThan(request.headers.get("content-length"), limit)) return payloadTooLarge(limit);
  const hmac = request.headers.get("x-shopify-hmac-sha256");
  if (!hmac) return refuseUnread(401, "Missing HMAC");
  const raw = await readBoundedBody(request, limit);
  if (raw === null) return payloadTooLarge(limit);
  if (!hasValidHmac(raw, hmac)) return new Response("Invalid HMAC", { status: 401 });
  if (!isShopDomain(request.headers.get("x-shopify-shop-domain"))) return badRequest("Missing or invalid X-Shopify-Shop-Domain");
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    return badRequest("Body is not JSON");
  }
  // The library checks the signature again and that the shop has an offline session (400 when it has none).
  const verified = new Request(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(raw) });
  let shop: string;
  try {
    shop = (await authenticate.fulfillmentService(verified)).session.shop;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  await enqueueRequestProcessing(shop, kindOf(payload));
  return new Response(null, { status: 200 });
}
