import db from "../../db.server";

/**
 * Markers of customers and orders whose personal data was redacted. Writers of order data ask before
 * storing any: Shopify retries a failed orders/create for up to 48 hours, and a redaction can land in
 * between, so without the marker a late delivery would write the erased data back.
 */
export async function markRedacted(shop: string, gids: readonly string[]): Promise<void> {
  const known = new Set((await db.redactionMarker.findMany({ where: { shop, gid: { in: [...gids] } }, select: { gid: true } })).map((m) => m.gid));
  for (const gid of new Set(gids)) {
    if (known.has(gid)) continue;
    try {
      await db.redactionMarker.create({ data: { shop, gid } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error; // a concurrent run wrote it first
    }
  }
}

/** True when any of these customer or order GIDs was redacted in this shop. */
export async function isRedacted(shop: string, gids: ReadonlyArray<string | null | undefined>): Promise<boolean> {
  const wanted = gids.filter((g): g is string => Boolean(g));
  if (wanted.length === 0) return false;
  return (await db.redactionMarker.count({ where: { shop, gid: { in: wanted } } })) > 0;
}
