import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { createInventoryItem, quantityOf } from "./inventory";
import { publicationFields } from "./publications";

export function slugify(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^\p{Letter}\p{Number}]+/gu, "-").replace(/^-+|-+$/g, "") || "product";
}

export function uniqueHandle(state: ShopState, wanted: string, self?: Rec): string {
  const taken = (h: string) => [...state.products.values()].some((p) => p !== self && p.handle === h);
  if (!taken(wanted)) return wanted;
  for (let i = 1; ; i++) if (!taken(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

export function newProduct(core: Core, state: ShopState): Rec {
  const now = isoAt(core.clock);
  const product: Rec = {
    __typename: "Product",
    id: core.ids.next("Product"),
    title: "",
    handle: "",
    status: "ACTIVE",
    vendor: state.shop.name,
    productType: "",
    descriptionHtml: "",
    tags: [],
    templateSuffix: null,
    giftCardTemplateSuffix: null,
    isGiftCard: false,
    requiresSellingPlan: false,
    createdAt: now,
    updatedAt: now,
    options: [] as Rec[],
    variants: [] as Rec[],
    media: [] as Rec[],
    metafields: [] as Rec[],
    collections: [] as Rec[],
    seo: { title: null, description: null },
    onlineStoreUrl: null,
    description: () => String(product.descriptionHtml).replace(/<[^>]*>/g, ""),
    totalInventory: () => product.variants.reduce((sum: number, v: Rec) => sum + v.inventoryQuantity(), 0),
    tracksInventory: () => product.variants.some((v: Rec) => v.inventoryItem.tracked),
    hasOnlyDefaultVariant: () => product.variants.length === 1 && product.variants[0].title === "Default Title",
    hasOutOfStockVariants: () => product.variants.some((v: Rec) => v.inventoryQuantity() <= 0),
    variantsCount: () => ({ count: product.variants.length, precision: "EXACT" }),
    mediaCount: () => ({ count: product.media.length, precision: "EXACT" }),
    featuredMedia: () => product.media[0] ?? null,
    priceRangeV2: () => priceRange(product, state.shop.currencyCode),
  };
  // Published nowhere until an app publishes it (publishablePublish); see domains/publications.ts.
  Object.assign(product, publicationFields(core, state, product));
  return register(state, product);
}

function priceRange(product: Rec, currencyCode: string): Rec {
  const prices = product.variants.map((v: Rec) => Number(v.price));
  const money = (n: number) => ({ amount: String(Number.isFinite(n) ? n : 0), currencyCode });
  return { minVariantPrice: money(Math.min(...prices, Infinity) === Infinity ? 0 : Math.min(...prices)), maxVariantPrice: money(prices.length ? Math.max(...prices) : 0) };
}

export function newVariant(core: Core, state: ShopState, product: Rec): Rec {
  const now = isoAt(core.clock);
  const variant: Rec = {
    __typename: "ProductVariant",
    id: core.ids.next("ProductVariant"),
    product,
    title: "Default Title",
    price: "0.00",
    compareAtPrice: null,
    barcode: null,
    position: 1,
    inventoryPolicy: "DENY",
    taxable: true,
    taxCode: null,
    availableForSale: true,
    requiresComponents: false,
    showUnitPrice: false,
    selectedOptions: [] as Rec[],
    metafields: [] as Rec[],
    media: [] as Rec[],
    createdAt: now,
    updatedAt: now,
    sku: () => variant.inventoryItem.sku,
    displayName: () => `${product.title} - ${variant.title}`,
    inventoryQuantity: () => [...variant.inventoryItem.levels.values()].reduce((s: number, l: Rec) => s + quantityOf(l, "available"), 0),
    sellableOnlineQuantity: () => variant.inventoryQuantity(),
  };
  variant.inventoryItem = createInventoryItem(core, state, variant);
  return register(state, variant);
}

export function newOption(core: Core, state: ShopState, product: Rec, name: string, position: number): Rec {
  const option: Rec = {
    __typename: "ProductOption",
    id: core.ids.next("ProductOption"),
    name,
    position,
    optionValues: [] as Rec[],
    values: () => option.optionValues.map((v: Rec) => v.name),
    linkedMetafield: null,
  };
  return register(state, option);
}

export function newOptionValue(core: Core, state: ShopState, product: Rec, option: Rec, name: string): Rec {
  const value: Rec = {
    __typename: "ProductOptionValue",
    id: core.ids.next("ProductOptionValue"),
    name,
    linkedMetafieldValue: null,
    swatch: null,
    hasVariants: () => product.variants.some((v: Rec) => v.selectedOptions.some((s: Rec) => s.optionValue === value)),
  };
  option.optionValues.push(value);
  return register(state, value);
}

export function newMediaImage(core: Core, state: ShopState, input: Rec): Rec {
  const now = isoAt(core.clock);
  const id = input.id && state.nodes.get(input.id) ? input.id : core.ids.next("MediaImage");
  const existing = state.nodes.get(id);
  if (existing) return existing;
  const url = input.originalSource ?? `https://cdn.shopify.invalid/${id.split("/").pop()}.jpg`;
  const media: Rec = {
    __typename: "MediaImage",
    id,
    alt: input.alt ?? null,
    mediaContentType: "IMAGE",
    status: "READY",
    fileStatus: "READY",
    mimeType: "image/jpeg",
    createdAt: now,
    updatedAt: now,
    originalSource: { url, fileSize: null },
    image: { __typename: "Image", id: id.replace("MediaImage", "ImageSource"), url, altText: input.alt ?? null, width: 1000, height: 1000 },
    preview: { image: { url, altText: input.alt ?? null, width: 1000, height: 1000 }, status: "READY" },
  };
  return register(state, media);
}
