import { message, type Message } from "../../../i18n/message";

/** The fallback rate titles a merchant types: one per line or comma-separated, as their Shopify rates are named. */
export const MAX_FALLBACK_TITLES = 20;
export const MAX_TITLE_LENGTH = 255;

export type TitlesResult = { ok: true; titles: string[] } | { ok: false; error: Message };

export function parseFallbackTitles(text: string): TitlesResult {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const raw of text.split(/[,\n\r]+/)) {
    const title = raw.trim();
    // The function compares titles case-insensitively, so "Flat" and "flat" are one entry.
    if (!title || seen.has(title.toLowerCase())) continue;
    seen.add(title.toLowerCase());
    titles.push(title);
  }
  if (titles.length === 0) return { ok: false, error: message("messages:fallback.noTitles") };
  if (titles.length > MAX_FALLBACK_TITLES) return { ok: false, error: message("messages:fallback.tooManyTitles", { max: MAX_FALLBACK_TITLES, count: titles.length }) };
  const long = titles.find((t) => t.length > MAX_TITLE_LENGTH);
  if (long) return { ok: false, error: message("messages:fallback.titleTooLong", { title: long.slice(0, 40), max: MAX_TITLE_LENGTH }) };
  return { ok: true, titles };
}
