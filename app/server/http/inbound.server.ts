/**
 * What every public POST route shares before it trusts a byte: a body bound checked on the declared length and
 * again while streaming (413, the body left unread and the connection closed), Shopify's HMAC over the raw bounded
 * bytes (timing-safe), and a strict shop-domain check. Limits and the reasons for them: docs/adr/0710-public-routes.md.
 */
import crypto from "node:crypto";
import { loadConfig } from "../config";

export { MAX_FULFILLMENT_NOTIFICATION_BYTES, MAX_WEBHOOK_BODY_BYTES } from "./body-limits";

/** Shopify's own shop domains only: lowercase, one label, `.myshopify.com`. Anything else is a 400, never a throw. */
export const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;

export const isShopDomain = (value: unknown): value is string => typeof value === "string" && MYSHOPIFY_DOMAIN.test(value);

/** A declared Content-Length over the limit: refused before a byte of the body is read. */
export function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  return Number(contentLength ?? NaN) > limit;
}

/**
 * A refusal sent while the request body may still be unread. `Connection: close` makes Node end the socket after the
 * answer instead of waiting on a keep-alive connection whose next request would sit behind the unread bytes.
 */
export function refuseUnread(status: 400 | 401 | 405 | 413, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close", ...headers } });
}

export const payloadTooLarge = (limit: number) => refuseUnread(413, `Request bodies here are limited to ${limit} bytes`);

export const methodNotAllowed = () => refuseUnread(405, "Method not allowed", { Allow: "POST" });

/** Loader for POST-only resource routes: GET and HEAD get a 405, never Remix's missing-loader error. */
export const postOnlyLoader = () => methodNotAllowed();

/**
 * Reads at most `limit` bytes: null when the body declares or streams more. The stream is released, not cancelled:
 * cancelling the Remix adapter's stream destroys the socket, and with it the 413 (the answer closes it instead).
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Buffer | null> {
  if (declaresMoreThan(request.headers.get("content-length"), limit)) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return null;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

let secret: string | undefined;
const appSecret = () => (secret ??= loadConfig().SHOPIFY_API_SECRET);

/** Shopify's signature: base64 HMAC-SHA256 of the raw body with the app's client secret (reference §5). */
export function hasValidHmac(raw: Buffer, header: string | null): boolean {
  if (!header) return false;
  const expected = crypto.createHmac("sha256", appSecret()).update(raw).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
