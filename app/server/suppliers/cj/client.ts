import { fail, ok, type SupplierResult } from "../supplier-result";
import type { Clock } from "../resilience/clock";
import { createPacer } from "../resilience/pacer";
import { cjError, cjHttpError, cjNetworkError, cjRateLimited, TOKEN_INVALID_CODES } from "./errors";

export interface CjClientOptions {
  apiKey: string;
  baseUrl?: string;
  clock: Clock;
  /** Per-account QPS: 1 (free / level 0–1), 2, 4 or 6 (advanced). */
  requestsPerSecond?: number;
  fetch?: typeof fetch;
}

interface Envelope { code?: number; result?: boolean; message?: string; data?: unknown; requestId?: string }
interface TokenState { accessToken: string; accessExpiresAt: number; refreshToken: string; refreshExpiresAt: number }

const FIVE_MINUTES = 5 * 60_000;
const RENEW_BEFORE_MS = 24 * 3_600_000; // renew a day early; the token lives 15 days

/** The only file that talks HTTP to CJ API 2.0: token lifecycle within CJ's limits, client-side pacing, JSON calls. */
export function createCjClient(options: CjClientOptions) {
  const base = (options.baseUrl ?? "https://developers.cjdropshipping.com/api2.0/v1").replace(/\/$/, "");
  const doFetch = options.fetch ?? fetch;
  const { clock } = options;
  const pacer = createPacer({ requestsPerSecond: options.requestsPerSecond ?? 1, clock });
  let token: TokenState | null = null;
  let lastGetTokenAt = Number.NEGATIVE_INFINITY;
  let refreshTimes: number[] = [];

  async function send(method: string, path: string, init: { query?: Record<string, string | undefined>; body?: unknown; token?: string; signal: AbortSignal }): Promise<SupplierResult<Envelope>> {
    await pacer.acquire();
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, v);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (init.token) headers["CJ-Access-Token"] = init.token;
    let response: Response;
    try {
      response = await doFetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
    } catch (error) {
      if (init.signal.aborted) throw error;
      return fail(cjNetworkError());
    }
    if (!response.ok) return fail(cjHttpError(response.status));
    return ok((await response.json()) as Envelope);
  }

  function store(data: unknown) {
    const d = data as { accessToken: string; accessTokenExpiryDate: string; refreshToken: string; refreshTokenExpiryDate: string };
    token = { accessToken: d.accessToken, accessExpiresAt: Date.parse(d.accessTokenExpiryDate),
      refreshToken: d.refreshToken, refreshExpiresAt: Date.parse(d.refreshTokenExpiryDate) };
    return token.accessToken;
  }

  async function obtainToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    const now = clock.now();
    refreshTimes = refreshTimes.filter((t) => now - t < 60_000);
    if (token && token.refreshExpiresAt > now && refreshTimes.length < 5) {
      refreshTimes.push(now);
      const r = await send("POST", "/authentication/refreshAccessToken", { body: { refreshToken: token.refreshToken }, signal });
      if (r.ok && r.value.code === 200) return ok(store(r.value.data));
      if (!r.ok && r.error.retryable) return r;
    }
    // CJ allows getAccessToken once per 5 minutes; asking sooner would only earn a lock-out.
    if (now - lastGetTokenAt < FIVE_MINUTES) return fail(cjRateLimited(undefined, FIVE_MINUTES - (now - lastGetTokenAt)));
    lastGetTokenAt = now;
    const r = await send("POST", "/authentication/getAccessToken", { body: { apiKey: options.apiKey }, signal });
    if (!r.ok) return r;
    if (r.value.code !== 200) {
      const error = cjError(r.value.code, r.value.message);
      return fail(error.kind === "auth" ? { ...error, retryable: false } : error);
    }
    return ok(store(r.value.data));
  }

  // Single-flight: concurrent calls share one token request instead of tripping the 5-minute rule.
  let inflight: Promise<SupplierResult<string>> | null = null;
  async function accessToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    if (token && token.accessExpiresAt - RENEW_BEFORE_MS > clock.now()) return ok(token.accessToken);
    inflight ??= obtainToken(signal).finally(() => { inflight = null; });
    return inflight;
  }

  async function call(method: "GET" | "POST" | "DELETE", path: string, init: { query?: Record<string, string | undefined>; body?: unknown; signal: AbortSignal }, retriedAuth = false): Promise<SupplierResult<unknown>> {
    const t = await accessToken(init.signal);
    if (!t.ok) return t;
    const r = await send(method, path, { ...init, token: t.value });
    if (!r.ok) return r;
    if (r.value.code === 200) return ok(r.value.data);
    if (!retriedAuth && TOKEN_INVALID_CODES.has(String(r.value.code))) {
      token = token ? { ...token, accessExpiresAt: 0 } : null; // keep the refresh token, drop the access token
      return call(method, path, init, true);
    }
    return fail(cjError(r.value.code, r.value.message));
  }

  return { call, get hasToken() { return token !== null; } };
}
