import { z } from "zod";
import db from "../../db.server";
import { toGid } from "../shopify/gid";

export type VariantMappingRow = Awaited<ReturnType<typeof db.variantMapping.findFirstOrThrow>>;

type Listener = (shop: string) => void;
const listeners = new Set<Listener>();

/** Caches of mappings (the rate callback's) subscribe here to drop a shop's entries when they change. */
export function onMappingsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyMappingsChanged(shop: string): void {
  for (const listener of listeners) listener(shop);
}

/** products/delete: a deleted product's variants no longer map to anything. */
export async function removeProductMappings(shop: string, payload: unknown): Promise<number> {
  const { id } = z.object({ id: z.union([z.number(), z.string()]) }).parse(payload);
  const { count } = await db.variantMapping.deleteMany({ where: { shop, productGid: toGid("Product", id) } });
  if (count) notifyMappingsChanged(shop);
  return count;
}

/** products/update: variants the merchant deleted in Shopify lose their mapping; the rest keep SKU and barcode fresh. */
export async function syncProductMappings(shop: string, payload: unknown): Promise<void> {
  const product = z
    .object({
      id: z.union([z.number(), z.string()]),
      variants: z.array(z.object({ id: z.union([z.number(), z.string()]), sku: z.string().nullish(), barcode: z.string().nullish() })).default([]),
    })
    .parse(payload);
  const productGid = toGid("Product", product.id);
  const live = new Map(product.variants.map((v) => [toGid("ProductVariant", v.id) as string, v]));
  const existing = await db.variantMapping.findMany({ where: { shop, productGid } });
  let changed = false;
  for (const mapping of existing) {
    const variant = live.get(mapping.variantGid);
    if (!variant) {
      await db.variantMapping.delete({ where: { id: mapping.id } });
      changed = true;
    } else if ((variant.sku ?? null) !== mapping.shopifySku || (variant.barcode ?? null) !== mapping.barcode) {
      await db.variantMapping.update({ where: { id: mapping.id }, data: { shopifySku: variant.sku ?? null, barcode: variant.barcode ?? null } });
      changed = true;
    }
  }
  if (changed) notifyMappingsChanged(shop);
}
