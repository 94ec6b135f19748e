import type { i18n as I18n } from "i18next";
import { createI18n } from "./create-i18n";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "./locales";
import type { Message } from "./message";
import { translateMessage } from "./message-values";

const instances = new Map<Locale, I18n>();

/**
 * Server-side translation (text Silkroute writes to Shopify, where no React tree translates it): the same i18next
 * instance factory the pages use, one instance per locale, kept for the process.
 */
export function translator(locale: string | null | undefined): (message: Message) => string {
  const resolved = resolveLocale(locale) ?? DEFAULT_LOCALE;
  let instance = instances.get(resolved);
  if (!instance) instances.set(resolved, (instance = createI18n(resolved)));
  const i18n = instance;
  return (message) => translateMessage(i18n.t, message);
}
