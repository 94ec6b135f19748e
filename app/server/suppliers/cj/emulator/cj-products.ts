// Product endpoints in CJ's shapes: cj-contract.json "productListV2", "productQuery", "variantQuery",
// "variantQueryByVid", "stockQueryByVid" (https://developers.cjdropshipping.com/en/api/api2/api/product.html 1.2, 1.3,
// 2.1, 2.2, 3.1). Money USD, weight grams, sizes millimetres (contract "units").
import { createHash } from "node:crypto";
import { CJ_AREAS, usd, type CjCatalog, type CjCategory, type CjProduct, type CjVariant } from "./cj-catalog";
import { CjApiError, invalid, missing } from "./cj-envelope";

function intParam(params: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(name, `must be between ${min} and ${max}`);
  return n;
}

const total = (v: CjVariant) => Object.values(v.stock).reduce((a, b) => a + b, 0);
const minPrice = (p: CjProduct) => Math.min(...p.variants.map((v) => v.variantSellPriceCents));

export function listV2(catalog: CjCatalog, params: URLSearchParams) {
  const page = intParam(params, "page", 1, 1, 1000);
  const size = intParam(params, "size", 10, 1, 100);
  const words = (params.get("keyWord") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const countries = (params.get("countryCode") ?? "").split(",").map((c) => c.trim()).filter(Boolean);
  const categoryId = params.get("categoryId");
  const start = params.get("startSellPrice"), end = params.get("endSellPrice");
  let items = catalog.products.filter((p) =>
    words.every((w) => `${p.productNameEn} ${p.productNameZh} ${p.category.names.join(" ")}`.toLowerCase().includes(w))
    && (!categoryId || p.category.id === categoryId)
    && countries.every((c) => p.variants.some((v) => (v.stock[c] ?? 0) > 0))
    && (!start || minPrice(p) >= Math.round(Number(start) * 100))
    && (!end || minPrice(p) <= Math.round(Number(end) * 100)));
  const orderBy = params.get("orderBy") ?? "0";
  const dir = params.get("sort") === "asc" ? 1 : -1; // "desc(default)"
  if (orderBy === "2") items = [...items].sort((a, b) => dir * (minPrice(a) - minPrice(b)));
  else if (orderBy === "3") items = [...items].sort((a, b) => dir * (a.createdAt - b.createdAt));
  else if (orderBy === "1") items = [...items].sort((a, b) => dir * (a.listedNum - b.listedNum));
  const slice = items.slice((page - 1) * size, page * size);
  return {
    pageSize: size, pageNumber: page, totalRecords: items.length, totalPages: Math.ceil(items.length / size),
    content: [{
      productList: slice.map((p) => ({
        id: p.pid, nameEn: p.productNameEn, sku: p.productSku, spu: p.productSku, bigImage: p.productImage,
        sellPrice: usd(minPrice(p)).toFixed(2), nowPrice: usd(minPrice(p)).toFixed(2), listedNum: p.listedNum,
        categoryId: p.category.id, threeCategoryName: p.category.names[2], twoCategoryName: p.category.names[1], oneCategoryName: p.category.names[0],
        addMarkStatus: 0, isVideo: 0, videoList: [], productType: "ORDINARY_PRODUCT", supplierName: "", createAt: p.createdAt,
        warehouseInventoryNum: p.variants.reduce((n, v) => n + total(v), 0),
        totalVerifiedInventory: p.variants.reduce((n, v) => n + total(v), 0), totalUnVerifiedInventory: 0, verifiedWarehouse: 1,
      })),
      relatedCategoryList: [], keyWord: params.get("keyWord") ?? "", keyWordOld: params.get("keyWord") ?? "",
    }],
  };
}

function inventories(v: CjVariant) {
  return Object.entries(v.stock).map(([countryCode, n]) => ({ countryCode, totalInventory: n, cjInventory: n, factoryInventory: 0,
    verifiedWarehouse: 1, stock: [] }));
}

export function variantWire(v: CjVariant, withInventory: boolean) {
  return {
    vid: v.vid, pid: v.pid, variantName: null, variantNameEn: v.variantNameEn, variantSku: v.variantSku, variantImage: v.variantImage,
    variantUnit: null, variantProperty: null, variantKey: v.variantKey, variantLength: v.variantLength, variantWidth: v.variantWidth,
    variantHeight: v.variantHeight, variantVolume: v.variantLength * v.variantWidth * v.variantHeight, variantWeight: v.variantWeight,
    variantSellPrice: usd(v.variantSellPriceCents), createTime: null,
    variantStandard: `long=${v.variantLength},width=${v.variantWidth},height=${v.variantHeight}`,
    ...(withInventory ? { inventories: inventories(v) } : {}),
  };
}

function productFrom(catalog: CjCatalog, params: URLSearchParams): CjProduct {
  const pid = params.get("pid"), productSku = params.get("productSku"), variantSku = params.get("variantSku");
  if (!pid && !productSku && !variantSku) throw missing("pid");
  const p = pid ? catalog.product(pid) : productSku ? catalog.productBySku(productSku) : catalog.variantBySku(variantSku!)?.product;
  if (!p) throw new CjApiError(1602001);
  return p;
}

export function productQuery(catalog: CjCatalog, params: URLSearchParams) {
  const p = productFrom(catalog, params);
  const country = params.get("countryCode");
  const grams = Math.max(...p.variants.map((v) => v.variantWeight));
  return {
    pid: p.pid, productName: JSON.stringify([p.productNameZh]), productNameEn: p.productNameEn, productSku: p.productSku,
    productImage: p.productImage, productWeight: `${grams}.0`, productUnit: "unit(s)", productType: "ORDINARY_PRODUCT",
    categoryId: p.category.id, categoryName: p.category.names.join(" / "), entryCode: p.entryCode, entryName: "", entryNameEn: "",
    materialName: "[]", materialNameEn: "[]", packingWeight: `${grams + 20}.0`, productKey: JSON.stringify([p.productKeyEn]),
    productKeyEn: p.productKeyEn, productProSet: p.productProEnSet, productProEnSet: p.productProEnSet, sellPrice: usd(minPrice(p)),
    description: p.description, suggestSellPrice: "", listedNum: p.listedNum, status: "3", supplierName: "", supplierId: "",
    variants: p.variants.filter((v) => !country || (v.stock[country] ?? 0) > 0).map((v) => variantWire(v, true)),
    createrTime: new Date(p.createdAt).toISOString(),
  };
}

export function variantQuery(catalog: CjCatalog, params: URLSearchParams) {
  const country = params.get("countryCode");
  return productFrom(catalog, params).variants.filter((v) => !country || (v.stock[country] ?? 0) > 0).map((v) => variantWire(v, false));
}

export function variantByVid(catalog: CjCatalog, params: URLSearchParams) {
  const vid = params.get("vid");
  if (!vid) throw missing("vid");
  const found = catalog.variant(vid);
  if (!found) throw new CjApiError(1602000);
  return variantWire(found.variant, params.get("features") === "enable_inventory");
}

/** One row per warehouse country (storageNum kept beside its replacement totalInventoryNum, as the example shows). */
export function stockByVid(catalog: CjCatalog, params: URLSearchParams) {
  const vid = params.get("vid");
  if (!vid) throw missing("vid");
  const found = catalog.variant(vid);
  if (!found) throw new CjApiError(1602000);
  return stockRows(found.variant);
}

export function stockRows(v: CjVariant) {
  return Object.entries(v.stock).map(([countryCode, n]) => ({
    vid: v.vid, areaId: CJ_AREAS[countryCode]?.areaId ?? "0", areaEn: CJ_AREAS[countryCode]?.areaEn ?? `${countryCode} Warehouse`,
    countryCode, storageNum: n, totalInventoryNum: n, cjInventoryNum: n, factoryInventoryNum: 0, stock: [],
  }));
}

const levelId = (names: readonly string[]) => createHash("sha1").update(names.join("/")).digest("hex").slice(0, 32).toUpperCase();

export function categoryTree(categories: readonly CjCategory[]) {
  const first = new Map<string, Map<string, CjCategory[]>>();
  for (const c of categories) {
    const seconds = first.get(c.names[0]) ?? new Map<string, CjCategory[]>();
    seconds.set(c.names[1], [...(seconds.get(c.names[1]) ?? []), c]);
    first.set(c.names[0], seconds);
  }
  return [...first].map(([one, seconds]) => ({
    categoryFirstId: levelId([one]), categoryFirstName: one,
    categoryFirstList: [...seconds].map(([two, thirds]) => ({
      categorySecondId: levelId([one, two]), categorySecondName: two,
      categorySecondList: thirds.map((t) => ({ categoryId: t.id, categoryName: t.names[2] })),
    })),
  }));
}
