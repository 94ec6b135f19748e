/**
 * Body limits of the public POST routes (docs/adr/0710-public-routes.md), dependency-free so that the production
 * server's listener (outside the build's module graph) and the routes share the numbers.
 */

/** Shopify documents no cap on webhook bodies; its staff say some exceed a megabyte (ADR 0710). 5 MiB leaves room. */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;
/** The fulfillment-order notification's body is `{"kind":"FULFILLMENT_REQUEST"}` (reference §2). */
export const MAX_FULFILLMENT_NOTIFICATION_BYTES = 64 * 1024;

/** The limit for a public POST path, or null for paths that are not bounded here (the app's own routes). */
export function bodyLimitForPath(path: string): number | null {
  if (path.startsWith("/webhooks/")) return MAX_WEBHOOK_BODY_BYTES;
  if (path.startsWith("/fulfillment-service/")) return MAX_FULFILLMENT_NOTIFICATION_BYTES;
  return null;
}
