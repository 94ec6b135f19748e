import { fail, ok, type SupplierResult } from "../supplier-result";
import { systemClock, type Clock } from "../resilience/clock";
import { createPacer, type Pacer } from "../resilience/pacer";
import { cjError, cjHttpError, cjNetworkError, cjRateLimited, TOKEN_INVALID_CODES } from "./errors";

export const CJ_PRODUCTION_BASE_URL = "https://developers.cjdropshipping.com/api2.0/v1";
/** CJ's per-IP ceiling (limit.html): whatever the account allows, one IP never sends more than 10/s. */
const PER_IP_QPS = 10;
// Every CJ connection in this process leaves from the same IP, so they share one pacer per CJ host (review F7);
// each connection also keeps its own account pacer. Bounded: one entry per distinct CJ base URL host.
const perIpPacers = new Map<string, Pacer>();
function perIpPacer(host: string): Pacer {
  let pacer = perIpPacers.get(host);
  if (!pacer) {
    if (perIpPacers.size >= 16) perIpPacers.clear();
    pacer = createPacer({ requestsPerSecond: PER_IP_QPS, clock: systemClock }); // an IP limit is wall-clock time
    perIpPacers.set(host, pacer);
  }
  return pacer;
}

export interface CjClientOptions {
  apiKey: string;
  baseUrl?: string;
  clock: Clock;
  /** Overrides the QPS read from CJ's setting/get (tests); otherwise 1/s until the settings are known. */
  requestsPerSecond?: number;
  fetch?: typeof fetch;
}

export type CjQuery = Record<string, string | readonly string[] | undefined>;
interface Envelope { code?: number; result?: boolean; success?: boolean; message?: string; data?: unknown; requestId?: string }
interface TokenState { accessToken: string; accessExpiresAt: number; refreshToken: string; refreshExpiresAt: number }

const FIVE_MINUTES = 5 * 60_000;
const RENEW_BEFORE_MS = 24 * 3_600_000; // renew a day early; the token lives 15 days

/** "Success: HTTP 200 AND (code == 200 OR no code field present)" (cj-contract.json envelope.success_rule). */
const succeeded = (e: Envelope) => e.code === undefined || e.code === 200;

/**
 * The only file that talks HTTP to CJ API 2.0: token lifecycle within CJ's limits, pacing at the account's QPS
 * (read from setting/get, capped by the per-IP limit), JSON calls and the envelope's success rule.
 */
