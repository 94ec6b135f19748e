import { z } from "zod";
import db from "../../../db.server";
import { parseDecimal, toDecimalString } from "../../money";
import { toGid } from "../../shopify/gid";

/**
 * Webhooks tell us what Shopify holds now. A value we wrote (or are about to: a pending change) is ours;
 * anything else on a synced field was changed by the merchant or another app. Their edit wins: the field
 * is locked (visible as "locked because you edited it in Shopify", with an unlock) and recorded in the
 * history. Shopify is never re-read here.
 */

const ProductPayload = z.object({
  id: z.union([z.number(), z.string()]),
  status: z.string().optional(),
  updated_at: z.string().nullish(),
  variants: z.array(z.object({
    id: z.union([z.number(), z.string()]),
    price: z.union([z.string(), z.number()]).nullish(),
    compare_at_price: z.union([z.string(), z.number()]).nullish(),
  })).default([]),
});

export async function reconcileProductUpdate(shop: string, payload: unknown): Promise<{ locked: number }> {
  const product = ProductPayload.parse(payload);
  const productGid = toGid("Product", product.id);
  const mappings = await db.variantMapping.findMany({ where: { shop, productGid } });
  if (mappings.length === 0) return { locked: 0 };
  const pending = await db.syncChange.findMany({ where: { shop, productGid, status: "pending" }, select: { mappingId: true, field: true, toValue: true } });
  let locked = 0;
  for (const m of mappings) {
    const v = product.variants.find((x) => toGid("ProductVariant", x.id) === m.variantGid);
    if (isStale(product.updated_at, m.lastChangedAt)) continue;
    if (v && v.price != null && (await observePrice(shop, m, String(v.price), v.compare_at_price == null || v.compare_at_price === "" ? null : String(v.compare_at_price), pending))) locked++;
  }
  const status = product.status?.toUpperCase();
  if (status === "ACTIVE" || status === "DRAFT" || status === "ARCHIVED") {
    const state = await db.productSyncState.findUnique({ where: { shop_productGid: { shop, productGid } } });
    const pendingStatus = await db.syncChange.count({ where: { shop, productGid, field: "status", status: "pending", toValue: status } });
    // The merchant changed the status themselves: it is theirs now, and sync will not re-activate it.
    if (state && state.pushedStatus !== status && pendingStatus === 0) {
      await db.productSyncState.update({ where: { shop_productGid: { shop, productGid } }, data: { pushedStatus: status, draftedBy: null } });
    }
  }
  return { locked };
}

type MappingRow = Awaited<ReturnType<typeof db.variantMapping.findMany>>[number];
type PendingRow = { mappingId: string; field: string; toValue: string };

/**
 * What Shopify shows for a variant's price. A value that is neither what we pushed nor a write of ours in
 * flight was set by someone else: the price is locked (the merchant's edit wins) and the history says so.
 */
export async function observePrice(shop: string, m: MappingRow, priceText: string, compareAtText: string | null, pending: readonly PendingRow[]): Promise<boolean> {
  if (m.pushedPriceMinor === null) return false;
  const ours = (field: string, value: string) => pending.some((c) => c.mappingId === m.id && c.field === field && (c.toValue === value || c.toValue === normalise(value)));
  const currency = m.pushedCurrency ?? "USD";
  const price = parseDecimal(priceText, currency);
  const compareAt = compareAtText === null ? null : parseDecimal(compareAtText, currency).amount;
  const priceEdited = price.amount !== m.pushedPriceMinor && !ours("price", priceText);
  const compareEdited = compareAt !== m.pushedCompareAtMinor && !pending.some((c) => c.mappingId === m.id && c.field === "compare_at");
  if (!priceEdited && !compareEdited) return false;
  const now = new Date();
  await db.$transaction([
    db.variantMapping.update({
      where: { id: m.id },
      data: { pushedPriceMinor: price.amount, pushedCompareAtMinor: compareAt, ...(m.priceLock ? {} : { priceLock: "shopify_edit", lockedAt: now }) },
    }),
    db.syncChange.create({
      data: {
        shop, mappingId: m.id, productGid: m.productGid, variantGid: m.variantGid, field: "price", status: "observed",
        fromValue: toDecimalString({ amount: m.pushedPriceMinor, currency }), toValue: priceText,
        reason: m.priceLock ? "edited in Shopify" : "edited in Shopify: price locked", appliedAt: now,
      },
    }),
  ]);
  return !m.priceLock;
}

/**
 * Shopify does not promise webhook order: a delivery describing the store before our latest write says
 * nothing about the merchant (compared in whole seconds, the payload's precision). The daily
 * reconciliation catches anything this skips.
 */
function isStale(updatedAt: string | null | undefined, lastChangedAt: Date | null): boolean {
  if (!updatedAt || !lastChangedAt) return false;
  const at = Date.parse(updatedAt);
  return Number.isFinite(at) && Math.floor(at / 1000) < Math.floor(lastChangedAt.getTime() / 1000);
}

const normalise = (price: string) => (Number.isFinite(Number(price)) ? Number(price).toFixed(2) : price);

const LevelPayload = z.object({
  inventory_item_id: z.union([z.number(), z.string()]),
  location_id: z.union([z.number(), z.string()]),
  available: z.number().nullable(),
  updated_at: z.string().nullish(),
});

/**
 * inventory_levels/update at one of our locations. Lower than we pushed: a sale or a hold took units; we
 * record it so the next compare-and-swap uses the right value. Higher than we pushed (and not a write of
 * ours in flight): someone added stock by hand, which locks the variant's stock.
 */
export async function reconcileInventoryLevel(shop: string, payload: unknown): Promise<{ locked: boolean }> {
  const level = LevelPayload.parse(payload);
  if (level.available === null) return { locked: false };
  const itemGid = toGid("InventoryItem", level.inventory_item_id);
  const locationGid = toGid("Location", level.location_id);
  const m = await db.variantMapping.findFirst({ where: { shop, inventoryItemGid: itemGid } });
  if (!m || isStale(level.updated_at, m.lastChangedAt)) return { locked: false };
  return { locked: await observeLevel(shop, m, locationGid, level.available) };
}

/** What Shopify shows at one of our locations: lower is a sale (recorded), higher is a hand edit (locked). */
export async function observeLevel(shop: string, m: MappingRow, locationGid: string, available: number): Promise<boolean> {
  const pushed = (m.pushedStock as Record<string, number> | null) ?? {};
  if (!(locationGid in pushed) || pushed[locationGid] === available) return false;
  const inFlight = await db.syncChange.count({ where: { shop, mappingId: m.id, field: "stock", locationGid, status: "pending", toValue: String(available) } });
  if (inFlight > 0) return false;
  const raised = available > pushed[locationGid]!;
  const now = new Date();
  await db.$transaction([
    db.variantMapping.update({
      where: { id: m.id },
      data: { pushedStock: { ...pushed, [locationGid]: available }, ...(raised && !m.stockLock ? { stockLock: "shopify_edit", lockedAt: now } : {}) },
    }),
    ...(raised ? [db.syncChange.create({
      data: {
        shop, mappingId: m.id, productGid: m.productGid, variantGid: m.variantGid, field: "stock", locationGid, status: "observed",
        fromValue: String(pushed[locationGid]), toValue: String(available), reason: m.stockLock ? "edited in Shopify" : "edited in Shopify: stock locked", appliedAt: now,
      },
    })] : []),
  ]);
  return raised && !m.stockLock;
}
