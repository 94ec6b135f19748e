// Bench shops: installed in the emulated Shopify, a Shenzhen warehouse location, one product mapped to a
// sandbox variant with stock, autopilot on. 50 orders per shop, so jobs meet the per-shop concurrency cap.
import crypto from "node:crypto";

export interface BenchShop { shop: string; variantGid: string }

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function createBenchShops(count: number, emulator: any, supplierVariant: { pid: string; vid: string; cost_fen: number }): Promise<BenchShop[]> {
  const { default: db } = await import("../../../app/db.server");
  const { AdminClient } = await import("../../../app/server/shopify/admin-client");
  const { ensureWarehouseServices } = await import("../../../app/server/fulfillment/warehouses.server");
  const { PRODUCT_SET } = await import("../../../app/emulator/test-builders");
  const { subscribeThroughShopify } = await import("../../../app/server/billing/test-support");
  const shops: BenchShop[] = [];
  for (let i = 0; i < count; i++) {
    const shop = `bench-${i}-${crypto.randomBytes(3).toString("hex")}.myshopify.com`;
    emulator.controls.createShop({ domain: shop, plan: "plus", currencyCode: "USD" });
    const { accessToken } = emulator.controls.installApp(shop);
    await db.shop.create({ data: { domain: shop } });
    await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken, scope: "write_fulfillments", expires: new Date(Date.now() + 864e5) } });
    const [wh] = await ensureWarehouseServices(new AdminClient({ shop, accessToken }), ["CN-SZ"]);
    // Autopilot without a monthly order cap is the Scale plan (ADR 1000).
    await subscribeThroughShopify(emulator, new AdminClient({ shop, accessToken }), "scale");
    const set = (await emulator.graphql(shop, PRODUCT_SET, { synchronous: true, input: { title: "Bench item", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "30.00", sku: "BENCH-1", inventoryQuantities: [{ locationId: wh!.locationGid, name: "available", quantity: 1_000_000 }] }] } })) as any;
    const product = set.data.productSet.product;
    await db.variantMapping.create({ data: { shop, productGid: product.id, variantGid: product.variants.nodes[0].id, supplier: "sandbox", supplierProductId: supplierVariant.pid, supplierSku: supplierVariant.vid, costMinor: supplierVariant.cost_fen, costCurrency: "CNY", hsCode: "621410",
      // Complete EU customs data, so orders to Berlin are not held by the customs pre-flight (customs-hold.server.ts).
      originCountry: "CN", gpsrResponsiblePerson: "EU Rep GmbH, Hauptstrasse 1, 10115 Berlin" } });
    await db.fulfillmentSettings.create({ data: { shop, mode: "auto", notifyCustomer: false } });
    shops.push({ shop, variantGid: product.variants.nodes[0].id });
  }
  return shops;
}
