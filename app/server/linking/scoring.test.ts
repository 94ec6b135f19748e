import { describe, expect, it } from "vitest";
import type { SupplierProduct } from "../suppliers/supplier-adapter";
import { scoreProduct, titleSimilarity } from "./auto-match.server";
import { chooseWarehouse } from "./link.server";
import { marginBps } from "./supplier-offer.server";

function buildSupplierProduct(overrides: Partial<SupplierProduct> = {}): SupplierProduct {
  const variant = (id: string, sku: string, color: string) => ({ supplierVariantId: id, sku, options: { Color: color }, cost: { amount: 1200, currency: "CNY" }, weightGrams: 100, dimensions: null });
  return {
    supplierProductId: "P1", title: { en: "Insulated Steel Water Bottle 500ml" }, description: { en: "" }, categoryId: "home", images: [], options: [],
    variants: [variant("P1-01", "P1-RED", "Red"), variant("P1-02", "P1-BLUE", "Blue")], hsCode: "961700", originCountry: "CN",
    hazards: { battery: false, liquid: false, magnet: false, powder: false, source: "supplier" }, warehouses: ["CN-SZ"], ...overrides,
  };
}
const shopVariant = (o: { sku?: string | null; barcode?: string | null; title?: string; productTitle?: string } = {}) =>
  ({ id: "gid://shopify/ProductVariant/1", sku: o.sku ?? null, barcode: o.barcode ?? null, title: o.title ?? "Default Title", product: { title: o.productTitle ?? "Something unrelated" } });

describe("auto-match scoring", () => {
  it("is near-certain on an exact SKU, case and spaces aside, and slightly less on a barcode", () => {
    expect(scoreProduct(shopVariant({ sku: " p1-blue " }), buildSupplierProduct())).toEqual({ supplierVariantId: "P1-02", supplierSku: "P1-BLUE", confidence: 98, by: "sku" });
    expect(scoreProduct(shopVariant({ barcode: "P1-01" }), buildSupplierProduct())).toMatchObject({ supplierVariantId: "P1-01", confidence: 95, by: "barcode" });
  });

  it("scores a title match by the words it shares, picks the variant by its options, and never reaches a preselected 90", () => {
    const same = scoreProduct(shopVariant({ productTitle: "Insulated Steel Water Bottle 500ml", title: "Blue" }), buildSupplierProduct());
    expect(same).toMatchObject({ supplierVariantId: "P1-02", by: "title", confidence: 85 });
    const partial = scoreProduct(shopVariant({ productTitle: "Steel Water Bottle" }), buildSupplierProduct());
    expect(partial!.confidence).toBeGreaterThanOrEqual(40);
    expect(partial!.confidence).toBeLessThan(85);
    expect(scoreProduct(shopVariant({ productTitle: "Silk scarf" }), buildSupplierProduct())).toBeNull();
    expect(titleSimilarity("a b", "")).toBe(0);
  });
});

describe("linking arithmetic", () => {
  it("gives the margin in basis points of the price only when both are in one currency", () => {
    expect(marginBps({ amount: 2000, currency: "USD" }, { amount: 500, currency: "USD" })).toBe(7500);
    expect(marginBps({ amount: 2000, currency: "USD" }, { amount: 500, currency: "CNY" })).toBeNull();
    expect(marginBps(null, { amount: 500, currency: "USD" })).toBeNull();
  });

  it("serves a linked variant from the located warehouse with the most stock, Shenzhen when none is located", () => {
    const locations = new Map([["CN-SZ", "loc-sz"], ["CN-GZ", "loc-gz"]]);
    expect(chooseWarehouse({ "CN-SZ": 5, "CN-GZ": 40, US: 900 }, locations)).toEqual({ code: "CN-GZ", locationGid: "loc-gz" });
    expect(chooseWarehouse({ US: 900 }, locations)).toEqual({ code: "CN-SZ", locationGid: "loc-sz" });
  });
});
