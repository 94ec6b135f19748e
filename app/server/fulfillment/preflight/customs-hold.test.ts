import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "../order-text-render.server";
import db from "../../../db.server";
import { startWorld, type World } from "../test-world";
import { processFulfillmentRequests } from "../fulfillment-requests.server";
import { approveSupplierOrder } from "../order-actions.server";
import { CUSTOMS_HOLD, customsFixLinks, releaseCustomsHolds } from "./customs-hold.server";

let world: World;
beforeEach(async () => { world = await startWorld(); });
afterEach(async () => { await world.close(); });

const stateOf = async (id: string) => db.supplierOrder.findUniqueOrThrow({ where: { id } });
const setMapping = (data: Record<string, string | null>) => db.variantMapping.updateMany({ where: { shop: world.shop }, data });

/** An order accepted from Shopify and run through pre-flight like a worker would. */
async function order(address: Record<string, string> = {}) {
  world.placeOrder(address);
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain();
  const [row] = await world.supplierOrders();
  return row!;
}

describe("the EU customs pre-flight hold", () => {
  it("holds a German order whose product has no origin or EU responsible person, naming what is missing and how to fix it", async () => {
    await setMapping({ originCountry: null, gpsrResponsiblePerson: null });
    const row = await stateOf((await order()).id);
    expect(row).toMatchObject({ state: "needs_attention", reasonCode: CUSTOMS_HOLD });
    expect(renderOrderText(row.reasonMessage)).toMatch(/SR-SCARF: country of origin SR-SCARF: EU responsible person \(GPSR\)/);
    expect(renderOrderText(row.reasonMessage, "zh-CN")).toMatch(/SR-SCARF：原产国SR-SCARF：欧盟负责人（GPSR）/);
    expect(renderOrderText(row.fixHint)).toMatch(/Compliance section/);
    expect(world.sandbox.orderCount).toBe(0);
  });

  it("accepts an EU order without an HS code and holds it instead of refusing the request", async () => {
    await setMapping({ hsCode: null });
    const row = await stateOf((await order({ city: "Paris", zip: "75001", address1: "1 Rue de Rivoli", countryCode: "FR" })).id);
    expect(row).toMatchObject({ state: "needs_attention", reasonCode: CUSTOMS_HOLD });
    expect(renderOrderText(row.reasonMessage)).toMatch(/HS code/);
  });

  it("lets a US order through with the same gaps", async () => {
    await setMapping({ originCountry: null, gpsrResponsiblePerson: null });
    const row = await order({ city: "Springfield", province: "IL", zip: "62701", address1: "1 Main St", countryCode: "US" });
    expect((await stateOf(row.id)).state).toBe("placed");
  });

  it("releases the order when the data is saved and places it once, however often the save repeats", async () => {
    await setMapping({ gpsrResponsiblePerson: null });
    const row = await order();
    expect(await releaseCustomsHolds(world.shop)).toBe(0); // nothing fixed yet
    expect((await stateOf(row.id)).state).toBe("needs_attention");

    await setMapping({ gpsrResponsiblePerson: "EU Rep GmbH, Hauptstraße 1, 10115 Berlin" });
    const released = await Promise.all([releaseCustomsHolds(world.shop, [world.variantGid]), releaseCustomsHolds(world.shop)]);
    expect(released.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await releaseCustomsHolds(world.shop)).toBe(0);
    await world.drain();
    expect(await stateOf(row.id)).toMatchObject({ state: "placed", reasonCode: null, fixHint: null });
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("keeps holding while one field is still missing and shows what is left", async () => {
    await setMapping({ originCountry: null, gpsrResponsiblePerson: null });
    const row = await order();
    await setMapping({ originCountry: "CN" });
    expect(await releaseCustomsHolds(world.shop)).toBe(0);
    const now = await stateOf(row.id);
    expect(now.state).toBe("needs_attention");
    expect(renderOrderText(now.reasonMessage)).not.toMatch(/country of origin/);
    expect(renderOrderText(now.reasonMessage)).toMatch(/EU responsible person/);
  });

  it("sends the order anyway when the merchant approves it", async () => {
    await setMapping({ gpsrResponsiblePerson: null });
    const row = await order();
    expect(await approveSupplierOrder(world.shop, row.id)).toMatchObject({ ok: true });
    await world.drain();
    expect((await stateOf(row.id)).state).toBe("placed");
    expect(world.sandbox.orderCount).toBe(1);
  });

  it("links the held order to the import list page of each product that lacks data", async () => {
    await setMapping({ gpsrResponsiblePerson: null });
    const mapping = await db.variantMapping.findFirstOrThrow({ where: { shop: world.shop } });
    const item = await db.importItem.create({ data: { shop: world.shop, supplier: "sandbox", supplierProductId: mapping.supplierProductId, handle: "silk-scarf", productGid: mapping.productGid,
      status: "pushed", title: "Silk Scarf", descriptionHtml: "", images: [], variants: [], snapshot: {} } });
    const row = await stateOf((await order()).id);
    expect(await customsFixLinks(row)).toEqual([{ kind: "imported", title: "Silk Scarf", url: `/app/import-list/${item.id}` }]);
    expect(await customsFixLinks({ ...row, reasonCode: "MARGIN_BELOW_FLOOR" })).toEqual([]);
  });
});
