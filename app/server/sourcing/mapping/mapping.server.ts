import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import type { SupplierProduct, SupplierVariant } from "../../suppliers/supplier-adapter";
import type { SupplierCode } from "../../suppliers/supplier-models";
import { adapterFor } from "../supplier-connections.server";
import { notifyMappingsChanged } from "../variant-mappings.server";
import { VARIANT_BY_ID, VARIANTS_BY_QUERY } from "./mapping-operations";

export class MappingError extends Error {
  override name = "MappingError";
}

export interface ShopifyVariantRef {
  id: string;
  sku?: string | null;
  barcode?: string | null;
  product: { id: string };
  inventoryItem: { id: string };
}

export interface BackupSupplier {
  supplier: SupplierCode;
  supplierProductId: string;
  supplierVariantId: string;
}

async function supplierProduct(shop: string, supplier: SupplierCode, supplierProductId: string): Promise<SupplierProduct> {
  const detail = await (await adapterFor(shop, supplier)).getProduct(supplierProductId);
  if (!detail.ok) throw new MappingError(detail.error.message);
  return detail.value;
}

/** Writes one mapping from Shopify's variant and the supplier's facts; `source` says who decided. */
async function upsertMapping(shop: string, variant: ShopifyVariantRef, supplier: SupplierCode, product: SupplierProduct, sv: SupplierVariant, source: "manual" | "auto-match") {
  const data = {
    productGid: variant.product.id, shopifySku: variant.sku ?? null, barcode: variant.barcode ?? null, inventoryItemGid: variant.inventoryItem.id,
    supplier, supplierProductId: product.supplierProductId, supplierSku: sv.supplierVariantId,
    costMinor: sv.cost.amount, costCurrency: sv.cost.currency, weightGrams: sv.weightGrams,
    lengthMm: sv.dimensions?.lengthMm ?? null, widthMm: sv.dimensions?.widthMm ?? null, heightMm: sv.dimensions?.heightMm ?? null,
    hsCode: product.hsCode, originCountry: product.originCountry, source,
    flags: (["battery", "liquid", "powder", "magnet"] as const).filter((f) => product.hazards[f]).join(","),
  };
  await db.variantMapping.upsert({ where: { shop_variantGid: { shop, variantGid: variant.id } }, create: { shop, variantGid: variant.id, ...data }, update: data });
}

/** Links one Shopify variant to a supplier variant the merchant picked; replaces any earlier link. */
export async function linkVariant(shop: string, admin: AdminClient, input: { variantGid: string; supplier: SupplierCode; supplierProductId: string; supplierVariantId: string }): Promise<void> {
  const { productVariant } = await admin.request(VARIANT_BY_ID, { id: input.variantGid });
  if (!productVariant) throw new MappingError("That Shopify variant no longer exists.");
  const product = await supplierProduct(shop, input.supplier, input.supplierProductId);
  const sv = product.variants.find((v) => v.supplierVariantId === input.supplierVariantId);
  if (!sv) throw new MappingError(`${input.supplierProductId} has no variant ${input.supplierVariantId}.`);
  await upsertMapping(shop, productVariant, input.supplier, product, sv, "manual");
  notifyMappingsChanged(shop);
}

/** Sets or clears the supplier used when the primary one is out of stock. */
export async function setBackupSupplier(shop: string, variantGid: string, backup: BackupSupplier | null): Promise<void> {
  if (backup) {
    const product = await supplierProduct(shop, backup.supplier, backup.supplierProductId);
    if (!product.variants.some((v) => v.supplierVariantId === backup.supplierVariantId)) throw new MappingError(`${backup.supplierProductId} has no variant ${backup.supplierVariantId}.`);
  }
  const { count } = await db.variantMapping.updateMany({
    where: { shop, variantGid },
    data: { backupSupplier: backup?.supplier ?? null, backupProductId: backup?.supplierProductId ?? null, backupSku: backup?.supplierVariantId ?? null },
  });
  if (count === 0) throw new MappingError("Map the variant to a primary supplier first.");
  notifyMappingsChanged(shop);
}

export async function unlinkVariant(shop: string, variantGid: string): Promise<void> {
  await db.variantMapping.deleteMany({ where: { shop, variantGid } });
  notifyMappingsChanged(shop);
}

export interface AutoMatchResult {
  matched: Array<{ variantGid: string; supplierVariantId: string; by: "sku" | "barcode" }>;
  alreadyMapped: number;
  unmatched: string[];
}

const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

/**
 * For each supplier variant, finds Shopify variants whose SKU or barcode equals the supplier's SKU or variant
 * id. Variants that already have a mapping are left alone: a merchant's manual choice always wins.
 */
export async function autoMatch(shop: string, admin: AdminClient, supplier: SupplierCode, supplierProductIds: string[]): Promise<AutoMatchResult> {
  const result: AutoMatchResult = { matched: [], alreadyMapped: 0, unmatched: [] };
  for (const id of supplierProductIds) {
    const product = await supplierProduct(shop, supplier, id);
    for (let i = 0; i < product.variants.length; i += 10) {
      const chunk = product.variants.slice(i, i + 10);
      const keys = chunk.flatMap((v) => [v.sku, v.supplierVariantId]);
      const query = keys.flatMap((k) => [`sku:${quote(k)}`, `barcode:${quote(k)}`]).join(" OR ");
      const { productVariants } = await admin.request(VARIANTS_BY_QUERY, { query, first: 50 });
      for (const sv of chunk) {
        const keysOf = new Set([sv.sku, sv.supplierVariantId]);
        const hits = productVariants.nodes.filter((n) => (n.sku && keysOf.has(n.sku)) || (n.barcode && keysOf.has(n.barcode)));
        if (hits.length === 0) { result.unmatched.push(sv.sku); continue; }
        for (const hit of hits) {
          if (await db.variantMapping.findUnique({ where: { shop_variantGid: { shop, variantGid: hit.id } } })) { result.alreadyMapped++; continue; }
          await upsertMapping(shop, hit, supplier, product, sv, "auto-match");
          result.matched.push({ variantGid: hit.id, supplierVariantId: sv.supplierVariantId, by: hit.sku && keysOf.has(hit.sku) ? "sku" : "barcode" });
        }
      }
    }
  }
  if (result.matched.length) notifyMappingsChanged(shop);
  return result;
}
