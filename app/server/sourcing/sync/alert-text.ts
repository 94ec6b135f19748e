import type { Message } from "../../../i18n/message";

/**
 * A sync alert's text is stored as a catalog message (key + values, JSON), so the home and sync pages show it in the
 * merchant's language (docs/adr/1900-i18n.md). Alerts stored before that hold an English sentence, shown as it is.
 * The stored string is also what `recordAlerts` compares to tell a changed alert from the same one seen again.
 */
export function storedAlert(key: string, values?: Record<string, string | number>): string {
  return JSON.stringify(values ? { key, values } : { key });
}

export function alertText(stored: string): Message {
  if (stored.startsWith("{")) {
    try {
      const parsed = JSON.parse(stored) as Partial<Message>;
      if (typeof parsed.key === "string") return parsed.values ? { key: parsed.key, values: parsed.values } : { key: parsed.key };
    } catch {
      // not one of ours: fall through and show it as written
    }
  }
  return { key: "common:syncAlert.asWritten", values: { text: stored } };
}
