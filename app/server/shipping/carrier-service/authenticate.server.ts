/**
 * The one authenticator for CarrierService rate requests, shaped like shopify-app-remix's
 * authenticate.fulfillmentService: POST only (405), a bounded body (413, checked before parsing), the HMAC
 * over the raw bytes when Shopify sends one (401), then the shop header naming an installed shop (400/401).
 * Shopify does not document an HMAC on rate requests, so a request without the header is still answered
 * (docs/adr/0700-carrier-service-callback.md). Failures are thrown Responses, as in the library.
 * No offline session is loaded: the callback never calls Shopify, and loading one could mean a token refresh.
 */
import crypto from "node:crypto";
import db from "../../../db.server";
import { loadConfig } from "../../config";

export const MAX_RATE_REQUEST_BYTES = 256 * 1024;
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;
const INSTALLED_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 5_000;

export interface CarrierServiceRequest {
  shop: string;
  rawBody: string;
  hmacVerified: boolean;
}

let secret: string | undefined;
const appSecret = () => (secret ??= loadConfig().SHOPIFY_API_SECRET);
const installed = new Map<string, { installed: boolean; expiresAt: number }>();

export function clearInstalledShopCache(): void {
  installed.clear();
}

const fail = (status: number, message: string): Response => new Response(message, { status, headers: { "Content-Type": "text/plain" } });

async function readBounded(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw fail(413, `Rate requests are limited to ${limit} bytes`);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw fail(413, `Rate requests are limited to ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function hmacMatches(raw: Buffer, header: string): boolean {
  const expected = crypto.createHmac("sha256", appSecret()).update(raw).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

async function isInstalled(shop: string, now: number): Promise<boolean> {
  const hit = installed.get(shop);
  if (hit && hit.expiresAt > now) return hit.installed;
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true } });
  const value = row !== null && row.uninstalledAt === null;
  installed.set(shop, { installed: value, expiresAt: now + (value ? INSTALLED_TTL_MS : UNKNOWN_TTL_MS) });
  return value;
}

export async function authenticateCarrierService(request: Request, options: { maxBytes?: number } = {}): Promise<CarrierServiceRequest> {
  if (request.method !== "POST") throw new Response(null, { status: 405, headers: { Allow: "POST" } });
  const raw = await readBounded(request, options.maxBytes ?? MAX_RATE_REQUEST_BYTES);
  const hmac = request.headers.get("x-shopify-hmac-sha256");
  if (hmac !== null && !hmacMatches(raw, hmac)) throw fail(401, "Invalid HMAC");
  const shop = (request.headers.get("x-shopify-shop-domain") ?? "").trim().toLowerCase();
  if (!SHOP_DOMAIN.test(shop)) throw fail(400, "Missing or invalid X-Shopify-Shop-Domain");
  if (!(await isInstalled(shop, Date.now()))) throw fail(401, "Silkroute is not installed on this shop");
  return { shop, rawBody: raw.toString("utf8"), hmacVerified: hmac !== null };
}
