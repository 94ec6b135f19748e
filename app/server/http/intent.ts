/**
 * The handler a form's `intent` names, looked up among the table's OWN keys only: `intent=__proto__` or
 * `intent=constructor` must be "unknown action" (400), not Object.prototype's members called as handlers (500).
 */
export function handlerForIntent<T extends Record<string, unknown>>(table: T, intent: unknown): T[keyof T] | undefined {
  return typeof intent === "string" && Object.hasOwn(table, intent) ? table[intent as keyof T] : undefined;
}
