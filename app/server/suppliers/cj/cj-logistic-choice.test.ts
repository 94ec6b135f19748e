import { englishText } from "../../../i18n/english";
import { orderText } from "../../fulfillment/order-text";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { processFulfillmentRequests } from "../../fulfillment/fulfillment-requests.server";
import { saveLogisticMapping } from "../../fulfillment/logistic-choice.server";
import { supplierOrderDetail } from "../../fulfillment/orders-view.server";
import { useSupplierAdapters } from "../../fulfillment/supplier-gateway.server";
import { startWorld, type World } from "../../fulfillment/test-world";
import { startCj } from "./cj.fixture";

// The buyer's checkout service travels to CJ: Shopify's FulfillmentOrder.deliveryMethod carries the rate's service
// code and name, the merchant maps Silkroute codes to CJ logistic names, and CJ's cheapest quote is the fallback.
let world: World;
let cj: Awaited<ReturnType<typeof startCj>>;
const EXPRESS = { title: "Silkroute Express (3–7 days)", code: "SR-EXPRESS", price: "19.00", source: "silkroute" };

beforeEach(async () => {
  world = await startWorld();
  cj = await startCj();
  useSupplierAdapters(async () => cj.adapter);
  const { product, variant } = cj.variantIn("CN");
  await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { supplier: "cj", supplierProductId: product.pid, supplierSku: variant.vid,
    costMinor: variant.variantSellPriceCents, costCurrency: "USD", stock: { CN: 500 } } });
});
afterEach(async () => {
  await cj.close();
  await world.close();
});

async function buyerPicks(shippingLine?: typeof EXPRESS) {
  world.placeOrder({ province: "Berlin" }, 1, shippingLine);
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  const row = (await world.supplierOrders()).at(-1)!;
  return { row, cjOrder: [...cj.emulator.orders.orders.values()].at(-1)! };
}

describe("the CJ logistic follows the buyer's checkout choice", () => {
  it("sends the CJ logistic the merchant mapped to the express service the buyer picked", async () => {
    expect(await saveLogisticMapping(world.shop, "cj", { serviceCode: "SR-EXPRESS", logisticName: "DHL Official", fromCountry: "CN", toCountry: "DE" })).toEqual({ ok: true });
    const { row, cjOrder } = await buyerPicks(EXPRESS);
    expect(row).toMatchObject({ state: "placed", buyerServiceCode: "SR-EXPRESS", buyerServiceName: EXPRESS.title, logisticName: "DHL Official", logisticBasis: "mapping" });
    expect(cjOrder.logisticName).toBe("DHL Official");
    const detail = await supplierOrderDetail(world.shop, row.id);
    expect(detail!.order.logistic).toEqual({ name: "DHL Official", basis: "mapping" }); // the page words the basis
  });

  it("sends CJ's service of the same name when the buyer's unmapped choice is one CJ offers on the route", async () => {
    const { row, cjOrder } = await buyerPicks({ ...EXPRESS, title: "CJPacket Sensitive", code: "cj-sensitive" });
    expect(row).toMatchObject({ state: "placed", logisticName: "CJPacket Sensitive", logisticBasis: "buyer" });
    expect(cjOrder.logisticName).toBe("CJPacket Sensitive");
  });

  it("falls back to CJ's cheapest quote when the buyer's service is unmapped and not a CJ service", async () => {
    const { row, cjOrder } = await buyerPicks(EXPRESS);
    expect(row).toMatchObject({ state: "placed", buyerServiceCode: "SR-EXPRESS", logisticName: "CJPacket Ordinary", logisticBasis: "cheapest" });
    expect(cjOrder.logisticName).toBe("CJPacket Ordinary");
    const events = await db.supplierOrderEvent.findMany({ where: { supplierOrderId: row.id } });
    const sentences = events.map((e) => orderText(e.message).map(englishText).join(" "));
    expect(sentences).toContain("Shipping method sent: CJPacket Ordinary (the supplier's cheapest quote for the route).");
  });

  it("refuses a mapping to a logistic CJ does not offer on the route, naming what CJ does offer", async () => {
    const refused = await saveLogisticMapping(world.shop, "cj", { serviceCode: "SR-EXPRESS", logisticName: "USPS+", fromCountry: "CN", toCountry: "DE" });
    expect(refused).toEqual({ ok: false, message: 'The supplier does not offer "USPS+" from CN to DE. It offers: CJPacket Ordinary, CJPacket Sensitive, DHL Official.' });
    expect(await db.supplierLogisticMapping.count({ where: { shop: world.shop } })).toBe(0);
  });
});
