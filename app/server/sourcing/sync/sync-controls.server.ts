import db from "../../../db.server";
import { notifyMappingsChanged } from "../variant-mappings.server";

export type LockField = "price" | "stock";

/** Locks or unlocks a field for every variant of a product (the product page's switches). */
export async function setProductLock(shop: string, productGid: string, field: LockField, locked: boolean): Promise<number> {
  const data = field === "price"
    ? { priceLock: locked ? "manual" : null, lockedAt: locked ? new Date() : null }
    : { stockLock: locked ? "manual" : null, lockedAt: locked ? new Date() : null };
  const { count } = await db.variantMapping.updateMany({ where: { shop, productGid }, data });
  notifyMappingsChanged(shop);
  return count;
}

/** Unlocks one variant's field (the "unlock" next to "locked because you edited it in Shopify"). */
export async function unlockVariant(shop: string, variantGid: string, field: LockField): Promise<boolean> {
  const { count } = await db.variantMapping.updateMany({ where: { shop, variantGid }, data: field === "price" ? { priceLock: null } : { stockLock: null } });
  return count > 0;
}

/**
 * The merchant's answer to a price change that needed approval: approved changes become pending (the
 * next write pass sends them), rejected ones stay in the history and the price stays.
 */
export async function decideApproval(shop: string, changeId: string, approve: boolean): Promise<boolean> {
  const change = await db.syncChange.findFirst({ where: { id: changeId, shop, status: "awaiting_approval" } });
  if (!change) return false;
  const siblings = await db.syncChange.findMany({ where: { shop, runId: change.runId, mappingId: change.mappingId, status: "awaiting_approval" }, select: { id: true } });
  await db.$transaction([
    db.syncChange.updateMany({ where: { id: { in: siblings.map((s) => s.id) } }, data: { status: approve ? "pending" : "rejected" } }),
    db.syncAlert.updateMany({ where: { shop, key: `approval:${change.variantGid}`, resolvedAt: null }, data: { resolvedAt: new Date() } }),
  ]);
  return true;
}
