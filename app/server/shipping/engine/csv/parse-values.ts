/** Field-level parsing with line-numbered errors; each helper returns null after recording an error. */
import { ITEM_FLAGS, type ItemFlag, type RestrictionAction } from "../card-types";
import { amountDecimals, isPlainDecimal, parseAmountText, parseRateText } from "./decimal-text";

export interface CsvError {
  readonly line: number | null;
  readonly message: string;
}

export class FieldReader {
  readonly errors: CsvError[] = [];

  fail(line: number | null, message: string): null {
    this.errors.push({ line, message });
    return null;
  }

  int(line: number, text: string, what: string): number | null {
    if (!/^\d+$/.test(text)) return this.fail(line, `${what} "${text}" is not a whole number ≥ 0`);
    return Number(text);
  }

  number(line: number, text: string, what: string): number | null {
    if (!isPlainDecimal(text)) return this.fail(line, `${what} "${text}" is not a number ≥ 0`);
    return Number(text);
  }

  amount(line: number, text: string, exponent: number, what: string): number | null {
    const minor = parseAmountText(text, exponent);
    if (minor === null) return this.fail(line, `${what} "${text}" is not an amount with at most ${amountDecimals(exponent)} decimals`);
    return minor;
  }

  rate(line: number, text: string, exponent: number, what: string): number | null {
    const value = parseRateText(text, exponent);
    if (value === null) return this.fail(line, `${what} "${text}" is not a number ≥ 0`);
    return value;
  }

  countries(line: number, text: string): string[] | null {
    const list = text.split(/[\s|;]+/).filter(Boolean).map((c) => c.toUpperCase());
    const bad = list.find((c) => c !== "*" && !/^[A-Z]{2}$/.test(c));
    if (list.length === 0) return this.fail(line, "country list is empty");
    if (bad) return this.fail(line, `"${bad}" is not an ISO-2 country code`);
    return list;
  }

  flag(line: number, text: string): ItemFlag | null {
    const flag = ITEM_FLAGS.find((f) => f === text.toLowerCase());
    return flag ?? this.fail(line, `unknown restriction flag "${text}" (use ${ITEM_FLAGS.join(", ")})`);
  }

  action(line: number, text: string): RestrictionAction | null {
    const value = text.toLowerCase();
    if (value === "forbid" || value === "separate" || value === "surcharge") return value;
    return this.fail(line, `unknown restriction action "${text}" (use forbid, separate or surcharge)`);
  }
}

export function describeCsvError(error: CsvError): string {
  return error.line === null ? `card: ${error.message}` : `line ${error.line}: ${error.message}`;
}
