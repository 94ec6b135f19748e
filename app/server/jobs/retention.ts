/**
 * How long finished work (completed, cancelled and dead jobs; webhook delivery records) is kept.
 * `SILKROUTE_RETENTION_DAYS`, default 30: long enough to retry a dead job or read why it failed, and past
 * Shopify's 48-hour webhook retry window, after which a delivery record has nothing left to deduplicate.
 * Short on purpose: a finished job's payload and error text are copies no one needs (GDPR data minimisation).
 */
export const DEFAULT_RETENTION_DAYS = 30;

export function retentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SILKROUTE_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`SILKROUTE_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "${raw}"`);
  }
  return days;
}
