/**
 * Data for the product details admin block (`extensions/silkroute-product-block`): per mapped variant its
 * supplier SKU, supplier cost (and in the shop's currency, for the block's margin at Shopify's current price),
 * stock per warehouse, last sync and sync error. Shop-scoped: another shop's product finds nothing.
 */
import db from "../../../db.server";
import { fxTableForShop } from "../../fx/fx-rates.server";
import { convertMoney, FxRateMissing, type FxTable } from "../../fx/fx-table";
import { parseGid, toGid } from "../../shopify/gid";

export interface ProductBlockVariant {
  variantGid: string;
  supplier: string;
  supplierSku: string;
  cost: { amountMinor: number; currency: string } | null;
  /** The cost in the currency the block asked for (the shop's), at the shop's FX table; null when unknown. */
  costConverted: { amountMinor: number; currency: string } | null;
  stockByWarehouse: Record<string, number>;
  totalStock: number;
  lastSyncedAt: string | null;
  syncError: string | null;
}

export interface ProductBlockData { productGid: string; variants: ProductBlockVariant[]; remapPath: string }

function stockOf(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number"));
}

function converted(cost: ProductBlockVariant["cost"], to: string | null, table: FxTable | null): ProductBlockVariant["costConverted"] {
  if (!cost || !to || !table) return null;
  try {
    const m = convertMoney({ amount: cost.amountMinor, currency: cost.currency }, to, table);
    return { amountMinor: m.amount, currency: m.currency };
  } catch (error) {
    if (error instanceof FxRateMissing) return null;
    throw error;
  }
}

export async function productBlockData(shop: string, productId: string, currency: string | null = null): Promise<ProductBlockData> {
  const productGid = toGid("Product", productId);
  const rows = await db.variantMapping.findMany({
    where: { shop, productGid },
    orderBy: { variantGid: "asc" },
    select: { variantGid: true, supplier: true, supplierSku: true, costMinor: true, costCurrency: true, stock: true, lastSyncedAt: true, syncError: true },
  });
  const table = currency && rows.some((r) => r.costMinor !== null) ? await fxTableForShop(shop) : null;
  return {
    productGid,
    // The mappings page searches Shopify products; `id:<n>` is Shopify's product search syntax for one product.
    remapPath: `/app/mappings?q=${encodeURIComponent(`id:${parseGid(productGid).id}`)}`,
    variants: rows.map((row) => {
      const stockByWarehouse = stockOf(row.stock);
      const cost = row.costMinor !== null && row.costCurrency ? { amountMinor: row.costMinor, currency: row.costCurrency } : null;
      return {
        variantGid: row.variantGid,
        supplier: row.supplier,
        supplierSku: row.supplierSku,
        cost,
        costConverted: converted(cost, currency, table),
        stockByWarehouse,
        totalStock: Object.values(stockByWarehouse).reduce((a, b) => a + b, 0),
        lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
        syncError: row.syncError,
      };
    }),
  };
}
