import { toDecimalString } from "../../money";
import { itemCompliance, type ImportItemView, type ImportVariant } from "../import-list/import-item-model";
import type { WarehouseLocations } from "../warehouse-locations.server";
import type { VariantQuote } from "../import-list/item-quotes";

export const MAPPING_NAMESPACE = "$app:silkroute";
export const MAPPING_KEY = "supplier_mapping";
/**
 * GPSR text has no Shopify field, so it goes to product metafields in a shop-owned namespace the theme can read
 * (`product.metafields.gpsr.responsible_person`): GPSR Art. 19 wants it shown with the listing, before purchase.
 */
export const GPSR_NAMESPACE = "gpsr";
const GPSR_KEYS = { gpsrResponsiblePerson: "responsible_person", gpsrManufacturer: "manufacturer", gpsrSafetyInfo: "safety_information" } as const;

export interface ProductSetPlan {
  input: Record<string, unknown>;
  identifier: { id: string } | { handle: string };
  /** The kept variants in input order, with the prices pushed, to map results back by SKU. */
  variants: Array<{ variant: ImportVariant; quote: VariantQuote }>;
}

const HS_CODE = /^\d{6,13}$/;

/** A new variant is stocked at every Silkroute warehouse location the supplier holds it in (hidden counts as 0). */
export function initialQuantities(variant: ImportVariant, locations: WarehouseLocations) {
  return Object.entries(variant.stock).flatMap(([code, quantity]) => {
    const locationId = locations.get(code);
    return locationId ? [{ locationId, name: "available", quantity: quantity ?? 0 }] : [];
  });
}

/** Image paths from the sandbox are app-relative; Shopify needs absolute URLs it can fetch. */
export function absoluteUrl(url: string, appUrl: string): string {
  return new URL(url, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

/**
 * One productSet for one import item. Keyed by the stored product GID when we have one, else by our own
 * handle, so a retry after a lost response or a crash updates the product it created. Variants the
 * mapping table already knows are stocked at our location and get their quantity by compare-and-swap
 * afterwards; new variants are stocked here (productSet can only set quantities where a variant is stocked).
 */
export function buildProductSetPlan(args: {
  item: ImportItemView;
  quotes: readonly VariantQuote[];
  locations: WarehouseLocations;
  appUrl: string;
  knownSkus: ReadonlySet<string>;
}): ProductSetPlan {
  const { item, quotes, locations, appUrl, knownSkus } = args;
  const kept = item.variants.flatMap((variant) => {
    const quote = quotes.find((q) => q.supplierVariantId === variant.supplierVariantId);
    return variant.keep && quote ? [{ variant, quote }] : [];
  });
  const optionNames = item.snapshot.options.map((o) => o.name).filter((name) => kept.some((k) => k.variant.options[name]));
  const productOptions = optionNames.length
    ? optionNames.map((name) => ({ name, values: [...new Set(kept.map((k) => k.variant.options[name]!))].map((value) => ({ name: value })) }))
    : [{ name: "Title", values: [{ name: "Default Title" }] }];
  const images = item.images.filter((i) => i.keep).map((i) => absoluteUrl(i.url, appUrl));
  const compliance = itemCompliance(item);
  const { hsCode, originCountry } = compliance;

  const variants = kept.map(({ variant, quote }) => ({
    optionValues: optionNames.length
      ? optionNames.map((optionName) => ({ optionName, name: variant.options[optionName]! }))
      : [{ optionName: "Title", name: "Default Title" }],
    sku: variant.sku,
    // Left out when unknown, so a barcode the merchant typed in Shopify is not wiped by a re-push.
    ...(variant.barcode ? { barcode: variant.barcode } : {}),
    price: toDecimalString(quote.price),
    compareAtPrice: quote.compareAt ? toDecimalString(quote.compareAt) : null,
    inventoryPolicy: "DENY",
    inventoryItem: {
      cost: toDecimalString(quote.cost),
      tracked: true,
      requiresShipping: true,
      ...(variant.weightGrams ? { measurement: { weight: { unit: "GRAMS", value: variant.weightGrams } } } : {}),
      ...(hsCode && HS_CODE.test(hsCode) ? { harmonizedSystemCode: hsCode } : {}),
      ...(originCountry ? { countryCodeOfOrigin: originCountry } : {}),
    },
    ...(knownSkus.has(variant.sku) ? {} : { inventoryQuantities: initialQuantities(variant, locations) }),
    ...(variant.imageUrl && images.includes(absoluteUrl(variant.imageUrl, appUrl)) ? { file: { originalSource: absoluteUrl(variant.imageUrl, appUrl), contentType: "IMAGE" } } : {}),
  }));

  const mapping = {
    supplier: item.supplier, supplierProductId: item.supplierProductId, importKey: item.handle,
    variants: kept.map(({ variant }) => ({ sku: variant.sku, supplierVariantId: variant.supplierVariantId })),
  };
  const input: Record<string, unknown> = {
    title: item.title,
    descriptionHtml: item.descriptionHtml,
    vendor: item.supplier === "sandbox" ? "Silkroute Sandbox" : item.supplier.toUpperCase(),
    productType: item.productType,
    tags: item.tags,
    status: "ACTIVE",
    productOptions,
    variants,
    files: images.map((url) => ({ originalSource: url, contentType: "IMAGE", alt: item.title })),
    metafields: [
      { namespace: MAPPING_NAMESPACE, key: MAPPING_KEY, type: "json", value: JSON.stringify(mapping) },
      ...Object.entries(GPSR_KEYS).flatMap(([field, key]) => {
        const value = compliance[field as keyof typeof GPSR_KEYS];
        return value ? [{ namespace: GPSR_NAMESPACE, key, type: "multi_line_text_field", value }] : [];
      }),
    ],
    ...(item.collections.length ? { collections: item.collections } : {}),
    ...(item.productGid ? {} : { handle: item.handle }),
  };
  return { input, identifier: item.productGid ? { id: item.productGid } : { handle: item.handle }, variants: kept };
}
