import { formatMoney, type Money } from "../server/money";
import type { Locale } from "./locales";

/**
 * Locale-aware formatting with Intl, in the merchant's locale and the shop's IANA time zone (dates are wall-clock
 * in the shop, as Shopify admin shows them). Pure: the same functions run on the server and in the browser.
 */
export interface Formatter {
  locale: Locale;
  timeZone: string;
  money(value: Money): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number, maximumFractionDigits?: number): string;
  date(value: Date | string | number): string;
  /** A calendar date without a time ("2026-11-20", an ECB rate's day): the same day in every time zone. */
  calendarDate(isoDate: string): string;
  dateTime(value: Date | string | number): string;
  /** Server-only or client-only: Intl's range spacing differs between ICU versions, so never in hydrated text. */
  dateRange(from: Date | string | number, to: Date | string | number): string;
  /** "3 days ago", "in 2 hours": the largest whole unit between `value` and `now`. */
  relative(value: Date | string | number, now?: Date): string;
  list(items: string[]): string;
  /** A country by its ISO code, in the merchant's language ("US" → "美国"); the code itself when Intl has no name. */
  country(code: string): string;
}

const toDate = (v: Date | string | number) => (v instanceof Date ? v : new Date(v));

export function createFormatter(locale: Locale, timeZone = "UTC"): Formatter {
  const safeZone = validTimeZone(timeZone) ? timeZone : "UTC";
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: safeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: safeZone });
  const calendarFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const rangeFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: safeZone });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const regionNames = new Intl.DisplayNames(locale, { type: "region" });
  return {
    locale,
    timeZone: safeZone,
    money: (value) => formatMoney(value, locale),
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    percent: (fraction, maximumFractionDigits = 1) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits }).format(fraction),
    date: (value) => dateFormat.format(toDate(value)),
    calendarDate: (isoDate) => calendarFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    dateTime: (value) => dateTimeFormat.format(toDate(value)),
    dateRange: (from, to) => rangeFormat.formatRange(toDate(from), toDate(to)),
    relative: (value, now = new Date()) => {
      const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
      for (const [unit, size] of RELATIVE_UNITS) {
        if (Math.abs(seconds) >= size || unit === "second") return relativeFormat.format(Math.trunc(seconds / size), unit);
      }
      return relativeFormat.format(0, "second");
    },
    list: (items) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items),
    country: (code) => {
      try {
        return regionNames.of(code.toUpperCase()) ?? code;
      } catch {
        return code; // not a region code Intl knows
      }
    },
  };
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]];

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
