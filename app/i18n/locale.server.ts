import { IcuFormat } from "./icu-format";
import { RemixI18Next } from "remix-i18next/server";
import db from "../db.server";
import { DEFAULT_LOCALE, resolveLocale, SUPPORTED_LOCALES, type Locale } from "./locales";
import { resources } from "./resources";

/**
 * The merchant's language, as Shopify admin tells the embedded app: the `locale` URL parameter on every document
 * load (https://shopify.dev/docs/apps/build/localize-your-app: "Shopify passes the user's locale … in the locale
 * query parameter"), else the locale stored with the staff member's online session, else English.
 */
export async function findLocale(request: Request): Promise<Locale | null> {
  const url = new URL(request.url);
  const fromUrl = resolveLocale(url.searchParams.get("locale"));
  if (fromUrl) return fromUrl;
  const shop = url.searchParams.get("shop");
  const userId = staffUserId(url.searchParams.get("id_token"));
  if (!shop || userId === null) return null;
  const session = await db.session.findFirst({ where: { shop, isOnline: true, userId, locale: { not: null } }, select: { locale: true } });
  return resolveLocale(session?.locale);
}

/**
 * The staff user id (`sub`) of a session token, read without verifying it: it only picks which stored language
 * preference to use, never grants access (authenticate.admin verifies the token for that).
 */
function staffUserId(idToken: string | null): bigint | null {
  const payload = idToken?.split(".")[1];
  if (!payload) return null;
  try {
    const sub = (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: unknown }).sub;
    return typeof sub === "string" && /^\d+$/.test(sub) ? BigInt(sub) : null;
  } catch {
    return null;
  }
}

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    order: ["custom"],
    findLocale,
  },
  plugins: [IcuFormat],
  i18next: { resources, fallbackLng: DEFAULT_LOCALE, defaultNS: "common", interpolation: { escapeValue: false } },
});

export async function localeFromRequest(request: Request): Promise<Locale> {
  return resolveLocale(await i18nServer.getLocale(request)) ?? DEFAULT_LOCALE;
}
