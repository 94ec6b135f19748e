/** The locales Silkroute ships catalogs for; English is the fallback and the source language. */
export const SUPPORTED_LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * Maps a locale as Shopify admin sends it (`locale=zh-CN`, `en`, `en-GB`, `zh-Hans-CN`…) to a supported one, or
 * null when Silkroute has no catalog for it (traditional Chinese included: it is not the same written language).
 */
export function resolveLocale(raw: string | null | undefined): Locale | null {
  if (!raw) return null;
  const tag = raw.trim().replace(/_/g, "-").toLowerCase();
  if (tag === "en" || tag.startsWith("en-")) return "en";
  if (tag === "zh" || tag === "zh-cn" || tag === "zh-sg" || tag === "zh-hans" || tag.startsWith("zh-hans-")) return "zh-CN";
  return null;
}

/** BCP 47 tag used for Intl formatting: zh-CN formats dates as 2026年12月6日 and money as US$12.50. */
export const intlLocale = (locale: Locale) => locale;
