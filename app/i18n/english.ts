import type { i18n as I18n } from "i18next";
import { createI18n } from "./create-i18n";
import { message, type Message } from "./message";

let english: I18n | null = null;

/**
 * A catalog message rendered in English, for an Error's `message` (logs, tests, callers that do not translate yet).
 * Pages translate the Message itself in the merchant's language; this keeps one English wording, the catalog's.
 */
export function englishText(msg: Message): string {
  english ??= createI18n("en");
  return english.t(msg.key, msg.values ?? {});
}

/**
 * A `messages:` catalog message and its English text. Domain code that reports problems to a page (rate-card
 * validation, say) keeps an English sentence for logs and thrown errors, formatted from the English catalog, so the
 * page's translation and the log line cannot drift apart.
 */
export function englishMessage(key: `messages:${string}`, values?: Record<string, string | number>): { message: string; detail: Message } {
  const detail = message(key, values);
  return { message: englishText(detail), detail };
}
