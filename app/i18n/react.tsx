import { createContext, useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createI18n } from "./create-i18n";
import { createFormatter, type Formatter } from "./format";
import type { Locale } from "./locales";
import type { Namespace } from "./resources";

const FormatterContext = createContext<Formatter>(createFormatter("en"));

/** Wraps the embedded app: one i18next instance and one formatter per locale and shop time zone. */
export function I18nProvider({ locale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const formatter = useMemo(() => createFormatter(locale, timeZone), [locale, timeZone]);
  return (
    <I18nextProvider i18n={i18n}>
      <FormatterContext.Provider value={formatter}>{children}</FormatterContext.Provider>
    </I18nextProvider>
  );
}

/** Money, numbers and dates in the merchant's locale and the shop's time zone. */
export const useFormat = () => useContext(FormatterContext);

/** `t` for one page namespace (common stays reachable as `common:key`). */
export function useT(ns: Namespace) {
  return useTranslation([ns, "common"]).t;
}
