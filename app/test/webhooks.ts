import crypto from "node:crypto";

/** A webhook delivery signed the way Shopify signs it: HMAC-SHA256 of the raw body, base64. */
export function signedWebhook({
  topic,
  shop,
  payload,
  webhookId = crypto.randomUUID(),
  secret = process.env.SHOPIFY_API_SECRET!,
  hmac,
}: {
  topic: string;
  shop: string;
  payload: unknown;
  webhookId?: string;
  secret?: string;
  hmac?: string | null;
}): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signature = hmac === undefined ? crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64") : hmac;
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Event-Id": crypto.randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  });
  if (signature !== null) headers.set("X-Shopify-Hmac-Sha256", signature);
  return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${topic}`, { method: "POST", headers, body });
}

export const uniqueShop = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;

export const actionArgs = (request: Request) => ({ request, params: {}, context: {} });
