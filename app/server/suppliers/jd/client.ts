import { fail, ok, supplierError, type SupplierResult } from "../supplier-result";
import type { Clock } from "../resilience/clock";
import { jdError, jdHttpError, jdNetworkError, TOKEN_EXPIRED_CODES } from "./errors";
import { formatJdTimestamp, md5Hex, signVopTokenRequest } from "./signing";

export interface JdCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export interface JdClientOptions {
  credentials: JdCredentials;
  baseUrl?: string;
  clock: Clock;
  fetch?: typeof fetch;
  scope?: string;
}

interface VopEnvelope { success?: boolean; resultCode?: string | number; resultMessage?: string; result?: unknown }
interface TokenState { accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number }

// Refresh a little early so a call never leaves with a token that dies in flight.
const REFRESH_MARGIN_MS = 10 * 60_000;

/** The only file that talks HTTP to JD VOP (bizapi): token lifecycle plus form-encoded business calls. */
export function createJdClient(options: JdClientOptions) {
  const base = (options.baseUrl ?? "https://bizapi.jd.com").replace(/\/$/, "");
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

  /** Builds the exact token request (exported for contract tests). */
  function tokenParams(): Record<string, string> {
    const timestamp = formatJdTimestamp(clock.now());
    const passwordMd5 = md5Hex(c.password);
    const grantType = "access_token";
    const scope = options.scope ?? "";
    const sign = signVopTokenRequest({ clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, passwordMd5, grantType, scope, timestamp });
    return { grant_type: grantType, client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: passwordMd5, timestamp, scope, sign };
  }

  async function fetchToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    const now = clock.now();
    const canRefresh = token && token.refreshExpiresAt > now;
    const path = canRefresh ? "/oauth2/refreshToken" : "/oauth2/accessToken";
    const params = canRefresh
      ? { refresh_token: token!.refreshToken, client_id: c.clientId, client_secret: c.clientSecret }
      : tokenParams();
    const r = await post(path, params, signal);
    if (!r.ok) return r;
    const env = r.value;
    if (!env.success) {
      if (canRefresh) { token = null; return fetchToken(signal); } // refresh token rejected: log in again
      const error = jdError(env.resultCode, env.resultMessage);
      return fail(error.kind === "unavailable" ? error : { ...error, kind: "auth", retryable: false });
    }
    const t = env.result as { access_token: string; refresh_token: string; expires_in: number; refresh_token_expires?: number };
    token = {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: now + t.expires_in * 1000,
      refreshExpiresAt: t.refresh_token_expires ?? now + 30 * 86_400_000,
    };
    return ok(token.accessToken);
  }

  // Single-flight so a burst of calls at expiry logs in once, not once per call.
  let inflight: Promise<SupplierResult<string>> | null = null;
  async function accessToken(signal: AbortSignal): Promise<SupplierResult<string>> {
    if (token && token.expiresAt - REFRESH_MARGIN_MS > clock.now()) return ok(token.accessToken);
    inflight ??= fetchToken(signal).finally(() => { inflight = null; });
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
    if (!retriedAuth && TOKEN_EXPIRED_CODES.has(String(env.resultCode))) {
      token = null; // JD revoked it early (another login, rotation): get a fresh one once
      return call(path, params, signal, true);
    }
    return fail(jdError(env.resultCode, env.resultMessage));
  }

  return { call, tokenParams, get hasToken() { return token !== null; } };
}

export type JdClient = ReturnType<typeof createJdClient>;
export const jdMissingCredentials = () =>
  supplierError("jd", "auth", "JD VOP credentials are incomplete. Add client id, client secret, username and password in Settings.");
