/** Field-level parsing with line-numbered errors; each helper returns null after recording an error. */
import { ITEM_FLAGS, type ItemFlag, type RestrictionAction } from "../card-types";
import { amountDecimals, isPlainDecimal, parseAmountText, parseRateText } from "./decimal-text";
import { englishMessage } from "../../../../i18n/english";
import type { Message } from "../../../../i18n/message";

/** `message`: English, for logs and tests; `detail`: the same as a catalog message, for the page. */
export interface CsvError {
  readonly line: number | null;
  readonly message: string;
  readonly detail: Message;
}

/** Field names the catalog's `messages:csv.*` select messages name; a card setting is named by its CSV key. */
export type FieldName = "minDays" | "maxDays" | "fromGrams" | "toGrams" | "itemFee" | "perKgRate" | "basePrice" | "stepGrams" | "pricePerStep"
  | "firstGrams" | "firstPrice" | "additionalGrams" | "additionalPrice" | "remotePerKgRate" | "remoteMinimum" | "restrictionSurcharge" | (string & {});

export class FieldReader {
  readonly errors: CsvError[] = [];

  fail(line: number | null, key: `messages:${string}`, values?: Record<string, string | number>): null {
    this.errors.push({ line, ...englishMessage(key, values) });
    return null;
  }

  /** A problem found after parsing (card validation), already in both forms. */
  report(line: number | null, problem: { message: string; detail: Message }): void {
    this.errors.push({ line, message: problem.message, detail: problem.detail });
  }

  int(line: number, text: string, what: FieldName): number | null {
    if (!/^\d+$/.test(text)) return this.fail(line, "messages:csv.notWholeNumber", { field: what, value: text });
    return Number(text);
  }

  number(line: number, text: string, what: FieldName): number | null {
    if (!isPlainDecimal(text)) return this.fail(line, "messages:csv.notNumber", { field: what, value: text });
    return Number(text);
  }

  amount(line: number, text: string, exponent: number, what: FieldName): number | null {
    const minor = parseAmountText(text, exponent);
    if (minor === null) return this.fail(line, "messages:csv.notAmount", { field: what, value: text, decimals: amountDecimals(exponent) });
    return minor;
  }

  rate(line: number, text: string, exponent: number, what: FieldName): number | null {
    const value = parseRateText(text, exponent);
    if (value === null) return this.fail(line, "messages:csv.notNumber", { field: what, value: text });
    return value;
  }

  countries(line: number, text: string): string[] | null {
    const list = text.split(/[\s|;]+/).filter(Boolean).map((c) => c.toUpperCase());
    const bad = list.find((c) => c !== "*" && !/^[A-Z]{2}$/.test(c));
    if (list.length === 0) return this.fail(line, "messages:csv.emptyCountries");
    if (bad) return this.fail(line, "messages:csv.notCountry", { code: bad });
    return list;
  }

  flag(line: number, text: string): ItemFlag | null {
    const flag = ITEM_FLAGS.find((f) => f === text.toLowerCase());
    return flag ?? this.fail(line, "messages:csv.unknownFlag", { value: text, allowed: ITEM_FLAGS.join(", ") });
  }

  action(line: number, text: string): RestrictionAction | null {
    const value = text.toLowerCase();
    if (value === "forbid" || value === "separate" || value === "surcharge") return value;
    return this.fail(line, "messages:csv.unknownAction", { value: text });
  }
}

/** English, for logs and tests; pages show `detail` under `messages:rateCard.lineError` / `cardError`. */
export function describeCsvError(error: CsvError): string {
  return error.line === null ? `card: ${error.message}` : `line ${error.line}: ${error.message}`;
}
