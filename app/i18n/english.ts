import { IntlMessageFormat } from "intl-messageformat";
import enMessages from "../locales/en/messages.json";
import { message, type Message } from "./message";

type Catalog = { [key: string]: string | Catalog };

/**
 * A `messages:` catalog message and its English text. Domain code that reports problems to a page (rate-card
 * validation, say) keeps an English sentence for logs and thrown errors; it is formatted from the English catalog,
 * so the page's translation and the log line cannot drift apart.
 */
export function englishMessage(key: `messages:${string}`, values?: Record<string, string | number>): { message: string; detail: Message } {
  const detail = message(key, values);
  const text = key.slice("messages:".length).split(".").reduce<string | Catalog | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), enMessages as Catalog);
  if (typeof text !== "string") return { message: key, detail };
  return { message: String(new IntlMessageFormat(text, "en", undefined, { ignoreTag: true }).format(values)), detail };
}
