import type { TFunction } from "i18next";
import { message, type Message } from "./message";
import { translateMessage } from "./message-values";

/**
 * A caught error for a page banner: the page's frame message (`Could not add the product: {reason}`) with the error's
 * English as `reason`, and the error's own catalog message (`i18n`, or a `detail` Message) when it carries one, which
 * the page translates into `reason` instead (docs/adr/1900-i18n.md). Errors without one keep their English.
 */
export type Failure = Message & { reason?: Message };

const isMessage = (m: unknown): m is Message => !!m && typeof m === "object" && typeof (m as Message).key === "string";

export function failureMessage(frameKey: string, error: Error): Failure {
  const carried = (error as { i18n?: unknown }).i18n ?? (error as { detail?: unknown }).detail;
  const frame = message(frameKey, { reason: error.message });
  return isMessage(carried) ? { ...frame, reason: message(carried.key, carried.values) } : frame;
}

/** The banner text: the frame, its `reason` in the reader's language when the error carried a catalog message. */
export function translateFailure(t: TFunction, failure: Failure): string {
  const values = failure.reason ? { ...failure.values, reason: translateMessage(t, failure.reason) } : failure.values;
  return translateMessage(t, message(failure.key, values));
}
