import { formatMoney, parseDecimal, type Money } from "../../money";
import { hasCapability } from "../../suppliers/supplier-adapter";
import type { CatalogQuery, CatalogSort, SupplierCode } from "../../suppliers/supplier-models";
import { SUPPLIER_DESCRIPTORS, SupplierConfigError } from "../../suppliers/registry";
import { CJ_WAREHOUSE_COUNTRIES, isCjAdapter } from "../../suppliers/cj/index";
import { quotePrice } from "../pricing/price-calculator";
import { appliedRate, loadPricingContext } from "../pricing/pricing-context.server";
import { adapterFor, defaultSupplier, isSupplierCode, listConnections } from "../supplier-connections.server";

const SORTS: CatalogSort[] = ["relevance", "price_asc", "price_desc", "newest"];
export const PAGE_SIZE = 24;
// The sandbox's categories; other suppliers take a category id typed by the merchant.
export const SANDBOX_CATEGORIES = ["phone-accessories", "beauty", "apparel", "home-kitchen", "outdoor", "toys"];
export const WAREHOUSES = ["CN-GZ", "CN-SZ", "CN-YW", "US", "DE", "UK"];

export interface FilterOption { label: string; value: string }

/** Each supplier's own categories and warehouse codes: CJ's category tree and warehouse countries, the sandbox's codes. */
export async function catalogFacets(shop: string, supplier: SupplierCode): Promise<{ categories: FilterOption[]; warehouses: FilterOption[] }> {
  if (supplier === "sandbox") return { categories: SANDBOX_CATEGORIES.map((c) => ({ label: c, value: c })), warehouses: WAREHOUSES.map((w) => ({ label: w, value: w })) };
  if (supplier !== "cj") return { categories: [], warehouses: [] };
  const adapter = await adapterFor(shop, supplier).catch(() => null);
  const categories = adapter && isCjAdapter(adapter) ? await adapter.listCategories() : null;
  return {
    categories: categories?.ok ? categories.value.map((c) => ({ label: c.label, value: c.id })) : [],
    warehouses: CJ_WAREHOUSE_COUNTRIES.map((c) => ({ label: c, value: c })),
  };
}

export interface CatalogItemSummary {
  id: string; title: string; titleZh: string | null; imageUrl: string | null; categoryId: string;
  warehouses: string[]; inStock: boolean; costFrom: string; priceFrom: string;
  /** The same amounts unformatted, for pages that format money in the merchant's locale. */
  cost: Money; price: Money;
}

export interface CatalogFilters {
  supplier: SupplierCode;
  q: string;
  category: string;
  priceMin: string;
  priceMax: string;
  shipsFrom: string;
  inStock: boolean;
  sort: CatalogSort;
  page: number;
}

export async function filtersFrom(shop: string, params: URLSearchParams): Promise<CatalogFilters> {
  const supplier = params.get("supplier");
  const sort = params.get("sort") as CatalogSort;
  return {
    supplier: isSupplierCode(supplier) ? supplier : await defaultSupplier(shop),
    q: params.get("q")?.trim() ?? "", category: params.get("category") ?? "", priceMin: params.get("priceMin") ?? "",
    priceMax: params.get("priceMax") ?? "", shipsFrom: params.get("shipsFrom") ?? "", inStock: params.get("inStock") === "on",
    sort: SORTS.includes(sort) ? sort : "relevance", page: Math.max(1, Number(params.get("page")) || 1),
  };
}

/** Only filters the supplier can honour are sent; the page greys out the others instead of silently ignoring them. */
function toQuery(f: CatalogFilters, currency: string, can: (c: string) => boolean): { query: CatalogQuery; error: string | null } {
  const bound = (text: string) => (text.trim() ? parseDecimal(text.trim(), currency) : undefined);
  try {
    return {
      query: {
        keyword: can("catalog.keyword") && f.q ? f.q : undefined,
        categoryId: can("catalog.category") && f.category ? f.category : undefined,
        priceMin: can("catalog.price-range") ? bound(f.priceMin) : undefined,
        priceMax: can("catalog.price-range") ? bound(f.priceMax) : undefined,
        shipsFrom: can("catalog.ships-from") && f.shipsFrom ? f.shipsFrom : undefined,
        inStockOnly: can("catalog.in-stock-only") && f.inStock ? true : undefined,
        sort: can("catalog.sort") ? f.sort : undefined,
        page: f.page, pageSize: PAGE_SIZE,
      },
      error: null,
    };
  } catch {
    return { query: { page: f.page, pageSize: PAGE_SIZE }, error: "Enter prices as numbers, e.g. 25 or 25.50." };
  }
}

export async function searchCatalog(shop: string, filters: CatalogFilters) {
  const [adapter, pricing, connections] = await Promise.all([
    // A supplier that is not connected (or the sandbox on a live store) is a message on the page, not a 500.
    adapterFor(shop, filters.supplier).catch((error: unknown) => (error instanceof SupplierConfigError ? error : Promise.reject(error))),
    loadPricingContext(shop), listConnections(shop),
  ]);
  const descriptor = SUPPLIER_DESCRIPTORS[filters.supplier];
  if (adapter instanceof SupplierConfigError) {
    return { suppliers: connections.filter((c) => c.connected).map((c) => ({ value: c.supplier, label: c.descriptor.label })),
      capabilities: [], costCurrency: descriptor.costCurrency, items: [] as CatalogItemSummary[], total: null, error: `${adapter.message}. Connect a supplier in Settings.` };
  }
  const can = (c: string) => hasCapability(adapter, c as never);
  const { query, error } = toQuery(filters, descriptor.costCurrency, can);
  const base = {
    suppliers: connections.filter((c) => c.connected).map((c) => ({ value: c.supplier, label: c.descriptor.label })),
    capabilities: [...descriptor.capabilities], costCurrency: descriptor.costCurrency,
  };
  const none: CatalogItemSummary[] = [];
  if (error) return { ...base, items: none, total: null, error };
  const page = await adapter.searchCatalog(query);
  if (!page.ok) return { ...base, items: none, total: null, error: page.error.message };
  const rate = appliedRate(pricing, descriptor.costCurrency);
  const show = (m: Money) => formatMoney(m);
  return {
    ...base, total: page.value.total, error: null, rate,
    items: page.value.items.map((i): CatalogItemSummary => ({
      id: i.supplierProductId, title: i.title.en, titleZh: i.title.zh ?? null, imageUrl: i.imageUrl ?? null, categoryId: i.categoryId,
      warehouses: [...i.warehouses], inStock: i.inStock, costFrom: show(i.costFrom),
      priceFrom: show(quotePrice({ cost: i.costFrom, rate: rate.rate, rules: pricing.rules }).price),
      cost: i.costFrom, price: quotePrice({ cost: i.costFrom, rate: rate.rate, rules: pricing.rules }).price,
    })),
  };
}
