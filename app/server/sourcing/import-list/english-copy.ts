// Chinese supplier data (JD titles and descriptions are Chinese only) needs English copy before it reaches an
// English storefront. Nothing translates offline, so the merchant writes it; a translator can be plugged in.
import type { ImportItemView } from "./import-item-model";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();

export type EnglishGap = "title" | "description";

/** What still lacks English: empty, or still the Chinese original. Only products with Chinese source data are checked. */
export function englishGaps(item: Pick<ImportItemView, "title" | "descriptionHtml" | "snapshot">): EnglishGap[] {
  const { titleZh, descriptionZh } = item.snapshot;
  const gaps: EnglishGap[] = [];
  if (titleZh && CJK.test(titleZh) && (!item.title.trim() || CJK.test(item.title))) gaps.push("title");
  const description = text(item.descriptionHtml);
  if (descriptionZh && CJK.test(descriptionZh) && (!description || CJK.test(description))) gaps.push("description");
  return gaps;
}

export function englishGapMessage(gaps: readonly EnglishGap[]): string | null {
  if (gaps.length === 0) return null;
  return `Write the English ${gaps.join(" and ")}: the supplier's copy is Chinese only.`;
}

/** A pluggable zh → en translator (a provider's API, a human service). Silkroute ships none by default. */
export interface Translator {
  readonly name: string;
  translate(input: { title: string; description: string }): Promise<{ title: string; description: string }>;
}

let translator: Translator | null = null;

/** Registers the shop-wide translator (e.g. at server start); null removes it. */
export function setTranslator(t: Translator | null): void {
  translator = t;
}

export function currentTranslator(): Translator | null {
  return translator;
}

/** A suggestion for the merchant to review, or null when no translator is configured. Never written without review. */
export async function suggestEnglish(item: Pick<ImportItemView, "snapshot">): Promise<{ title: string; description: string; by: string } | null> {
  if (!translator || !item.snapshot.titleZh) return null;
  const out = await translator.translate({ title: item.snapshot.titleZh, description: item.snapshot.descriptionZh ?? "" });
  return { ...out, by: translator.name };
}
