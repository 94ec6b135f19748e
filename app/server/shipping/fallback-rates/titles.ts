/** The fallback rate titles a merchant types: one per line or comma-separated, as their Shopify rates are named. */
export const MAX_FALLBACK_TITLES = 20;
export const MAX_TITLE_LENGTH = 255;

export type TitlesResult = { ok: true; titles: string[] } | { ok: false; error: string };

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
  if (titles.length === 0) return { ok: false, error: "Enter the name of at least one of your fallback shipping rates" };
  if (titles.length > MAX_FALLBACK_TITLES) return { ok: false, error: `Enter at most ${MAX_FALLBACK_TITLES} rate names (you entered ${titles.length})` };
  const long = titles.find((t) => t.length > MAX_TITLE_LENGTH);
  if (long) return { ok: false, error: `"${long.slice(0, 40)}…" is longer than ${MAX_TITLE_LENGTH} characters` };
  return { ok: true, titles };
}
