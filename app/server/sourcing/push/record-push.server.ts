import db from "../../../db.server";
import { notifyMappingsChanged } from "../variant-mappings.server";
import { itemCompliance, type ImportItemView } from "../import-list/import-item-model";
import { releaseCustomsHolds } from "../../fulfillment/preflight/customs-hold.server";
import type { ProductSetPlan } from "./product-set-input";
import { currentWarehouseRegistry } from "../../warehouses/registry.server";
import type { WarehouseLocations } from "../warehouse-locations.server";

/** The parts of a productSet answer we map back (sync response and bulk result lines share this shape). */
export interface PushedProduct {
  id: string;
  variants: { nodes: Array<{ id: string; sku?: string | null; barcode?: string | null; inventoryItem: { id: string; inventoryLevels?: { nodes: Array<{ location: { id: string }; quantities: Array<{ name: string; quantity: number }> }> } | null } }> };
}

export interface StockUpdate {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** What Shopify had at our location when productSet answered; the compare-and-swap value. */
  changeFromQuantity: number | null;
}

const numericStock = (stock: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(stock).filter((e): e is [string, number] => typeof e[1] === "number"));

/**
 * Stores what the push created: the product GID on the import item (so any retry updates instead of duplicating)
 * and one mapping per variant, matched by SKU; mappings of variants the product no longer has go.
 */
export async function recordPushedProduct(shop: string, item: ImportItemView, plan: ProductSetPlan, product: PushedProduct, locations?: WarehouseLocations): Promise<void> {
  // One transaction: the GID, the mappings and the removal of stale ones land together (and cost one commit).
  await db.$transaction(pushedProductWrites(shop, item, plan, product, locations));
  notifyMappingsChanged(shop);
  // The push may have completed what EU orders were held for (preflight/customs-hold.server.ts).
  await releaseCustomsHolds(shop, product.variants.nodes.map((n) => n.id));
}

/** The writes recordPushedProduct makes, for callers that batch many products into one transaction. */
export function pushedProductWrites(shop: string, item: ImportItemView, plan: ProductSetPlan, product: PushedProduct, locations?: WarehouseLocations) {
  const nodes = new Map(product.variants.nodes.map((n) => [n.sku ?? "", n]));
  const flags = (["battery", "liquid", "powder", "magnet"] as const).filter((f) => item.snapshot.hazards[f]).join(",");
  const now = new Date();
  const upserts = plan.variants.flatMap(({ variant, quote }) => {
    const node = nodes.get(variant.sku);
    if (!node) return [];
    // What Shopify now holds, so price and stock sync diff against it without reading Shopify (ADR 0810).
    const levels = currentLevels(node.inventoryItem.inventoryLevels);
    const pushedStock = Object.fromEntries(Object.entries(numericStock(variant.stock)).flatMap(([code, qty]) => {
      const locationGid = locations?.get(code);
      return locationGid && (levels.size === 0 || levels.has(locationGid)) ? [[locationGid, qty]] : [];
    }));
    const data = {
      productGid: product.id, shopifySku: variant.sku, barcode: node.barcode ?? null, supplier: item.supplier,
      supplierProductId: item.supplierProductId, supplierSku: variant.supplierVariantId, inventoryItemGid: node.inventoryItem.id,
      costMinor: variant.cost.amount, costCurrency: variant.cost.currency, weightGrams: variant.weightGrams,
      lengthMm: variant.dims?.lengthMm ?? null, widthMm: variant.dims?.widthMm ?? null, heightMm: variant.dims?.heightMm ?? null,
      ...itemCompliance(item),
      // By registry id (ADR 2000); rows listed before the registry still carry the supplier's codes.
      stock: currentWarehouseRegistry().stockToIds(item.supplier, numericStock(variant.stock)),
      flags, autoPrice: variant.priceOverride === null, lastSyncedAt: now,
      pushedPriceMinor: quote.price.amount, pushedCompareAtMinor: quote.compareAt?.amount ?? null, pushedCurrency: quote.price.currency,
      pushedStock, pushedInventoryPolicy: "DENY", supplierState: "ok", supplierReadAt: now,
    };
    return [{ variantGid: node.id, data }];
  });
  return [
    // publishedTo is set again by the publishing step that follows every push (sales-channels.server.ts).
    db.importItem.update({ where: { id: item.id }, data: { productGid: product.id, status: "pushed", lastError: null, pushedAt: now, publishedTo: "" } }),
    ...upserts.map(({ variantGid, data }) => db.variantMapping.upsert({ where: { shop_variantGid: { shop, variantGid } }, create: { shop, variantGid, source: "import", ...data }, update: data })),
    db.variantMapping.deleteMany({ where: { shop, productGid: product.id, variantGid: { notIn: upserts.map((u) => u.variantGid) } } }),
  ];
}

/** What Shopify holds now at each of our warehouse locations for an inventory item (the compare-and-swap values). */
export function currentLevels(levels: PushedProduct["variants"]["nodes"][number]["inventoryItem"]["inventoryLevels"]): Map<string, number> {
  return new Map((levels?.nodes ?? []).map((l) => [l.location.id, l.quantities.find((q) => q.name === "available")?.quantity ?? 0]));
}

/**
 * Quantities to set by compare-and-swap for variants that existed before this push (new ones were stocked by
 * productSet): one per warehouse location where the supplier's count differs from Shopify's.
 */
export function stockUpdatesFor(plan: ProductSetPlan, product: PushedProduct, knownSkus: ReadonlySet<string>, locations: WarehouseLocations): StockUpdate[] {
  return product.variants.nodes.flatMap((node) => {
    const planned = plan.variants.find((v) => v.variant.sku === node.sku);
    if (!node.sku || !knownSkus.has(node.sku) || !planned) return [];
    const current = currentLevels(node.inventoryItem.inventoryLevels);
    // Only where the variant is already stocked: Shopify refuses quantities at a location it is not stocked at.
    const stocked = Object.fromEntries(Object.entries(planned.variant.stock).filter(([code]) => current.has(locations.get(code) ?? "")));
    return desiredUpdates(node.inventoryItem.id, stocked, current, locations);
  });
}

export function desiredUpdates(inventoryItemId: string, stock: Record<string, number | null>, current: Map<string, number>, locations: WarehouseLocations): StockUpdate[] {
  return Object.entries(stock).flatMap(([code, wanted]) => {
    const locationId = locations.get(code);
    if (!locationId) return [];
    const now = current.get(locationId) ?? null;
    const quantity = wanted ?? 0;
    return now === quantity ? [] : [{ inventoryItemId, locationId, quantity, changeFromQuantity: now }];
  });
}
