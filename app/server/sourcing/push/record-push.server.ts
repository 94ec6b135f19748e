import db from "../../../db.server";
import { notifyMappingsChanged } from "../variant-mappings.server";
import type { ImportItemView } from "../import-list/import-item-model";
import type { ProductSetPlan } from "./product-set-input";

/** The parts of a productSet answer we map back (sync response and bulk result lines share this shape). */
export interface PushedProduct {
  id: string;
  variants: { nodes: Array<{ id: string; sku?: string | null; barcode?: string | null; inventoryItem: { id: string; inventoryLevel?: { quantities: Array<{ name: string; quantity: number }> } | null } }> };
}

export interface StockUpdate {
  inventoryItemId: string;
  quantity: number;
  /** What Shopify had at our location when productSet answered; the compare-and-swap value. */
  changeFromQuantity: number | null;
}

const numericStock = (stock: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(stock).filter((e): e is [string, number] => typeof e[1] === "number"));

/**
 * Stores what the push created: the product GID on the import item first (so any retry updates instead of
 * duplicating), then one mapping per variant, matched by SKU; mappings of variants the product no longer has go.
 */
export async function recordPushedProduct(shop: string, item: ImportItemView, plan: ProductSetPlan, product: PushedProduct): Promise<void> {
  await db.importItem.update({ where: { id: item.id }, data: { productGid: product.id, status: "pushed", lastError: null, pushedAt: new Date() } });
  const nodes = new Map(product.variants.nodes.map((n) => [n.sku ?? "", n]));
  const kept: string[] = [];
  for (const { variant } of plan.variants) {
    const node = nodes.get(variant.sku);
    if (!node) continue;
    kept.push(node.id);
    const data = {
      productGid: product.id, shopifySku: variant.sku, barcode: node.barcode ?? null, supplier: item.supplier,
      supplierProductId: item.supplierProductId, supplierSku: variant.supplierVariantId, inventoryItemGid: node.inventoryItem.id,
      costMinor: variant.cost.amount, costCurrency: variant.cost.currency, weightGrams: variant.weightGrams,
      lengthMm: variant.dims?.lengthMm ?? null, widthMm: variant.dims?.widthMm ?? null, heightMm: variant.dims?.heightMm ?? null,
      hsCode: item.snapshot.hsCode, originCountry: item.snapshot.originCountry, stock: numericStock(variant.stock),
      flags: (["battery", "liquid", "powder", "magnet"] as const).filter((f) => item.snapshot.hazards[f]).join(","),
      autoPrice: variant.priceOverride === null, lastSyncedAt: new Date(),
    };
    await db.variantMapping.upsert({ where: { shop_variantGid: { shop, variantGid: node.id } }, create: { shop, variantGid: node.id, source: "import", ...data }, update: data });
  }
  await db.variantMapping.deleteMany({ where: { shop, productGid: product.id, variantGid: { notIn: kept } } });
  notifyMappingsChanged(shop);
}

/** Quantities to set by compare-and-swap: variants that existed before this push (new ones were stocked by productSet). */
export function stockUpdatesFor(plan: ProductSetPlan, product: PushedProduct, knownSkus: ReadonlySet<string>, total: (sku: string) => number): StockUpdate[] {
  return product.variants.nodes.flatMap((node) => {
    if (!node.sku || !knownSkus.has(node.sku) || !plan.variants.some((v) => v.variant.sku === node.sku)) return [];
    const current = node.inventoryItem.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? null;
    const quantity = total(node.sku);
    return current === quantity ? [] : [{ inventoryItemId: node.inventoryItem.id, quantity, changeFromQuantity: current }];
  });
}
