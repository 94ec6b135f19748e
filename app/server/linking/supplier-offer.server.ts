// What a supplier offers for one of the merchant's variants: each supplier variant's cost, stock per warehouse and
// the margin at the variant's current Shopify price, read through the supplier's adapter before anything is linked.
import db from "../../db.server";
import { convertMoney } from "../fx/fx-table";
import { fxTableForShop } from "../fx/fx-rates.server";
import { parseDecimal, type Money } from "../money";
import { adapterFor } from "../sourcing/supplier-connections.server";
import { hasCapability, type SupplierProduct } from "../suppliers/supplier-adapter";
import type { SupplierCode } from "../suppliers/supplier-models";

export class LinkingError extends Error {
  override name = "LinkingError";
}

export interface OfferVariant {
  supplierVariantId: string;
  sku: string;
  options: string;
  cost: Money;
  /** The cost in the shop's currency, when an exchange rate is known. */
  costInShopCurrency: Money | null;
  /** Price minus cost, in basis points of the price; null without a price or a rate. */
  marginBps: number | null;
  stock: Record<string, number>;
}

export interface SupplierOffer {
  supplier: SupplierCode;
  product: SupplierProduct;
  variants: OfferVariant[];
}

/** Stock per warehouse for the product's variants; a warehouse that cannot be read is left out, never shown as 0. */
export async function stockByWarehouse(shop: string, supplier: SupplierCode, product: SupplierProduct): Promise<Map<string, Record<string, number>>> {
  const adapter = await adapterFor(shop, supplier);
  const out = new Map<string, Record<string, number>>(product.variants.map((v) => [v.supplierVariantId, {}]));
  for (const code of product.warehouses) {
    const answer = await adapter.getAvailability({ supplierVariantIds: product.variants.map((v) => v.supplierVariantId), location: { kind: "warehouse", code } });
    if (!answer.ok) continue;
    for (const a of answer.value) {
      const row = out.get(a.supplierVariantId);
      if (row) row[code] = a.state === "out_of_stock" ? 0 : (a.quantity ?? 0);
    }
  }
  return out;
}

export async function supplierProduct(shop: string, supplier: SupplierCode, supplierProductId: string): Promise<SupplierProduct> {
  const detail = await (await adapterFor(shop, supplier)).getProduct(supplierProductId);
  if (!detail.ok) throw new LinkingError(detail.error.message);
  return detail.value;
}

/** Margin in basis points of `price` once `cost` is converted to the price's currency; null when it cannot be. */
export function marginBps(price: Money | null, cost: Money | null): number | null {
  if (!price || !cost || price.amount <= 0 || price.currency !== cost.currency) return null;
  return Math.round(((price.amount - cost.amount) * 10_000) / price.amount);
}

export async function supplierOffer(shop: string, supplier: SupplierCode, supplierProductId: string, price: string | null): Promise<SupplierOffer> {
  const product = await supplierProduct(shop, supplier, supplierProductId);
  const stock = await stockByWarehouse(shop, supplier, product);
  const currency = (await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true } }))?.currencyCode ?? "USD";
  const table = await fxTableForShop(shop);
  const shopPrice = price ? parseDecimal(price, currency) : null;
  return {
    supplier, product,
    variants: product.variants.map((v) => {
      let converted: Money | null = null;
      try { converted = convertMoney(v.cost, currency, table); } catch { converted = null; }
      return {
        supplierVariantId: v.supplierVariantId, sku: v.sku, options: Object.values(v.options).join(" / "), cost: v.cost,
        costInShopCurrency: converted, marginBps: marginBps(shopPrice, converted), stock: stock.get(v.supplierVariantId) ?? {},
      };
    }),
  };
}

/** One page of the supplier's catalog for a keyword (the adapter's own search). */
export async function searchSupplier(shop: string, supplier: SupplierCode, keyword: string, page = 1) {
  const adapter = await adapterFor(shop, supplier);
  // JD VOP has no keyword search (it browses product pools): its pages are filtered by title here instead.
  const byKeyword = hasCapability(adapter, "catalog.keyword");
  const result = await adapter.searchCatalog({ keyword: byKeyword ? keyword || undefined : undefined, page, pageSize: byKeyword ? 10 : 50 });
  if (!result.ok) throw new LinkingError(result.error.message);
  if (byKeyword || !keyword) return result.value;
  const words = keyword.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (t: { en?: string | null; zh?: string | null }) => `${t.en ?? ""} ${t.zh ?? ""}`.toLowerCase();
  return { ...result.value, items: result.value.items.filter((i) => words.some((w) => text(i.title).includes(w)) || i.supplierProductId === keyword) };
}
