import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../fulfillment/order-text-render.server";
import db from "../../db.server";
import { action as notificationAction } from "../../routes/fulfillment-service.fulfillment_order_notification";
import { PRODUCT_SET } from "../../emulator/test-builders";
import { startWorld, type World } from "../fulfillment/test-world";
import { CUSTOMS_HOLD, customsFixLinks } from "../fulfillment/preflight/customs-hold.server";
import { saveSettings } from "../fulfillment/settings.server";
import { linkVariantToSupplier } from "./link.server";
import { saveLinkedCustomsData } from "./linked-customs.server";
import { translator } from "../../i18n/translate.server";
import { mappingsPageData } from "../sourcing/mapping/mappings-page.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

/** A product the merchant sold before installing Silkroute, linked to a sandbox SKU with stock in Shenzhen. */
async function linkedProduct() {
  const loc = (await world.emulator.graphql(world.shop, `{ location { id } }`) as { data: { location: { id: string } } }).data.location.id;
  const sku = `OWN-${Math.random().toString(36).slice(2, 7)}`;
  const r = await world.emulator.graphql(world.shop, PRODUCT_SET, {
    synchronous: true,
    input: { title: "Merchant's own mug", productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [{ optionValues: [{ optionName: "Title", name: "Default Title" }], price: "24.00", sku, inventoryQuantities: [{ locationId: loc, name: "available", quantity: 3 }] }] },
  }) as { data: { productSet: { product: { id: string; variants: { nodes: { id: string }[] } } } } };
  const product = r.data.productSet.product;
  const found = world.sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) > 50)!;
  const variantGid = product.variants.nodes[0]!.id;
  await linkVariantToSupplier(world.shop, world.admin, { variantGid, supplier: "sandbox", supplierProductId: found.p.pid, supplierVariantId: found.v.vid, fulfilVia: "silkroute_location" });
  return { productGid: product.id, variantGid, sku };
}

/** A German order for the linked product, accepted through the fulfillment-request notification and pre-flighted. */
async function germanOrder(variantGid: string) {
  world.emulator.controls.placeOrder(world.shop, { lines: [{ variantId: variantGid, quantity: 1 }],
    shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE", phone: "+4915112345678" } });
  await world.emulator.controls.settle();
  const n = world.notifications().at(-1)!;
  await notificationAction({ request: new Request(`${process.env.SHOPIFY_APP_URL}/fulfillment-service/fulfillment_order_notification`, { method: "POST", headers: n.headers, body: n.body }), params: {}, context: {} });
  await world.drain();
  const rows = await world.supplierOrders();
  return db.supplierOrder.findUniqueOrThrow({ where: { id: rows.at(-1)!.id } });
}

const mappingOf = (variantGid: string) => db.variantMapping.findUniqueOrThrow({ where: { shop_variantGid: { shop: world.shop, variantGid } } });
const entries = { hsCode: "6912.00", originCountry: "cn", gpsrResponsiblePerson: "EU Rep GmbH, Hauptstraße 1, 10115 Berlin, eu@rep.example" };

describe("customs data for linked products", () => {
  it("holds a linked product's EU order and points its fix to the Supplier mappings page, since it has no import list page", async () => {
    const { variantGid, sku } = await linkedProduct();
    const row = await germanOrder(variantGid);
    expect(row).toMatchObject({ state: "needs_attention", reasonCode: CUSTOMS_HOLD });
    expect(renderOrderText(row.reasonMessage)).toMatch(/EU responsible person/);
    expect(renderOrderText(row.fixHint)).toMatch(/Supplier mappings/);
    expect(renderOrderText(row.fixHint)).toMatch(/Orders → Settings/);
    expect(await customsFixLinks(row)).toEqual([{ kind: "linked", sku, url: `/app/mappings?${new URLSearchParams({ q: `sku:${sku}` })}` }]);
    expect(world.sandbox.orderCount).toBe(0);
    // The link's search finds the product, and the page offers its customs form with what linking copied.
    const page = await mappingsPageData(world.shop, world.admin, `sku:${sku}`, null);
    expect(page.products).toEqual([expect.objectContaining({ customs: expect.objectContaining({ gpsrResponsiblePerson: "" }) })]);
  });

  it("releases the held order once when customs data is saved on the mappings page, however often it is saved", async () => {
    const { productGid, variantGid } = await linkedProduct();
    const row = await germanOrder(variantGid);
    const first = await saveLinkedCustomsData(world.shop, productGid, entries);
    expect(first).toMatchObject({ ok: true, released: 1, message: "Customs data saved; 1 held order is on its way to the supplier.", detail: { key: "linking:customsResult.saved", values: { released: 1 } } });
    expect(await saveLinkedCustomsData(world.shop, productGid, entries)).toMatchObject({ ok: true, released: 0 });
    await world.drain();
    expect(await mappingOf(variantGid)).toMatchObject({ hsCode: "691200", originCountry: "CN", gpsrResponsiblePerson: entries.gpsrResponsiblePerson });
    expect(await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "placed", reasonCode: null });
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("lets the shop's default EU responsible person complete the data, and saving it releases the held order", async () => {
    const { productGid, variantGid } = await linkedProduct();
    await saveLinkedCustomsData(world.shop, productGid, { ...entries, gpsrResponsiblePerson: "" });
    const row = await germanOrder(variantGid);
    expect(row).toMatchObject({ state: "needs_attention", reasonCode: CUSTOMS_HOLD });
    expect(row.reasonMessage).not.toMatch(/HS code|country of origin/);

    expect(await saveSettings(world.shop, { mode: "auto", maxSupplierCost: "", marginFloorPercent: "", cnyRateOverride: "", notifyCustomer: "on", gpsrResponsiblePerson: "  Shop Rep SARL, 1 Rue de Rivoli, Paris  " })).toEqual({ ok: true });
    expect((await db.fulfillmentSettings.findUniqueOrThrow({ where: { shop: world.shop } })).gpsrResponsiblePerson).toBe("Shop Rep SARL, 1 Rue de Rivoli, Paris");
    await world.drain();
    expect(await db.supplierOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "placed" });
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("refuses a bad HS code or origin with a catalog message naming the field, saves nothing and hands every entry back", async () => {
    const { productGid, variantGid } = await linkedProduct();
    const before = await mappingOf(variantGid);
    const badHs = { ...entries, hsCode: "69A" };
    expect(await saveLinkedCustomsData(world.shop, productGid, badHs)).toEqual({ ok: false, field: "hsCode", message: expect.stringMatching(/6 to 10 digits/), detail: { key: "import-item:errors.hsCode" }, values: badHs });
    const badOrigin = { ...entries, originCountry: "China" };
    expect(await saveLinkedCustomsData(world.shop, productGid, badOrigin)).toEqual({ ok: false, field: "originCountry", message: expect.stringMatching(/"CHINA" is not an ISO 3166 country code/),
      detail: { key: "import-item:errors.originCountry", values: { code: "CHINA" } }, values: badOrigin });
    // What the mappings page shows a Chinese-speaking merchant.
    expect(translator("zh-CN")({ key: "import-item:errors.originCountry", values: { code: "CHINA" } })).not.toMatch(/ISO 3166 country code/);
    expect(await mappingOf(variantGid)).toMatchObject({ hsCode: before.hsCode, originCountry: before.originCountry, gpsrResponsiblePerson: before.gpsrResponsiblePerson });
  });
});
