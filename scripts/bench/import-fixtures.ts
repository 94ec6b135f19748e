// Synthetic import items for scripts/bench/import.ts: N variants each, stock in two China warehouses.
const COLOURS = ["Red", "Blue", "Green", "Black", "White", "Grey", "Pink", "Navy", "Beige", "Olive"];

export function buildBenchImportItem(shop: string, n: number, variantCount: number) {
  const colours = COLOURS.slice(0, Math.min(variantCount, COLOURS.length));
  const id = `BENCH${String(n).padStart(6, "0")}`;
  return {
    shop, supplier: "sandbox", supplierProductId: id, handle: `bench-tee-${n}-sandbox-${id.toLowerCase()}`, title: `Bench tee ${n}`,
    descriptionHtml: "<p>Cotton tee</p>", tags: "bench", productType: "T-shirts",
    images: [{ url: "/sandbox/images/apparel-red.svg", keep: true }],
    variants: colours.map((colour, i) => ({
      supplierVariantId: `${id}-${i}`, sku: `${id}-${colour.toUpperCase()}`, options: { Color: colour }, cost: { amount: 2_000 + (n % 500), currency: "CNY" },
      weightGrams: 180, dims: null, stock: { "CN-SZ": 40 + i, "CN-GZ": 10 }, keep: true, priceOverride: null,
    })),
    snapshot: {
      titleZh: null, categoryId: "apparel", options: [{ name: "Color", values: colours }], hsCode: "610910", originCountry: "CN",
      hazards: { battery: false, liquid: false, magnet: false, powder: false, source: "supplier" }, warehouses: ["CN-SZ", "CN-GZ"],
    },
  };
}
