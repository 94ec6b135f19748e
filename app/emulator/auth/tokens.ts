import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";

export const ACCESS_TOKEN_TTL_S = 3600;
export const ONLINE_TOKEN_TTL_S = 86399;
/** Shopify doesn't publish it; third parties report ~90 days. */
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3600;

export interface AccessToken { token: string; shop: string; online: boolean; scope: string; expiresAt: number | null; userId?: string }
interface RefreshToken { token: string; shop: string; scope: string; expiresAt: number; used: boolean; revoked: boolean; predecessor?: RefreshToken }

const hex = (n: number) => randomBytes(n).toString("hex");

/** Issues and checks Admin API tokens, including expiring offline tokens with rotating refresh tokens. */
export class TokenStore {
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();

  constructor(private readonly clock: Clock) {}

  issue(opts: { shop: string; online: boolean; scope: string; expiring: boolean; userId?: string }): { access: AccessToken; refresh?: RefreshToken } {
    const now = this.clock.now();
    const access: AccessToken = {
      token: `${opts.online ? "shpua" : "shpat"}_${hex(16)}`,
      shop: opts.shop,
      online: opts.online,
      scope: opts.scope,
      userId: opts.userId,
      expiresAt: opts.online ? now + ONLINE_TOKEN_TTL_S * 1000 : opts.expiring ? now + ACCESS_TOKEN_TTL_S * 1000 : null,
    };
    this.access.set(access.token, access);
    if (opts.online || !opts.expiring) return { access };
    const refresh: RefreshToken = { token: `shprt_${hex(16)}`, shop: opts.shop, scope: opts.scope, expiresAt: now + REFRESH_TOKEN_TTL_S * 1000, used: false, revoked: false };
    this.refresh.set(refresh.token, refresh);
    return { access, refresh };
  }

  check(token: string | undefined | null, shop: string): AccessToken | null {
    const found = token ? this.access.get(token) : undefined;
    if (!found || found.shop !== shop) return null;
    if (found.expiresAt !== null && found.expiresAt <= this.clock.now()) return null;
    return found;
  }

  /**
   * Since 2026-08-28 the previous refresh token keeps working until its successor is used, so a crash between
   * refreshing and persisting doesn't lock the app out.
   */
  rotate(token: string, shop: string): { access: AccessToken; refresh: RefreshToken } | null {
    const found = this.refresh.get(token);
    if (!found || found.shop !== shop || found.revoked || found.expiresAt <= this.clock.now()) return null;
    if (found.used && this.successorUsed(found)) return null;
    found.used = true;
    if (found.predecessor) found.predecessor.revoked = true;
    const issued = this.issue({ shop, online: false, scope: found.scope, expiring: true });
    issued.refresh!.predecessor = found;
    return { access: issued.access, refresh: issued.refresh! };
  }

  private successorUsed(token: RefreshToken): boolean {
    for (const r of this.refresh.values()) if (r.predecessor === token && r.used) return true;
    return false;
  }

  revokeShop(shop: string): void {
    for (const [k, v] of this.access) if (v.shop === shop) this.access.delete(k);
    for (const [k, v] of this.refresh) if (v.shop === shop) this.refresh.delete(k);
  }
}
