import { money } from "../../money";
import { message } from "../../../i18n/message";
import type { SupplierCode } from "../../suppliers/supplier-models";
import { quoteVariant } from "../import-list/item-quotes";
import { stockByWarehouse } from "../import-list/import-list.server";
import { appliedRate, loadPricingContext } from "../pricing/pricing-context.server";
import { adapterFor } from "../supplier-connections.server";
import db from "../../../db.server";

/** The product page: variants with specs, stock per warehouse, cost, estimated landed cost and margin at the shop's rules. */
export async function productDetail(shop: string, supplier: SupplierCode, supplierProductId: string, destination: string | null) {
  const adapter = await adapterFor(shop, supplier);
  const detail = await adapter.getProduct(supplierProductId);
  // The supplier's own words stay as they are, inside a sentence in the merchant's language.
  if (!detail.ok) return { ok: false as const, error: message("product:supplierError", { detail: detail.error.message }) };
  const product = detail.value;
  const [stock, pricing, staged] = await Promise.all([
    stockByWarehouse(adapter, product),
    loadPricingContext(shop, destination),
    db.importItem.findUnique({ where: { shop_supplier_supplierProductId: { shop, supplier, supplierProductId } }, select: { id: true } }),
  ]);
  const flags = { battery: product.hazards.battery, liquid: product.hazards.liquid, magnet: product.hazards.magnet, powder: product.hazards.powder };
  const variants = product.variants.map((v) => {
    const q = quoteVariant(pricing, { supplierVariantId: v.supplierVariantId, cost: v.cost, weightGrams: v.weightGrams, priceOverride: null }, flags,
      { hsCode: product.hsCode, originCountry: product.originCountry });
    const e = q.shippingEstimate;
    // Landed-cost pricing counts the carrier part plus duty and fees; otherwise the checkout rate as quoted.
    const landed = q.cost.amount + (e ? (pricing.rules.includeDuties ? e.shipping.amount + e.duties.amount : e.amount.amount) : 0);
    // Money stays in minor units: the page formats it in the merchant's locale.
    return {
      id: v.supplierVariantId, sku: v.sku, specs: Object.entries(v.options).map(([k, val]) => `${k}: ${val}`).join(" · "),
      weightGrams: v.weightGrams, dims: v.dimensions ? `${v.dimensions.lengthMm}×${v.dimensions.widthMm}×${v.dimensions.heightMm} mm` : null,
      stock: stock.get(v.supplierVariantId) ?? {}, supplierCost: v.cost, cost: q.cost,
      shipping: e ? { amount: e.amount, service: e.service, minDays: e.minDays, maxDays: e.maxDays } : null,
      landed: money(landed, q.cost.currency), price: q.price,
      components: { cost: q.cost, shipping: e ? e.shipping : null, duties: e ? e.duties : null, dutiesEstimated: e?.dutiesEstimated ?? false, dutiesInPrice: pricing.rules.includeDuties },
      compareAt: q.compareAt, margin: q.margin, marginBps: q.marginBps,
    };
  });
  return {
    ok: true as const, importItemId: staged?.id ?? null, destination,
    product: {
      id: product.supplierProductId, title: product.title.en, titleZh: product.title.zh ?? null, description: product.description.en,
      images: [...product.images], hsCode: product.hsCode, originCountry: product.originCountry, warehouses: [...product.warehouses],
      hazards: Object.entries(flags).filter(([, on]) => on).map(([k]) => k),
    },
    rate: appliedRate(pricing, product.variants[0]?.cost.currency ?? "CNY"),
    variants,
  };
}
