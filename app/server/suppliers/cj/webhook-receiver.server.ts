// CJ's push messages at a public URL, one per CJ connection (/webhooks/cj/<connection id>): the raw body is read up
// to a bound, its `sign` header checked as CJ documents it (Base64 HMAC-SHA256 of the raw body keyed by the account's
// openId; https://developers.cjdropshipping.cn/en/api/start/webhook.html §2), then the message is deduplicated by
// messageId and enqueued. CJ wants a 200 within 3 s, so nothing slow happens here.
import { createHmac, timingSafeEqual } from "node:crypto";
import db from "../../../db.server";
import { jobQueue } from "../../jobs/queue.server";
import { isDelivered, recordDelivery } from "../../webhooks/deliveries.server";
import { shopSupplierAdapter } from "../shop-adapters.server";
import { isCjAdapter } from "./index";

export const CJ_WEBHOOK_QUEUE = "suppliers.cj-webhook";
export const CJ_WEBHOOK_MAX_BYTES = 512 * 1024;

export interface CjWebhookJob {
  shop: string;
  type: string;
  messageId: string;
  payload: unknown;
  /** CJ prints its 18-digit order ids as bare JSON numbers; the digits are kept from the raw text. */
  cjOrderId: string | null;
}

export const cjWebhookPath = (connectionId: string) => `/webhooks/cj/${encodeURIComponent(connectionId)}`;

async function readBounded(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) { await reader.cancel(); return null; }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function cjSignatureMatches(raw: string, sign: string, openId: string): boolean {
  const expected = Buffer.from(createHmac("sha256", openId).update(raw, "utf8").digest("base64"));
  const given = Buffer.from(sign.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain" } });

export async function receiveCjWebhook(request: Request, connectionId: string): Promise<Response> {
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  const sign = request.headers.get("sign");
  if (!sign) return text(401, "Missing sign header");
  const raw = await readBounded(request, CJ_WEBHOOK_MAX_BYTES);
  if (raw === null) return text(413, "Body too large");
  const connection = await db.supplierConnection.findUnique({ where: { id: connectionId } });
  if (!connection || connection.supplier !== "cj") return text(404, "Unknown connection");
  const adapter = await shopSupplierAdapter(connection.shop, "cj").catch(() => null);
  if (!adapter || !isCjAdapter(adapter)) return text(404, "CJ is not connected");
  const key = await adapter.webhookSigningKey();
  if (!key.ok) return text(503, "Cannot verify right now"); // CJ re-sends; we never accept unverified messages
  if (!cjSignatureMatches(raw, sign, key.value)) return text(401, "Bad signature");
  let message: { messageId?: unknown; type?: unknown };
  try {
    message = JSON.parse(raw) as typeof message;
  } catch {
    return text(400, "Body is not JSON");
  }
  if (typeof message.messageId !== "string" || typeof message.type !== "string") return text(400, "Not a CJ message");
  const webhookId = `cj:${connection.shop}:${message.messageId}`;
  if (await isDelivered(webhookId)) return new Response(null, { status: 200 });
  const cjOrderId = /"(?:cjOrderId|orderId)"\s*:\s*"?(\d+)/.exec(raw)?.[1] ?? null;
  const job: CjWebhookJob = { shop: connection.shop, type: message.type, messageId: message.messageId, payload: message, cjOrderId };
  await jobQueue().enqueue(CJ_WEBHOOK_QUEUE, job, { shop: connection.shop, dedupeKey: webhookId });
  await recordDelivery({ webhookId, shop: connection.shop, topic: `cj/${message.type.toLowerCase()}`, apiVersion: "cj-api-2.0", payload: null });
  return new Response(null, { status: 200 });
}
