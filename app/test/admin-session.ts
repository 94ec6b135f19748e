import db from "../db.server";
import { APP_SCOPES } from "../server/config";
import { embeddedUrl, sessionToken } from "./session-token";
import { uniqueShop } from "./webhooks";

/** Seeds the offline session a shop has after install, so admin routes authenticate without a token exchange. */
export async function seedInstalledShop(shop: string, accessToken = `shpat_${shop.split(".")[0]}`): Promise<void> {
  await db.shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: { uninstalledAt: null } });
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: {
      id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken,
      scope: APP_SCOPES.join(","), expires: new Date(Date.now() + 3_600_000),
      refreshToken: "shprt_seed", refreshTokenExpires: new Date(Date.now() + 86_400_000),
    },
    update: { accessToken, expires: new Date(Date.now() + 3_600_000) },
  });
}

/**
 * A request to an embedded admin route as App Bridge makes it: a document load carries id_token in the URL;
 * a fetch or form post carries the session token as a Bearer header.
 */
export function adminRequest(shop: string, path: string, init: RequestInit & { form?: Record<string, string> } = {}): Request {
  const token = sessionToken({ shop });
  const { form, ...rest } = init;
  const method = rest.method ?? (form ? "POST" : "GET");
  if (method === "GET" && !rest.headers) return new Request(embeddedUrl(path, shop, token));
  const headers = new Headers(rest.headers);
  headers.set("Authorization", `Bearer ${token}`);
  const body = form ? new URLSearchParams(form) : rest.body;
  return new Request(embeddedUrl(path, shop), { ...rest, method, headers, body });
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** Installed shops for one test file, remembered so the file can delete what it created. */
export function installedShops() {
  const shops: string[] = [];
  return {
    shops,
    async newShop(label: string): Promise<string> {
      const shop = uniqueShop(label);
      shops.push(shop);
      await seedInstalledShop(shop);
      return shop;
    },
  };
}
