import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import type { Clock } from "../resilience/clock";
import { jdError, jdHttpError, jdLoginError, jdNetworkError, REFRESH_FAILED_CODES, TOKEN_EXPIRED_CODE } from "./errors";
import { formatJdTimestamp, md5Hex, signVopTokenRequest } from "./signing";

export interface JdCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export interface JdClientOptions {
  credentials: JdCredentials;
  /** Per connection; the legacy bizapi gateway by default (jd-contract.json → gateways.legacy_vop_bizapi). */
  baseUrl?: string;
  clock: Clock;
  fetch?: typeof fetch;
  scope?: string;
}

interface VopEnvelope { success?: boolean; resultCode?: string | number | null; resultMessage?: string; result?: unknown }
interface TokenState { accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number }

export const DEFAULT_JD_BASE_URL = "https://bizapi.jd.com";
// Refresh a little early so a call never leaves with a token that dies in flight.
const REFRESH_MARGIN_MS = 10 * 60_000;

/** The only file that talks HTTP to JD VOP (bizapi): token lifecycle plus form-encoded business calls. */
export function createJdClient(options: JdClientOptions) {
  const base = (options.baseUrl || DEFAULT_JD_BASE_URL).replace(/\/$/, "");
  const doFetch = options.fetch ?? fetch;
  const { credentials: c, clock } = options;
  let token: TokenState | null = null;

  async function post(path: string, params: Record<string, string>, signal: AbortSignal): Promise<SupplierResult<VopEnvelope>> {
    let response: Response;
    try {
      response = await doFetch(base + path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams(params).toString(),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      return fail(jdNetworkError());
    }
    if (!response.ok) return fail(jdHttpError(response.status));
    return ok((await response.json()) as VopEnvelope);
  }

  /** Builds the exact token request: sign = MD5(secret+timestamp+client_id+username+md5(pwd)+grant_type+scope+secret). */
  function tokenParams(): Record<string, string> {
    const timestamp = formatJdTimestamp(clock.now());
    const passwordMd5 = md5Hex(c.password);
    const grantType = "access_token";
    const scope = options.scope ?? "";
    const sign = signVopTokenRequest({ clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, passwordMd5, grantType, scope, timestamp });
    return { grant_type: grantType, client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: passwordMd5, timestamp, scope, sign };
  }

  function store(result: unknown, now: number): string {
    const t = result as { access_token: string; refresh_token: string; expires_in: number; refresh_token_expires?: number };
    token = {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: now + Number(t.expires_in) * 1000,
      refreshExpiresAt: t.refresh_token_expires ?? now + 30 * 86_400_000,
    };
    return token.accessToken;
  }

  async function login(signal: AbortSignal): Promise<SupplierResult<string>> {
    const now = clock.now();
    const r = await post("/oauth2/accessToken", tokenParams(), signal);
    if (!r.ok) return r;
    if (!r.value.success) return fail(jdLoginError(r.value.resultCode, r.value.resultMessage));
    return ok(store(r.value.result, now));
  }

  /** Refresh when the refresh token still lives; 2011/2012 (or any refusal) falls back to a fresh login. */
  async function renew(signal: AbortSignal): Promise<SupplierResult<string>> {
    const now = clock.now();
    if (!token || token.refreshExpiresAt <= now) return login(signal);
    const r = await post("/oauth2/refreshToken", { refresh_token: token.refreshToken, client_id: c.clientId, client_secret: c.clientSecret }, signal);
    if (!r.ok) return r;
    if (r.value.success) return ok(store(r.value.result, now));
    token = null;
    if (!REFRESH_FAILED_CODES.has(String(r.value.resultCode))) return fail(jdLoginError(r.value.resultCode, r.value.resultMessage));
    return login(signal);
  }

  // Single-flight so a burst of calls at expiry renews once, not once per call.
  let inflight: Promise<SupplierResult<string>> | null = null;
  function accessToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    if (token && token.expiresAt - REFRESH_MARGIN_MS > clock.now()) return Promise.resolve(ok(token.accessToken));
    inflight ??= renew(signal).finally(() => { inflight = null; });
    return inflight;
  }

  /** Calls a business API; `result` comes back parsed (VOP sometimes sends it as a JSON string). */
  async function call(path: string, params: Record<string, string>, signal: AbortSignal, retriedAuth = false): Promise<SupplierResult<unknown>> {
    const t = await accessToken(signal);
    if (!t.ok) return t;
    const r = await post(path, { token: t.value, ...params }, signal);
    if (!r.ok) return r;
    const env = r.value;
    if (env.success) return ok(typeof env.result === "string" && /^[[{]/.test(env.result) ? JSON.parse(env.result) : env.result);
    // 2007 token已过期 on bizapi (review F5): JD revoked it early; renew once and repeat the call.
    if (!retriedAuth && String(env.resultCode) === TOKEN_EXPIRED_CODE) {
      // Only the token that failed is dropped: a concurrent call may already have renewed it.
      if (token?.accessToken === t.value) token = { ...token, expiresAt: 0 };
      return call(path, params, signal, true);
    }
    return fail(jdError(env.resultCode, env.resultMessage));
  }

  return { call, tokenParams, get hasToken() { return token !== null; } };
}

export type JdClient = ReturnType<typeof createJdClient>;
export const jdMissingCredentials = () =>
  supplierError("jd", "auth", "JD VOP credentials are incomplete. Add client id, client secret, username and password in Settings.");
