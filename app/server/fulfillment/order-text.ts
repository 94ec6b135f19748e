import type { Message } from "../../i18n/message";

/**
 * Sentences about a supplier order (its reason, fix hint and timeline events) are stored as catalog messages, JSON
 * `{key, values}` (or a list of them for sentences that follow each other), so the order page shows them in the
 * merchant's language (docs/adr/1900-i18n.md). Rows stored before that hold an English sentence, shown as written.
 * The stored string is deterministic, so the timeline's "recorded once" checks can still compare it.
 */
export function storedText(key: string, values?: Record<string, string | number>): string {
  return JSON.stringify(values ? { key, values } : { key });
}

/** Several sentences in a row, each its own catalog message (never fragments of one). */
export function storedTexts(...messages: Array<Message | null | undefined>): string {
  const present = messages.filter((m): m is Message => !!m);
  return present.length === 1 ? JSON.stringify(present[0]) : JSON.stringify(present);
}

/** The message a stored reason/event encodes, `{key, values}` as written by storedText. */
export const textMessage = (key: string, values?: Record<string, string | number>): Message => (values ? { key, values } : { key });

const isMessage = (m: unknown): m is Message => !!m && typeof (m as Message).key === "string";

/** What a stored sentence says, as messages to translate; an older free-text row is shown as written. */
export function orderText(stored: string | null | undefined): Message[] {
  if (!stored) return [];
  if (stored.startsWith("{") || stored.startsWith("[")) {
    try {
      const parsed = JSON.parse(stored) as unknown;
      const list = Array.isArray(parsed) ? parsed : [parsed];
      if (list.length && list.every(isMessage)) return list.map((m) => textMessage(m.key, m.values));
    } catch {
      // not one of ours: fall through and show it as written
    }
  }
  return [{ key: "order:asWritten", values: { text: stored } }];
}
