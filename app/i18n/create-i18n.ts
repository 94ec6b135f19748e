import { createInstance, type i18n as I18n } from "i18next";
import { IcuFormat } from "./icu-format";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { NAMESPACES, resources } from "./resources";

/**
 * One i18next instance for one locale, initialised synchronously from the bundled catalogs, so the server render and
 * the browser's hydration produce the same text without a loading step. Messages are ICU MessageFormat
 * (`{count, plural, other {# orders}}`, `{name}`), formatted by intl-messageformat (icu-format.ts).
 */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.use(IcuFormat).use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: Object.keys(resources),
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources,
    initImmediate: false,
    returnNull: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });
  return instance;
}
