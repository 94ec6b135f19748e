// Kept apart from the job handlers so the rate-card service can call it without importing what the handler needs.
import { jobQueue } from "../../jobs/queue.server";

export const WRITE_RESTRICTIONS_QUEUE = "extensions.write-restrictions";
const WINDOW_MS = 30_000;

/** Call after a shop's rate cards or mappings change: one delayed write pass per shop and 30-second window. */
export async function enqueueRestrictionsWrite(shop: string, now = Date.now()): Promise<void> {
  const window = Math.floor(now / WINDOW_MS);
  await jobQueue().enqueue(WRITE_RESTRICTIONS_QUEUE, { shop }, { shop, dedupeKey: `${shop}:${window}`, delayMs: WINDOW_MS });
}
