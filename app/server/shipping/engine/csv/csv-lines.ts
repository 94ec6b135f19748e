/** A small RFC 4180-style tokenizer: one record per physical line, quotes with "" escapes, # comments. */

export interface CsvLine {
  readonly line: number; // 1-based
  readonly fields: readonly string[];
}

export type TokenizeResult = { ok: true; lines: CsvLine[] } | { ok: false; line: number; message: string };

/** The apostrophe a download puts before a formula-looking cell (formula-safe.ts) is not part of the value. */
const unneutralised = (field: string) => (/^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field);

export function tokenizeCsv(text: string): TokenizeResult {
  const lines: CsvLine[] = [];
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!;
    if (source.trim() === "" || source.trimStart().startsWith("#")) continue;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let j = 0; j < source.length; j++) {
      const ch = source[j]!;
      if (quoted) {
        if (ch === '"' && source[j + 1] === '"') {
          field += '"';
          j++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"' && field.trim() === "") {
        field = "";
        quoted = true;
      } else if (ch === ",") {
        fields.push(unneutralised(field.trim()));
        field = "";
      } else field += ch;
    }
    if (quoted) return { ok: false, line: i + 1, message: "unterminated quoted field" };
    fields.push(unneutralised(field.trim()));
    lines.push({ line: i + 1, fields });
  }
  return { ok: true, lines };
}

export function csvField(value: string): string {
  return /[",\n\r#]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
