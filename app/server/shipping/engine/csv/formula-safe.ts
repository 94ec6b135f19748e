/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula. A card's CSV is the merchant's upload as stored, so its download prefixes such cells with
 * an apostrophe, which spreadsheets show as text; the tokenizer drops that apostrophe again, so a downloaded card
 * re-uploads unchanged.
 */
import { csvField } from "./csv-lines";

const FORMULA_START = /^[=+\-@\t\r]/;
export const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/** Splits one physical line into fields as the tokenizer reads them (quotes with "" escapes). */
function fieldsOf(source: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let j = 0; j < source.length; j++) {
    const ch = source[j]!;
    if (quoted) {
      if (ch === '"' && source[j + 1] === '"') (field += '"'), j++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") (field = ""), (quoted = true);
    else if (ch === ",") fields.push(field), (field = "");
    else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** The CSV with every formula-looking cell neutralised; lines without one are kept byte for byte. */
export function formulaSafeCsv(text: string): string {
  return text.split(/(\r\n|\n|\r)/).map((part) => {
    if (/^(\r\n|\n|\r)$/.test(part)) return part;
    const fields = fieldsOf(part);
    if (!fields || !fields.some((f) => FORMULA_START.test(f.trimStart()))) return part;
    return fields.map((f) => (FORMULA_START.test(f.trimStart()) ? csvField(`'${f.trimStart()}`) : csvField(f.trim()))).join(",");
  }).join("");
}
