/**
 * The one authenticator for CarrierService rate requests, shaped like shopify-app-remix's
 * authenticate.fulfillmentService: POST only (405), a bounded body (413, checked before parsing), the HMAC
 * over the raw bytes when Shopify sends one (401), then the shop header naming an installed shop (400/401).
 * Shopify does not document an HMAC on rate requests, so a request without the header is still answered, but only
 * while the shop has never sent a signed one (docs/adr/0700-carrier-service-callback.md, 0710-public-routes.md);
 * an unsigned request is answered without adding to any cache.
 * The checks work on raw bytes and header values so that the Remix route (Fetch API) and the production
 * server's node:http fast path share them; each transport only reads its body within MAX_RATE_REQUEST_BYTES.
 * No offline session is loaded: the callback never calls Shopify, and loading one could mean a token refresh.
 */
import crypto from "node:crypto";
import db from "../../../db.server";
import { LruCache } from "../../cache/lru";
import { loadConfig } from "../../config";
import { readBoundedBody as readBoundedRequestBody } from "../../http/inbound.server";
import { methodNotAllowed, refusal, toResponse, type RateAnswer } from "./responses";
import { checkoutReads } from "./checkout-reads.server";

export const MAX_RATE_REQUEST_BYTES = 256 * 1024;
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;
const INSTALLED_TTL_MS = 60_000;

/** What a transport hands over: the raw body and the two headers the checks read. */
export interface RawRateRequest {
  readonly body: Buffer;
  readonly shopHeader: string | null;
  readonly hmacHeader: string | null;
}

export interface CarrierServiceRequest {
  shop: string;
  rawBody: Buffer;
  hmacVerified: boolean;
  /** The verified HMAC of the body (base64), when there was one: a keyed digest the quote cache can reuse. */
  hmacDigest?: string;
}

export type Authenticated = { ok: true; request: CarrierServiceRequest } | { ok: false; answer: RateAnswer };

// The secret imported once as a key object: a string key is copied into a new key on every HMAC.
let secret: crypto.KeyObject | undefined;
const appSecret = () => (secret ??= crypto.createSecretKey(Buffer.from(loadConfig().SHOPIFY_API_SECRET, "utf8")));

/**
 * Installed shops whose rate requests are signed, with the time their entry expires. Only a signed request for an
 * installed shop adds an entry, so unknown or random shop domains and unsigned requests never grow it; it is an
 * LRU with an entry budget from config (SILKROUTE_INSTALLED_SHOP_CACHE_ENTRIES).
 */
let signedShops: LruCache<string, number> | undefined;
const signedShopCache = () => (signedShops ??= new LruCache({ maxEntries: loadConfig().SILKROUTE_INSTALLED_SHOP_CACHE_ENTRIES }));

export function clearInstalledShopCache(): void {
  signedShops?.clear();
  signedShops = undefined; // the next use reads the budget from config again
}

/** For tests and the benchmark: how many shops the installed-shop cache holds. */
export const installedShopCacheSize = (): number => signedShops?.size ?? 0;

/** The body may be unread: the connection is closed after the answer rather than kept alive behind it. */
export const tooLarge = (limit = MAX_RATE_REQUEST_BYTES): RateAnswer => {
  const answer = refusal(413, `Rate requests are limited to ${limit} bytes`);
  return { ...answer, headers: { ...answer.headers, Connection: "close" } };
};

/** A declared Content-Length over the limit is refused before a byte of the body is read. */
export function declaresTooMuch(contentLength: string | null | undefined, limit = MAX_RATE_REQUEST_BYTES): boolean {
  return Number(contentLength ?? NaN) > limit;
}

/** The body's HMAC when the header matches it, else null. */
function verifiedHmac(raw: Buffer, header: string): Buffer | null {
  const expected = crypto.createHmac("sha256", appSecret()).update(raw).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? expected : null;
}

type ShopStatus = "not-installed" | "installed-unsigned" | "installed-signed";

/** The shop's row as the checks read it (on the read driver): null when the shop never installed Silkroute. */
export const installRow = (shop: string) => checkoutReads().installRow(shop);

// First signatures recorded together: one conditional write for the shops whose first signed request arrived in the
// same turn of the event loop or while the previous write ran. A fresh process that hears from hundreds of
// never-signed shops in its first seconds wrote one row each, ~1 ms of Prisma's CPU apiece (ADR 0720, "Twelfth
// round"). Each request still waits for its shop's write before it is answered, so a restart never forgets a
// signature that was acted on.
interface SignatureBatch { readonly shops: Set<string>; readonly at: number; written?: Promise<void> }
let signaturesOpen: SignatureBatch | null = null;
let signaturesWritten: Promise<unknown> = Promise.resolve();

