import type { Emulator } from "../emulator";

/** Shopify admin's `host` parameter: base64url of "<shop>/admin" (App Bridge and the libraries decode it). */
export function hostParam(shop: string): string {
  return Buffer.from(`${shop}/admin`).toString("base64url");
}

/** The handle the admin URL uses for a shop: admin.shopify.com/store/<handle>. */
export const shopHandle = (shop: string) => shop.replace(/\.myshopify\.com$/, "");
export const shopFromHandle = (handle: string) => (handle.includes(".") ? handle : `${handle}.myshopify.com`);

/**
 * The URL Shopify admin loads in the app iframe: the app path with shop, host, embedded=1 and a fresh
 * session token (id_token), exactly the parameters shopify-app-remix authenticates.
 */
export function embeddedAppUrl(emulator: Emulator, appUrl: string, shop: string, path = "/", extra: URLSearchParams = new URLSearchParams()): string {
  const url = new URL(path, appUrl);
  for (const [k, v] of extra) url.searchParams.set(k, v);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("host", hostParam(shop));
  url.searchParams.set("id_token", emulator.controls.sessionToken(shop));
  url.searchParams.set("locale", "en");
  url.searchParams.set("shop", shop);
  return url.toString();
}
