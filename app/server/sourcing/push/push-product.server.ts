import db from "../../../db.server";
import { inChunks } from "../chunked";
import type { AdminClient } from "../../shopify/admin-client";
import { AdminUserErrors } from "../../shopify/admin-errors";
import type { ImportItemView } from "../import-list/import-item-model";
import type { WarehouseLocations } from "../warehouse-locations.server";
import { quoteItem } from "../import-list/item-quotes";
import type { PricingContext } from "../pricing/pricing-context.server";
import { buildProductSetPlan, type ProductSetPlan } from "./product-set-input";
import { PRODUCT_SET } from "./push-operations";
import { recordPushedProduct, stockUpdatesFor, type PushedProduct } from "./record-push.server";
import { applyStockUpdates } from "./stock-updates.server";
import { publishImportedProduct, type ChannelCache } from "./sales-channels.server";

export interface PushContext {
  admin: AdminClient;
  shop: string;
  pricing: PricingContext;
  locations: WarehouseLocations;
  appUrl: string;
  /** The shop's sales channels, asked once per job (see sales-channels.server.ts). */
  channels?: ChannelCache;
}

/** SKUs of the product's variants we already mapped: those are stocked at our location already. */
export async function knownSkusFor(shop: string, productGid: string | null): Promise<Set<string>> {
  if (!productGid) return new Set();
  const rows = await db.variantMapping.findMany({ where: { shop, productGid }, select: { shopifySku: true } });
  return new Set(rows.flatMap((r) => (r.shopifySku ? [r.shopifySku] : [])));
}

/** Known SKUs for many products in one query (bulk imports). */
export async function knownSkusByProduct(shop: string, productGids: Array<string | null>): Promise<Map<string, Set<string>>> {
  const ids = productGids.filter((g): g is string => !!g);
  const rows = await inChunks(ids, (slice) => db.variantMapping.findMany({ where: { shop, productGid: { in: slice } }, select: { productGid: true, shopifySku: true } }));
  const out = new Map<string, Set<string>>();
  for (const r of rows) if (r.shopifySku) out.set(r.productGid, (out.get(r.productGid) ?? new Set()).add(r.shopifySku));
  return out;
}

export function planWith(ctx: PushContext, item: ImportItemView, knownSkus: Set<string>): ProductSetPlan {
  return buildProductSetPlan({ item, quotes: quoteItem(ctx.pricing, item), locations: ctx.locations, appUrl: ctx.appUrl, knownSkus });
}

export async function planFor(ctx: PushContext, item: ImportItemView): Promise<{ plan: ProductSetPlan; knownSkus: Set<string> }> {
  const knownSkus = await knownSkusFor(ctx.shop, item.productGid);
  return { plan: planWith(ctx, item, knownSkus), knownSkus };
}

/**
 * Pushes one import item with one productSet, records GIDs and mappings, then corrects stock of existing variants.
 * `operation` is the persisted intent the stock writes are keyed by (the import job and item).
 */
export async function pushImportItem(ctx: PushContext, item: ImportItemView, operation?: string): Promise<string> {
  let { plan, knownSkus } = await planFor(ctx, item);
  let product: PushedProduct;
  try {
    product = await runProductSet(ctx, plan);
  } catch (error) {
    // The merchant deleted the product in Shopify: create it again under our handle rather than fail forever.
    if (!(error instanceof AdminUserErrors && error.hasCode("PRODUCT_DOES_NOT_EXIST") && item.productGid)) throw error;
    item = { ...item, productGid: null };
    ({ plan, knownSkus } = await planFor(ctx, item));
    product = await runProductSet(ctx, plan);
  }
  await recordPushedProduct(ctx.shop, item, plan, product, ctx.locations);
  await publishImportedProduct(ctx.admin, ctx.shop, item.id, product.id, ctx.channels ??= {});
  await applyStockUpdates(ctx.admin, stockUpdatesFor(plan, product, knownSkus, ctx.locations), "correction", operation);
  return product.id;
}

async function runProductSet(ctx: PushContext, plan: ProductSetPlan): Promise<PushedProduct> {
  const data = await ctx.admin.request(PRODUCT_SET, { input: plan.input as never, identifier: plan.identifier });
  const product = data.productSet?.product;
  if (!product) throw new Error("productSet returned no product");
  return product as PushedProduct;
}