function recordFirstSignature(shop: string, now: number): Promise<void> {
  let batch = signaturesOpen;
  if (!batch) {
    const next: SignatureBatch = (batch = signaturesOpen = { shops: new Set(), at: now });
    next.written = signaturesWritten
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        signaturesOpen = null; // later shops go in the next batch, written after this one
        const where = { domain: { in: [...next.shops] }, carrierRequestsSignedAt: null };
        await db.shop.updateMany({ where, data: { carrierRequestsSignedAt: new Date(next.at) } });
      });
    signaturesWritten = next.written.catch(() => undefined); // a failed write fails its own requests, not the next batch
  }
  batch.shops.add(shop);
  return batch.written!;
}

/**
 * Whether the shop is installed and has ever sent a signed rate request. A signed request for an installed shop
 * records the first signature (once, persisted, so every process and restart refuses unsigned ones afterwards)
 * and caches the shop; anything else reads the database and caches nothing.
 */
async function shopStatus(shop: string, signed: boolean, now: number): Promise<ShopStatus> {
  const cache = signedShopCache();
  const expiresAt = cache.get(shop);
  if (expiresAt !== undefined && expiresAt > now) return "installed-signed";
  if (expiresAt !== undefined) cache.delete(shop);
  const row = await installRow(shop);
  if (row === null || row.uninstalledAt !== null) return "not-installed";
  if (!signed) return row.carrierRequestsSignedAt ? "installed-signed" : "installed-unsigned";
  if (!row.carrierRequestsSignedAt) await recordFirstSignature(shop, now);
  cache.set(shop, now + INSTALLED_TTL_MS);
  return "installed-signed";
}

const shopOf = (raw: RawRateRequest) => (raw.shopHeader ?? "").trim().toLowerCase();

const signedRequest = (shop: string, raw: RawRateRequest, hmac: Buffer): CarrierServiceRequest =>
  ({ shop, rawBody: raw.body, hmacVerified: true, hmacDigest: hmac.toString("base64") });

/**
 * The same checks without a promise or the database, for a signed request from a shop this process verified within
 * the last minute (most of checkout's traffic), in two steps. `signedShopInMemory`: the shop, when the request carries
 * a signature and names such a shop, else null (the full check decides). `verifiedInMemory`: that request once its
 * HMAC matches, else null. The shop is looked up before any HMAC is computed, so a request the full check will refuse
 * costs one HMAC, not two.
 */
export function signedShopInMemory(raw: RawRateRequest, now: number): string | null {
  if (raw.hmacHeader === null) return null;
  const shop = shopOf(raw);
  const expiresAt = signedShopCache().get(shop); // keys are validated shop domains: a malformed header finds nothing
  return expiresAt !== undefined && expiresAt > now ? shop : null;
}

export function verifiedInMemory(raw: RawRateRequest, shop: string): CarrierServiceRequest | null {
  const hmac = raw.hmacHeader === null ? null : verifiedHmac(raw.body, raw.hmacHeader);
  return hmac && signedRequest(shop, raw, hmac);
}

/** HMAC (401), shop header (400), installed shop (401), unsigned once signed (401), on a bounded body. */
export async function authenticateRawRateRequest(raw: RawRateRequest): Promise<Authenticated> {
  const hmac = raw.hmacHeader === null ? null : verifiedHmac(raw.body, raw.hmacHeader);
  if (raw.hmacHeader !== null && hmac === null) return { ok: false, answer: refusal(401, "Invalid HMAC") };
  const shop = shopOf(raw);
  if (!SHOP_DOMAIN.test(shop)) return { ok: false, answer: refusal(400, "Missing or invalid X-Shopify-Shop-Domain") };
  const status = await shopStatus(shop, hmac !== null, Date.now());
  if (status === "not-installed") return { ok: false, answer: refusal(401, "Silkroute is not installed on this shop") };
  if (hmac === null && status === "installed-signed") return { ok: false, answer: refusal(401, "This shop's rate requests are signed; an unsigned request is refused") };
  return { ok: true, request: hmac ? signedRequest(shop, raw, hmac) : { shop, rawBody: raw.body, hmacVerified: false } };
}

/** The Fetch API transport's body reader: the declared length first, then the streamed bytes (shared reader). */
export async function readBoundedBody(request: Request, limit = MAX_RATE_REQUEST_BYTES): Promise<Buffer | RateAnswer> {
  return (await readBoundedRequestBody(request, limit)) ?? tooLarge(limit);
}

/** Fetch API form, as in the library: failures are thrown Responses. */
export async function authenticateCarrierService(request: Request, options: { maxBytes?: number } = {}): Promise<CarrierServiceRequest> {
  if (request.method !== "POST") throw toResponse(methodNotAllowed());
  const body = await readBoundedBody(request, options.maxBytes ?? MAX_RATE_REQUEST_BYTES);
  if (!Buffer.isBuffer(body)) throw toResponse(body);
  const result = await authenticateRawRateRequest({
    body, shopHeader: request.headers.get("x-shopify-shop-domain"), hmacHeader: request.headers.get("x-shopify-hmac-sha256"),
  });
  if (!result.ok) throw toResponse(result.answer);
  return result.request;
}
