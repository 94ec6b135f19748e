// OAuth2 on the bizapi gateway (jd-contract.json → auth): /oauth2/accessToken with the published MD5 sign,
// /oauth2/refreshToken, and the form field `token` on every business call.
import { randomBytes } from "node:crypto";
import { md5Hex, signVopTokenRequest } from "../signing";
import { parseBeijingTime, requireField, VopError, paramValue } from "./vop-envelope";

export interface VopAccount {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

const ACCESS_TTL_S = 86_400; // expires_in "seconds (24 h)"
const REFRESH_TTL_MS = 30 * 86_400_000; // refresh_token_expires is an epoch; its span is not published
const TIMESTAMP_WINDOW_MS = 30 * 60_000; // "must be within 30 minutes of JD server time"
const MAX_TOKENS = 1_000; // bounded: old tokens are forgotten first

interface Issued { accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number }

// Codes for a token failure: 2007 token已过期 is published (2023 starter TOKEN_EXPIRE_CODE, JDErrorCode.cs);
// 2011 refresh_token过期 / 2012 refresh_token不存在 too. What bizapi answers for a wrong sign or password is
// NOT published: the emulator uses 1003 参数值不正确 with a telling message (ADR 0300 lists it as unconfirmed).
export function createVopAuth(account: VopAccount, now: () => number) {
  const byAccess = new Map<string, Issued>();
  const byRefresh = new Map<string, Issued>();

  function issue(): Record<string, unknown> {
    const at = now();
    const t: Issued = {
      accessToken: randomBytes(16).toString("hex"),
      refreshToken: randomBytes(16).toString("hex"),
      expiresAt: at + ACCESS_TTL_S * 1000,
      refreshExpiresAt: at + REFRESH_TTL_MS,
    };
    if (byAccess.size >= MAX_TOKENS) {
      const oldest = byAccess.values().next().value!;
      byAccess.delete(oldest.accessToken);
      byRefresh.delete(oldest.refreshToken);
    }
    byAccess.set(t.accessToken, t);
    byRefresh.set(t.refreshToken, t);
    // response_result_fields: uid, access_token, expires_in, refresh_token, refresh_token_expires, time
    return { uid: "5830021", access_token: t.accessToken, expires_in: ACCESS_TTL_S, refresh_token: t.refreshToken, refresh_token_expires: t.refreshExpiresAt, time: at };
  }

  return {
    accessToken(params: URLSearchParams) {
      for (const f of ["grant_type", "client_id", "timestamp", "username", "password", "sign"]) requireField(params, f);
      if (params.get("grant_type") !== "access_token") throw paramValue("grant_type", "只能为access_token");
      const timestamp = params.get("timestamp")!;
      const at = parseBeijingTime(timestamp);
      if (at === null || Math.abs(at - now()) > TIMESTAMP_WINDOW_MS) throw paramValue("timestamp", "与服务器时间相差超过30分钟");
      if (params.get("client_id") !== account.clientId) throw paramValue("client_id");
      const expected = signVopTokenRequest({
        clientId: account.clientId, clientSecret: account.clientSecret, username: params.get("username")!,
        passwordMd5: params.get("password")!, grantType: "access_token", scope: params.get("scope") ?? "", timestamp,
      });
      if (params.get("sign") !== expected) throw paramValue("sign", "签名错误");
      if (params.get("username") !== account.username || params.get("password") !== md5Hex(account.password)) {
        throw paramValue("username/password", "用户名或密码错误");
      }
      return issue();
    },
    refreshToken(params: URLSearchParams) {
      for (const f of ["refresh_token", "client_id", "client_secret"]) requireField(params, f);
      if (params.get("client_id") !== account.clientId || params.get("client_secret") !== account.clientSecret) throw paramValue("client_id/client_secret");
      const t = byRefresh.get(params.get("refresh_token")!);
      if (!t) throw new VopError("2012", "refresh_token不存在");
      if (t.refreshExpiresAt <= now()) throw new VopError("2011", "refresh_token过期");
      byRefresh.delete(t.refreshToken);
      byAccess.delete(t.accessToken);
      return issue();
    },
    /** Business calls: a missing field is 1001; an unknown or expired token is 2007 (unknown → 2007 is our choice). */
    check(params: URLSearchParams): void {
      const token = requireField(params, "token");
      const t = byAccess.get(token);
      if (!t || t.expiresAt <= now()) throw new VopError("2007", "token已过期");
    },
    /** Test control: JD revoked every access token early (another login, rotation). */
    expireAll(): void {
      for (const t of byAccess.values()) t.expiresAt = 0;
    },
  };
}
