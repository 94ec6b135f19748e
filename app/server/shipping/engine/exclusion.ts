/**
 * An exclusion (a service that cannot quote this cart, and why) as the engine builds it. Its reason is a catalog
 * message; the English `detail` is rendered from the catalog only when something reads it (a log line, the
 * simulator, a test). Checkout excludes some service on most carts and reads none of these sentences, and rendering
 * one through i18next cost the callback more than pricing a parcel (ADR 0720, "Third round").
 */
import { englishText } from "../../../i18n/english";
import { message } from "../../../i18n/message";
import type { Exclusion } from "./quote-types";

export function exclusion(
  serviceCode: string | null, reason: Exclusion["reason"], key: `messages:${string}`,
  values?: Record<string, string | number>, sku?: string | null,
): Exclusion {
  const text = message(key, values);
  let english: string | undefined;
  const built: { -readonly [K in keyof Exclusion]: Exclusion[K] } = {
    serviceCode, reason,
    get detail() {
      return (english ??= englishText(text));
    },
    text,
  };
  if (sku !== undefined) built.sku = sku;
  return built;
}
