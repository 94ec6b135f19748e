// CJ accounts, tokens and call limits as CJ publishes them.
// Tokens: cj-contract.json "auth" (access 15 days, refresh 180 days; getAccessToken QPS 1 with a 24 h server-side
// cache of the same token; refreshAccessToken 5 per minute) — https://developers.cjdropshipping.com/en/api/api2/api/auth.html
// Limits: cj-contract.json "rate_limits" (QPS by account, read back via setting/get qpsLimit; 50,000 points/day reset
// at 00:00 UTC with per-interface costs; 1,000 calls/day per interface for unverified users; codes 1600200/1600201) —
// https://developers.cjdropshipping.com/en/api/api2/standard/limit.html and .../standard/points.html
import { randomBytes } from "node:crypto";
import { CjApiError } from "./cj-envelope";

const DAY = 86_400_000;
export const ACCESS_TOKEN_MS = 15 * DAY;
export const REFRESH_TOKEN_MS = 180 * DAY;

export interface CjAccountSeed {
  /** "CJUserNum@api@xxxx" as CJ → Authorization → API shows it. */
  apiKey: string;
  openId: number;
  email: string;
  /** Per-second calls allowed; CJ derives it from the account level (1/2/4/6) and reports it in setting/get. */
  qpsLimit: number;
  balanceCents: number;
  /** Unverified users get 1,000 calls per interface per day. */
  verified?: boolean;
  dailyPoints?: number;
}

export interface CjAccount extends Required<CjAccountSeed> {
  callbacks: Record<"product" | "stock" | "order" | "logistics", string[]>;
}

// Points per call (points.html); unlisted endpoints cost 0.
const POINT_COSTS: Record<string, number> = {
  "/product/listV2": 50, "/product/list": 50, "/product/query": 10, "/product/variant/query": 10,
  "/product/variant/queryByVid": 10, "/product/stock/queryByVid": 10, "/product/stock/queryBySku": 10,
  "/product/stock/getInventoryByPid": 10, "/logistic/freightCalculate": 10,
};
const UNVERIFIED_DAILY_CALLS = 1_000;

/** An 8+08:00 timestamp like CJ's examples ("2021-08-18T09:16:33+08:00"). */
export function beijingIso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

interface Token { account: CjAccount; accessToken: string; accessExpiresAt: number; refreshToken: string; refreshExpiresAt: number; createdAt: number }

export function createCjAccounts(seeds: readonly CjAccountSeed[], now: () => number, wallNow: () => number) {
  const accounts = new Map(seeds.map((s) => [s.apiKey, { verified: true, dailyPoints: 50_000, ...s, callbacks: { product: [], stock: [], order: [], logistics: [] } } as CjAccount]));
  const byAccess = new Map<string, Token>();
  const byRefresh = new Map<string, Token>();
  const latest = new Map<CjAccount, Token>();
  const recent = new Map<string, number[]>(); // "<openId>|<bucket>" → wall-clock call times
  const daily = new Map<string, number>(); // "<openId>|<utc day>|<path or *points>" → used

  function throttle(key: string, limit: number, windowMs: number): void {
    const t = wallNow();
    const times = (recent.get(key) ?? []).filter((x) => t - x < windowMs);
    if (times.length >= limit) throw new CjApiError(1600200);
    times.push(t);
    recent.set(key, times);
  }

  function issue(account: CjAccount): Token {
    const at = now();
    const token: Token = { account, accessToken: randomBytes(16).toString("hex"), accessExpiresAt: at + ACCESS_TOKEN_MS,
      refreshToken: randomBytes(16).toString("hex"), refreshExpiresAt: at + REFRESH_TOKEN_MS, createdAt: at };
    byAccess.set(token.accessToken, token);
    byRefresh.set(token.refreshToken, token);
    latest.set(account, token);
    return token;
  }

  const wire = (t: Token, withOpenId: boolean) => ({
    ...(withOpenId ? { openId: t.account.openId } : {}),
    accessToken: t.accessToken, accessTokenExpiryDate: beijingIso(t.accessExpiresAt),
    refreshToken: t.refreshToken, refreshTokenExpiryDate: beijingIso(t.refreshExpiresAt), createDate: beijingIso(t.createdAt),
  });

  return {
    accounts,
    getAccessToken(apiKey: unknown) {
      if (typeof apiKey !== "string" || !apiKey) throw new CjApiError(1600300, "apiKey must be not empty");
      const account = accounts.get(apiKey);
      if (!account) throw new CjApiError(1601000);
      throttle(`${account.openId}|getAccessToken`, 1, 1_000);
      // The newest auth page: the same token comes back for 24 h.
      const cached = latest.get(account);
      const token = cached && now() - cached.createdAt < DAY && cached.accessExpiresAt > now() ? cached : issue(account);
      return wire(token, true);
    },
    refreshAccessToken(refreshToken: unknown) {
      if (typeof refreshToken !== "string" || !refreshToken) throw new CjApiError(1600300, "refreshToken must be not empty");
      const old = byRefresh.get(refreshToken);
      if (!old || old.refreshExpiresAt <= now()) throw new CjApiError(1600003);
      throttle(`${old.account.openId}|refresh`, 5, 60_000);
      byAccess.delete(old.accessToken);
      byRefresh.delete(old.refreshToken);
      return wire(issue(old.account), false);
    },
    logout(accessToken: string) {
      const t = byAccess.get(accessToken);
      if (t) { byAccess.delete(t.accessToken); byRefresh.delete(t.refreshToken); if (latest.get(t.account) === t) latest.delete(t.account); }
      return true;
    },
    /** Resolves the CJ-Access-Token header, then charges the call against the account's QPS and daily budgets. */
    authorize(header: string | undefined, path: string): CjAccount {
      if (!header) throw new CjApiError(1600002);
      const t = byAccess.get(header);
      if (!t || t.accessExpiresAt <= now()) throw new CjApiError(1600001);
      const account = t.account;
      throttle(`${account.openId}|qps`, account.qpsLimit, 1_000);
      const day = Math.floor(now() / DAY);
      const cost = POINT_COSTS[path] ?? 0;
      const pointsKey = `${account.openId}|${day}|*points`;
      if ((daily.get(pointsKey) ?? 0) + cost > account.dailyPoints) throw new CjApiError(1600201);
      if (!account.verified) {
        const callsKey = `${account.openId}|${day}|${path}`;
        if ((daily.get(callsKey) ?? 0) >= UNVERIFIED_DAILY_CALLS) throw new CjApiError(1600201);
        daily.set(callsKey, (daily.get(callsKey) ?? 0) + 1);
      }
      daily.set(pointsKey, (daily.get(pointsKey) ?? 0) + cost);
      return account;
    },
    pointsUsedToday(account: CjAccount) {
      return daily.get(`${account.openId}|${Math.floor(now() / DAY)}|*points`) ?? 0;
    },
    /** Test control: every access token is past its 15 days (what a long-idle connection meets). */
    expireAccessTokens() {
      for (const t of byAccess.values()) t.accessExpiresAt = Math.min(t.accessExpiresAt, now() - 1);
    },
  };
}

export type CjAccounts = ReturnType<typeof createCjAccounts>;
