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
