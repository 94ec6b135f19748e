import { message, type Message } from "./message";

/**
 * A status message a service stores in a text column (checkout reach, carrier service) is a catalog message as JSON,
 * so the page shows it in the merchant's language (docs/adr/1900-i18n.md). Rows stored earlier hold an English
 * sentence, and Shopify's own refusals are partner text: both are shown as written (`messages:asWritten`).
 */
export function storedMessage(key: `messages:${string}`, values?: Record<string, string | number>): string {
  return JSON.stringify(message(key, values));
}

export function messageFromStored(stored: string): Message {
  if (stored.startsWith("{")) {
    try {
      const parsed = JSON.parse(stored) as Partial<Message>;
      if (typeof parsed.key === "string") return message(parsed.key, parsed.values);
    } catch {
      // not one of ours: shown as written
    }
  }
  return message("messages:asWritten", { text: stored });
}
