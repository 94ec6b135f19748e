const CJK_RUN = /[\u3400-\u9fff]+/g;
const LATIN_WORD = /[a-z0-9]+/g;

/** Latin words lower-cased with a naive plural strip, so "cases" finds "case". */
export function latinTokens(text: string): string[] {
  const words = text.toLowerCase().match(LATIN_WORD) ?? [];
  return words.map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

/** Chinese has no spaces: index every character and every adjacent pair (bigram), the classic CJK trick. */
export function cjkTokens(text: string, withUnigrams: boolean): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (withUnigrams || run.length === 1) for (const ch of run) out.push(ch);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Query side: bigrams are enough for runs of two or more characters and keep candidate lists short. */
export function queryTokens(text: string): string[] {
  return [...new Set([...latinTokens(text), ...cjkTokens(text, false)])];
}

export function documentTokens(text: string): string[] {
  return [...latinTokens(text), ...cjkTokens(text, true)];
}
