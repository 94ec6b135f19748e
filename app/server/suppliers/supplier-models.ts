import type { Money } from "../money";

export type SupplierCode = "sandbox" | "jd" | "cj";

/** Bilingual text; suppliers in China give Chinese first, English is often machine-made. */
export interface LocalizedText {
  readonly en: string;
  readonly zh?: string;
}

/** China warehouses (CN-*) and overseas ones (ISO country). Suppliers may add their own codes. */
export type WarehouseCode = "CN-GZ" | "CN-SZ" | "CN-YW" | "US" | "DE" | "UK" | (string & {});

export type CatalogSort = "relevance" | "price_asc" | "price_desc" | "newest";

export interface CatalogQuery {
  /** Free text in English or Chinese. */
  readonly keyword?: string;
  readonly categoryId?: string;
  /** Inclusive bounds in the supplier's cost currency (CNY for sandbox/JD, USD for CJ). */
  readonly priceMin?: Money;
  readonly priceMax?: Money;
  readonly shipsFrom?: WarehouseCode;
  readonly inStockOnly?: boolean;
  readonly sort?: CatalogSort;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface ProductSummary {
  readonly supplierProductId: string;
  readonly title: LocalizedText;
  readonly categoryId: string;
  readonly imageUrl?: string;
  /** Lowest variant cost. */
  readonly costFrom: Money;
  readonly warehouses: readonly WarehouseCode[];
  readonly inStock: boolean;
}

export interface CatalogPage {
  readonly items: readonly ProductSummary[];
  readonly page: number;
  readonly pageSize: number;
  /** Null when the supplier does not say. */
  readonly total: number | null;
}

/** Shipping-relevant hazards; lines block ineligible products at import and checkout. */
export interface HazardFlags {
  readonly battery: boolean;
  readonly liquid: boolean;
  readonly magnet: boolean;
  readonly powder: boolean;
  /** "supplier" when the supplier declared them, "inferred" when we guessed from text. */
  readonly source: "supplier" | "inferred";
}

export interface DimensionsMm {
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface ProductOption {
  readonly name: string; // "Color", "Size", "Capacity"
  readonly values: readonly string[];
}

export interface SupplierVariant {
  readonly supplierVariantId: string;
  readonly sku: string;
  /** Option name → value, aligned with the product's `options`. */
  readonly options: Readonly<Record<string, string>>;
  readonly cost: Money;
  readonly weightGrams: number | null;
  readonly dimensions: DimensionsMm | null;
  readonly imageUrl?: string;
  /** A GTIN/EAN/UPC the supplier gives for this SKU (JD `upc`), kept only when its check digit is valid. */
  readonly barcode?: string | null;
}

/** Customs and product-safety facts a supplier publishes; each absent when the supplier gives none. */
export interface SupplierComplianceFacts {
  /** Customs goods description in English (CJ `entryNameEn`, with `materialNameEn`). */
  readonly customsDescription?: string | null;
  /** Brand or maker as the supplier names it (JD `brandName`): a starting point for the GPSR manufacturer. */
  readonly manufacturer?: string | null;
}

export interface SupplierProduct {
  readonly supplierProductId: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly categoryId: string;
  readonly images: readonly string[];
  readonly options: readonly ProductOption[];
  readonly variants: readonly SupplierVariant[];
  /** At least HS6 when known; null when the supplier gives none (the merchant must supply it). */
  readonly hsCode: string | null;
  /** ISO 3166 alpha-2. */
  readonly originCountry: string | null;
  readonly hazards: HazardFlags;
  readonly warehouses: readonly WarehouseCode[];
  readonly compliance?: SupplierComplianceFacts;
}

/** Where stock is asked for: a supplier warehouse (sandbox, CJ) or a delivery area (JD area ids "1_72_2799"). */
export type StockLocation =
  | { readonly kind: "warehouse"; readonly code: WarehouseCode }
  | { readonly kind: "area"; readonly areaId: string };

export type StockState = "in_stock" | "in_transit" | "allocatable" | "preorder" | "out_of_stock";

export interface VariantAvailability {
  readonly supplierVariantId: string;
  readonly location: StockLocation;
  /** Our purchase cost for one unit. */
  readonly cost: Money | null;
  /** The supplier's public list price when it differs (JD `jdPrice`). */
  readonly listPrice?: Money;
  readonly state: StockState;
  /** Null when the supplier hides the count (JD shows it only below 5). */
  readonly quantity: number | null;
}

export interface StockQuery {
  readonly supplierVariantIds: readonly string[];
  readonly location: StockLocation;
  readonly quantity?: number;
}
