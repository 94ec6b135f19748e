// The emulator's catalog in CJ's own shapes (product/query, listV2, stock/queryByVid field tables in cj-contract.json),
// derived from the seeded sandbox generator so runs are repeatable and nothing large is committed.
import { createHash } from "node:crypto";
import { generateCatalog } from "../../sandbox/catalog/catalog-generator";
import type { SandboxProductRecord } from "../../sandbox/catalog/catalog-types";

export interface CjCategory { readonly id: string; readonly names: readonly [one: string, two: string, three: string] }

/** CJ's three-level category tree (listV2 oneCategoryName / twoCategoryName / threeCategoryName; categoryId is level 3). */
const CATEGORY_NAMES: Record<string, readonly [string, string, string]> = {
  "phone-accessories": ["Consumer Electronics", "Mobile Phone Accessories", "Phone Accessories"],
  beauty: ["Health, Beauty & Hair", "Makeup", "Beauty Essentials"],
  apparel: ["Women's Clothing", "Tops & Sets", "Hoodies & Sweatshirts"],
  "home-kitchen": ["Home & Garden, Furniture", "Kitchen, Dining & Bar", "Kitchen Tools"],
  outdoor: ["Sports & Outdoors", "Camping & Hiking", "Camping Gear"],
  toys: ["Toys, Kids & Babies", "Toys", "Educational Toys"],
};

/** CJ reports warehouses by country (stock/queryByVid areaId/areaEn/countryCode). */
export const CJ_AREAS: Record<string, { areaId: string; areaEn: string }> = {
  CN: { areaId: "1", areaEn: "China Warehouse" },
  US: { areaId: "2", areaEn: "US Warehouse" },
  DE: { areaId: "3", areaEn: "Germany Warehouse" },
  GB: { areaId: "4", areaEn: "UK Warehouse" },
};
const COUNTRY_OF_WAREHOUSE = (w: string) => (w.startsWith("CN-") ? "CN" : w === "UK" ? "GB" : w);
const CNY_PER_USD = 7.2;

export interface CjVariant {
  vid: string; pid: string; variantNameEn: string; variantSku: string; variantKey: string; variantImage: string;
  variantLength: number; variantWidth: number; variantHeight: number; variantWeight: number; variantSellPriceCents: number;
  /** Country → units; mutable so orders deduct and STOCK webhooks report changes. */
  stock: Record<string, number>;
}

export interface CjProduct {
  pid: string; productNameEn: string; productNameZh: string; productSku: string; productImage: string; description: string;
  category: CjCategory; entryCode: string; productKeyEn: string; productProEnSet: string[]; createdAt: number;
  listedNum: number; variants: CjVariant[];
}

function uuidFrom(text: string): string {
  const h = createHash("sha1").update(text).digest("hex").toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
/** CJ's newer vids are 19-digit numbers ("1392053744945991680" in the getOrderDetail example). */
function numericIdFrom(text: string): string {
  const h = createHash("sha1").update(text).digest();
  return `1${(h.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, "0")}`;
}

export const categoryFor = (sandboxCategory: string): CjCategory => {
  const names = CATEGORY_NAMES[sandboxCategory] ?? ["Other", "Other", "Other"];
  return { id: uuidFrom(`category:${names.join("/")}`), names };
};

function toCjProduct(p: SandboxProductRecord, seed: number, imageBase: string): CjProduct {
  const pid = uuidFrom(`product:${seed}:${p.pid}`);
  const productSku = `CJ${p.category.slice(0, 4).toUpperCase()}${p.pid.slice(3)}`;
  const optionNames = p.options.map((o) => o.name);
  const props = [p.hazards.battery && "ELECTRIFIED", p.hazards.liquid && "LIQUID", p.hazards.magnet && "MAGNETIC", p.hazards.powder && "POWDER"].filter(Boolean) as string[];
  return {
    pid, productNameEn: p.title_en, productNameZh: p.title_zh, productSku,
    productImage: imageBase + p.images[0], description: `<p>${p.desc_en}</p>`, category: categoryFor(p.category),
    entryCode: `${p.hs_code}0000`.slice(0, 10), productKeyEn: optionNames.join("-"),
    productProEnSet: props.length ? props : ["COMMON"], createdAt: Date.parse(p.listed_at), listedNum: p.popularity,
    variants: p.variants.map((v) => {
      const key = optionNames.map((n) => (v.specs[n] ?? "").replaceAll("-", " ")).join("-");
      const stock: Record<string, number> = {};
      for (const [w, n] of Object.entries(v.stock)) stock[COUNTRY_OF_WAREHOUSE(w)] = (stock[COUNTRY_OF_WAREHOUSE(w)] ?? 0) + n;
      return {
        vid: numericIdFrom(`variant:${seed}:${v.vid}`), pid, variantNameEn: `${p.title_en} ${key}`.trim(),
        variantSku: `${productSku}-${key.replace(/[^A-Za-z0-9]+/g, "")}`, variantKey: key, variantImage: imageBase + v.image,
        variantLength: v.dims_mm[0], variantWidth: v.dims_mm[1], variantHeight: v.dims_mm[2], variantWeight: v.weight_g,
        variantSellPriceCents: Math.max(1, Math.round(v.cost_fen / CNY_PER_USD)), stock,
      };
    }),
  };
}

// Images stay on the app's own /sandbox/images (offline); CJ itself serves absolute CDN URLs.
export function createCjCatalog(seed: number, count: number, imageBase = "") {
  const products = generateCatalog(seed, count).map((p) => toCjProduct(p, seed, imageBase));
  const byPid = new Map(products.map((p) => [p.pid, p]));
  const bySku = new Map(products.map((p) => [p.productSku, p]));
  const variants = new Map(products.flatMap((p) => p.variants.map((v) => [v.vid, { product: p, variant: v }] as const)));
  const variantsBySku = new Map(products.flatMap((p) => p.variants.map((v) => [v.variantSku, { product: p, variant: v }] as const)));
  return {
    products,
    categories: [...new Map(products.map((p) => [p.category.id, p.category])).values()],
    product: (pid: string) => byPid.get(pid),
    productBySku: (sku: string) => bySku.get(sku) ?? variantsBySku.get(sku)?.product,
    variant: (vid: string) => variants.get(vid),
    variantBySku: (sku: string) => variantsBySku.get(sku),
  };
}

export type CjCatalog = ReturnType<typeof createCjCatalog>;
export const usd = (cents: number) => Math.round(cents) / 100;
