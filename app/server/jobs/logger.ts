import type { JobLogger } from "./types";

// One JSON line per event. Callers pass ids, queue names and counts only; payloads and error
// messages may carry customer data, so they stay in the database and never reach the log.
export function createConsoleLogger(base: Record<string, unknown> = {}): JobLogger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) =>
    console.log(JSON.stringify({ at: new Date().toISOString(), level, event, ...base, ...fields }));
  return {
    info: (event, fields) => write("info", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}

export const silentLogger: JobLogger = { info: () => {}, error: () => {} };

/** The error's class name, safe to log, unlike its message. */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2_000);
}