export function createCjClient(options: CjClientOptions) {
  const base = (options.baseUrl ?? CJ_PRODUCTION_BASE_URL).replace(/\/$/, "");
  const doFetch = options.fetch ?? fetch;
  const { clock } = options;
  let pacer: Pacer = createPacer({ requestsPerSecond: options.requestsPerSecond ?? 1, clock });
  const ipPacer = options.requestsPerSecond === undefined ? perIpPacer(new URL(base).host) : null;
  let token: TokenState | null = null;
  let openId: string | null = null;
  let qpsLimit: number | null = null;
  let lastGetTokenAt = Number.NEGATIVE_INFINITY;
  let lastAuthRefusal: ReturnType<typeof cjError> | null = null;
  let refreshTimes: number[] = [];

  async function send(method: string, path: string, init: { query?: CjQuery; body?: unknown; token?: string; signal: AbortSignal }): Promise<SupplierResult<Envelope>> {
    await pacer.acquire();
    await ipPacer?.acquire();
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) {
      // Batch parameters repeat the key (trackInfo?trackNumber=A&trackNumber=B).
      for (const value of typeof v === "string" ? [v] : v ?? []) if (value !== "") url.searchParams.append(k, value);
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (init.token) headers["CJ-Access-Token"] = init.token;
    let response: Response;
    try {
      response = await doFetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
    } catch (error) {
      if (init.signal.aborted) throw error;
      return fail(cjNetworkError());
    }
    const envelope = (await response.json().catch(() => null)) as Envelope | null;
    if (!response.ok) return fail(envelope?.code !== undefined && response.status < 500 && response.status !== 429 ? cjError(envelope.code, envelope.message, clock.now()) : cjHttpError(response.status));
    if (!envelope) return fail(cjHttpError(502));
    return ok(envelope);
  }

  function store(data: unknown) {
    const d = data as { openId?: number | string; accessToken: string; accessTokenExpiryDate: string; refreshToken: string; refreshTokenExpiryDate: string };
    // openId is the HMAC key of CJ's webhook signatures (webhook.html "2. Signature Authentication"): keep it.
    if (d.openId !== undefined) openId = String(d.openId);
    token = { accessToken: d.accessToken, accessExpiresAt: Date.parse(d.accessTokenExpiryDate),
      refreshToken: d.refreshToken, refreshExpiresAt: Date.parse(d.refreshTokenExpiryDate) };
    return token.accessToken;
  }

  async function obtainToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    const now = clock.now();
    refreshTimes = refreshTimes.filter((t) => now - t < 60_000);
    // refreshAccessToken: 5 per minute (auth.html).
    if (token && token.refreshExpiresAt > now && refreshTimes.length < 5) {
      refreshTimes.push(now);
      const r = await send("POST", "/authentication/refreshAccessToken", { body: { refreshToken: token.refreshToken }, signal });
      if (r.ok && succeeded(r.value)) return ok(store(r.value.data));
      if (!r.ok && r.error.retryable) return r;
    }
    // Older docs allow getAccessToken once per 5 minutes, newer ones QPS 1 with a 24 h cache: keep to the stricter.
    // Within that window a refused key stays refused (no retry can help); anything else waits (minutes: the retry
    // layer hands that wait to the job layer instead of sleeping in the request).
    if (now - lastGetTokenAt < FIVE_MINUTES) {
      return fail(lastAuthRefusal ?? cjRateLimited(undefined, FIVE_MINUTES - (now - lastGetTokenAt)));
    }
    lastGetTokenAt = now;
    const r = await send("POST", "/authentication/getAccessToken", { body: { apiKey: options.apiKey }, signal });
    if (!r.ok) return r;
    if (!succeeded(r.value)) {
      const error = cjError(r.value.code, r.value.message, clock.now());
      if (error.kind === "auth") lastAuthRefusal = { ...error, retryable: false };
      return fail(lastAuthRefusal ?? error);
    }
    lastAuthRefusal = null;
    const accessToken = store(r.value.data);
    await learnQps(accessToken, signal);
    return ok(accessToken);
  }

  // The account's real QPS comes from setting/get (setting.html), not from a level the merchant types in.
  async function learnQps(accessToken: string, signal: AbortSignal) {
    if (options.requestsPerSecond !== undefined || qpsLimit !== null) return;
    const r = await send("GET", "/setting/get", { token: accessToken, signal });
    const limit = r.ok && succeeded(r.value) ? Number((r.value.data as { setting?: { qpsLimit?: unknown } } | null)?.setting?.qpsLimit) : NaN;
    if (Number.isFinite(limit) && limit > 0) {
      qpsLimit = limit;
      pacer = createPacer({ requestsPerSecond: Math.min(limit, PER_IP_QPS), clock });
    }
  }

  // Single-flight: concurrent calls share one token request instead of tripping the token limits.
  let inflight: Promise<SupplierResult<string>> | null = null;
  async function accessToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    if (token && token.accessExpiresAt - RENEW_BEFORE_MS > clock.now()) return ok(token.accessToken);
    inflight ??= obtainToken(signal).finally(() => { inflight = null; });
    return inflight;
  }

  async function call(method: "GET" | "POST" | "DELETE", path: string, init: { query?: CjQuery; body?: unknown; signal: AbortSignal }, retriedAuth = false): Promise<SupplierResult<unknown>> {
    const t = await accessToken(init.signal);
    if (!t.ok) return t;
    const r = await send(method, path, { ...init, token: t.value });
    if (!r.ok) {
      if (!retriedAuth && TOKEN_INVALID_CODES.has(r.error.supplierCode ?? "")) return retryWithFreshToken(method, path, init);
      return r;
    }
    if (succeeded(r.value)) return ok(r.value.data ?? null);
    if (!retriedAuth && TOKEN_INVALID_CODES.has(String(r.value.code))) return retryWithFreshToken(method, path, init);
    return fail(cjError(r.value.code, r.value.message, clock.now()));
  }

  function retryWithFreshToken(method: "GET" | "POST" | "DELETE", path: string, init: { query?: CjQuery; body?: unknown; signal: AbortSignal }) {
    token = token ? { ...token, accessExpiresAt: 0 } : null; // keep the refresh token, drop the access token
    return call(method, path, init, true);
  }

  return {
    call,
    /** Makes sure a token exists (and so the openId is known) without spending a paid call. */
    async authenticate(signal: AbortSignal): Promise<SupplierResult<string | null>> {
      const t = await accessToken(signal);
      return t.ok ? ok(openId) : t;
    },
    get hasToken() { return token !== null; },
    /** The webhook signing key once authenticated (CJ's openId as a string). */
    get openId() { return openId; },
    get qpsLimit() { return qpsLimit; },
  };
}
