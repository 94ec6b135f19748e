import { translator } from "../../i18n/translate.server";
import { orderText } from "./order-text";

/**
 * A stored order sentence (order-text.ts) as one string in a locale, for readers without a React tree: the admin
 * block extension, and tests that read what the merchant would see. English unless told.
 */
export function renderOrderText(stored: string | null | undefined, locale: string | null = "en"): string {
  const t = translator(locale);
  const separator = t({ key: "order:sentenceSeparator" });
  return orderText(stored).map(t).join(separator);
}
