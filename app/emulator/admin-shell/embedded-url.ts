import type { Emulator } from "../emulator";

/** Shopify admin's `host` parameter: base64url of "<shop>/admin" (App Bridge and the libraries decode it). */
export function hostParam(shop: string): string {
  return Buffer.from(`${shop}/admin`).toString("base64url");
}

/** The handle the admin URL uses for a shop: admin.shopify.com/store/<handle>. */
export const shopHandle = (shop: string) => shop.replace(/\.myshopify\.com$/, "");
export const shopFromHandle = (handle: string) => (handle.includes(".") ? handle : `${handle}.myshopify.com`);

/** Admin languages the local admin offers; Shopify admin offers many more, the app ships en and zh-CN. */
export const ADMIN_LOCALES = [["en", "English"], ["zh-CN", "简体中文"]] as const;
export const ADMIN_LOCALE_COOKIE = "admin_locale";

/** The staff member's admin language: `?locale=` on the admin URL, else the one last chosen (cookie), else en. */
export function adminLocale(searchParams: URLSearchParams, cookieHeader: string | undefined): string {
  const known = (value: string | null | undefined) => ADMIN_LOCALES.find(([code]) => code.toLowerCase() === value?.toLowerCase())?.[0];
  const cookie = /(?:^|;\s*)admin_locale=([^;]+)/.exec(cookieHeader ?? "")?.[1];
  return known(searchParams.get("locale")) ?? known(cookie ? decodeURIComponent(cookie) : undefined) ?? "en";
}

/**
 * The URL Shopify admin loads in the app iframe: the app path with shop, host, embedded=1, a fresh session token
 * (id_token) and the staff member's admin language as `locale`, exactly the parameters shopify-app-remix
 * authenticates and https://shopify.dev/docs/apps/build/localize-your-app describes.
 */
export function embeddedAppUrl(emulator: Emulator, appUrl: string, shop: string, path = "/", extra: URLSearchParams = new URLSearchParams(), locale = "en"): string {
  const url = new URL(path, appUrl);
  for (const [k, v] of extra) url.searchParams.set(k, v);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("host", hostParam(shop));
  url.searchParams.set("id_token", emulator.controls.sessionToken(shop));
  url.searchParams.set("locale", locale);
  url.searchParams.set("shop", shop);
  return url.toString();
}
