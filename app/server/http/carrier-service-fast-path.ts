/**
 * The CarrierService callback on raw node:http, for the production server: it runs before Express,
 * compression and Remix's route matching, which together cost as much as quoting itself. Same contract
 * as the Remix route (both call answerRawRateRequest); only the transport differs. Exported from the
 * server build (app/entry.server.tsx) so it shares the build's module graph: caches, invalidation
 * listeners and the Prisma client are the ones the Remix routes use.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { declaresTooMuch, MAX_RATE_REQUEST_BYTES, tooLarge } from "../shipping/carrier-service/authenticate.server";
import { answerRawRateRequest } from "../shipping/carrier-service/rates.server";
import { internalFailure, type RateAnswer } from "../shipping/carrier-service/responses";
import { HSTS, reachedOverTls, SECURITY_HEADERS } from "./security-headers";
import { writeAfterPoll, writeWaitingAnswers } from "../event-loop";

export const CARRIER_SERVICE_RATES_PATH = "/carrier-service/rates";

export function isCarrierServiceRatesPost(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false; // other methods go to the route, which answers 405
  const url = req.url ?? "";
  const end = url.indexOf("?");
  const path = end < 0 ? url : url.slice(0, end);
  return path === CARRIER_SERVICE_RATES_PATH || path === `${CARRIER_SERVICE_RATES_PATH}/`;
}

/** The answer's bytes and its complete heads, each built when first needed: plain HTTP or over TLS (with HSTS), each
 *  also closing the connection (index: close × 2 + tls). */
interface Encoded { readonly body: Buffer; readonly heads: (Head | undefined)[] }
type Head = Readonly<Record<string, string | number>>;

// A cached answer is sent many times: from its second sending on, its bytes and heads are encoded once and kept on the
// answer itself, for as long as the answer lives. The security headers every answer carries (security-headers.ts)
// are part of these heads, so this route skips the listener's per-request writeHead wrapper, which cost a repeat
// answer more than its cache lookup. Most distinct carts' answers are sent once: they go out as the string, with only
// the head they need, and leave nothing behind (a WeakMap entry per answer cost the collector more than it saved).
const ENCODED = Symbol("encoded");
/** `null`: sent once, as its string. */
type Sendable = RateAnswer & { [ENCODED]?: Encoded | null };

function headFor(answer: RateAnswer, length: number, variant: number): Head {
  const head: Record<string, string | number> = { ...answer.headers, "Content-Length": length, ...SECURITY_HEADERS };
  if (variant & 1) head["Strict-Transport-Security"] = HSTS;
  if (variant & 2) head.Connection = "close";
  return head;
}

/** Queues the answer for this turn's batch of writes (event-loop.ts). */
function send(req: IncomingMessage, res: ServerResponse, answer: Sendable, close = false): void {
  writeAfterPoll(() => sendNow(req, res, answer, close));
}

function sendNow(req: IncomingMessage, res: ServerResponse, answer: Sendable, close: boolean): void {
  if (res.headersSent || res.destroyed) return; // the client may have hung up while the answer waited
  // Connection: close on refusals: an unread oversized body would otherwise be drained on a kept-alive socket.
  const variant = (close ? 2 : 0) + (reachedOverTls(req) ? 1 : 0);
  let e = answer[ENCODED];
  if (e === undefined) {
    answer[ENCODED] = null;
    res.writeHead(answer.status, headFor(answer, Buffer.byteLength(answer.body, "utf8"), variant)).end(answer.body, "utf8");
    return;
  }
  if (e === null) answer[ENCODED] = e = { body: Buffer.from(answer.body, "utf8"), heads: [] };
  res.writeHead(answer.status, (e.heads[variant] ??= headFor(answer, e.body.length, variant))).end(e.body);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

/** Reads at most `limit` bytes and hands them over, or null when the body is larger (the caller answers 413). A
 *  callback rather than a promise: a repeat answered from memory then goes out in the same turn as the body's end. */
function readBody(req: IncomingMessage, limit: number, done: (body: Buffer | null) => void, failed: (error: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
      done(null);
    } else chunks.push(chunk);
  };
  const onEnd = () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  // `on`, not `once`: a request emits each at most once, and `once` wraps every listener in a closure of its own.
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("error", failed);
}

function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  // A client that hangs up mid-body has nobody to answer; anything else is a total failure (503).
  console.error(`[carrier-service] fast path failed: ${error instanceof Error ? error.name : "unknown error"}`);
  send(req, res, internalFailure());
}

export function handleCarrierServiceRates(req: IncomingMessage, res: ServerResponse, limit = MAX_RATE_REQUEST_BYTES): void {
  if (declaresTooMuch(header(req, "content-length"), limit)) return send(req, res, tooLarge(limit), true);
  const failed = (error: unknown) => fail(req, res, error);
  readBody(req, limit, (body) => {
    if (body === null) return send(req, res, tooLarge(limit), true);
    try {
      const answer = answerRawRateRequest({ body, shopHeader: header(req, "x-shopify-shop-domain"), hmacHeader: header(req, "x-shopify-hmac-sha256") });
      if (answer instanceof Promise) answer.then((a) => send(req, res, a), failed);
      else send(req, res, answer);
    } catch (error) {
      failed(error);
    }
  }, failed);
}

/** Takes the request when it is the callback (its answers carry the security headers themselves); returns false to
 *  let the caller's next handler run. Before another request runs (an admin page, a webhook: on SQLite its queries
 *  run synchronously, in this same turn), the answers already computed this turn are written. */
export function carrierServiceFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isCarrierServiceRatesPost(req)) {
    writeWaitingAnswers();
    return false;
  }
  handleCarrierServiceRates(req, res);
  return true;
}
