import db from "../db.server";

/** Records an install (or reinstall) of Silkroute on a shop. */
export async function recordInstall(shop: string, scopes?: string): Promise<void> {
  await db.shop.upsert({
    where: { domain: shop },
    create: { domain: shop, scopes: scopes ?? null },
    update: { uninstalledAt: null, installedAt: new Date(), scopes: scopes ?? null },
  });
}

export async function recordUninstall(shop: string): Promise<void> {
  await db.session.deleteMany({ where: { shop } });
  await db.shop.updateMany({ where: { domain: shop }, data: { uninstalledAt: new Date() } });
}

export async function recordScopes(shop: string, scopes: string[]): Promise<void> {
  const scope = scopes.join(",");
  await db.session.updateMany({ where: { shop }, data: { scope } });
  await db.shop.updateMany({ where: { domain: shop }, data: { scopes: scope } });
}

/**
 * Remembers the language of the shop's staff as of the latest admin document load (Shopify's `locale` parameter,
 * resolved to a catalog locale), for the notes Silkroute writes to Shopify (docs/adr/1900-i18n.md). The caller
 * compares with what it read first, so repeated loads in the same language write nothing.
 */
export async function recordShopLocale(shop: string, locale: string): Promise<void> {
  await db.shop.updateMany({ where: { domain: shop, OR: [{ locale: null }, { locale: { not: locale } }] }, data: { locale } });
}

/** The shop staff's language for notes written to Shopify; null (English) until an admin page was opened. */
export async function shopLocale(shop: string): Promise<string | null> {
  return (await db.shop.findUnique({ where: { domain: shop }, select: { locale: true } }))?.locale ?? null;
}
