import type { i18n as I18n, I18nFormatModule } from "i18next";
import { IntlMessageFormat } from "intl-messageformat";

/**
 * i18next's message-format hook backed by intl-messageformat, so catalogs are ICU MessageFormat
 * (`{count, plural, one {# order} other {# orders}}`, `{name}`, `{kind, select, …}`). i18next-icu does the same but its
 * ESM build default-imports intl-messageformat's CommonJS entry, which is not a constructor under Node's ESM loader.
 * Compiled messages are cached per locale and text; the cache is bounded by the catalogs' size.
 */
export class IcuFormat implements I18nFormatModule {
  static type = "i18nFormat" as const;
  type = "i18nFormat" as const;
  private cache = new Map<string, IntlMessageFormat>();

  init(_i18next: I18n): void {}

  parse(res: string, options: Record<string, unknown>, lng: string, _ns: string, key: string): string {
    if (typeof res !== "string") return res;
    const cacheKey = `${lng}\u0000${res}`;
    let message = this.cache.get(cacheKey);
    try {
      if (!message) {
        message = new IntlMessageFormat(res, lng, undefined, { ignoreTag: true });
        this.cache.set(cacheKey, message);
      }
      return String(message.format(options));
    } catch (error) {
      // A missing value or a malformed message must not blank the page: show the key, log nothing personal.
      console.warn(`i18n: cannot format ${lng} message ${key}: ${(error as Error).message}`);
      return key;
    }
  }

  addLookupKeys(finalKeys: string[]): string[] {
    return finalKeys; // plural and select live inside the message, not in suffixed keys
  }
}
