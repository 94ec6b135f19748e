/**
 * A message a service hands to a page instead of an English sentence: a catalog key (`namespace:path`) and its ICU
 * values. The page translates it in the merchant's language (docs/adr/1900-i18n.md).
 */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

export const message = (key: string, values?: Record<string, string | number>): Message => (values ? { key, values } : { key });
