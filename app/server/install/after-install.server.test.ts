import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { useShopifyEmulator } from "../../test/emulator";
import { completeInstall } from "./after-install.server";

const shopify = useShopifyEmulator();

describe("after install", () => {
  it("records the shop's plan and currency and registers one fulfillment service per warehouse", async () => {
    const shop = shopify.createShop({ plan: "advanced", currencyCode: "EUR" });
    await shopify.installApp(shop);
    await completeInstall(shop);
    expect(await db.shop.findUniqueOrThrow({ where: { domain: shop } })).toMatchObject({ planName: "Advanced", currencyCode: "EUR" });
    const warehouses = await db.fulfillmentWarehouse.findMany({ where: { shop }, orderBy: { code: "asc" } });
    expect(warehouses.map((w) => w.code)).toEqual(["CN-GZ", "CN-SZ", "CN-YW"]);
  });

  it("turns tracking support off on a Silkroute service registered with it, and leaves other apps' services alone", async () => {
    const shop = shopify.createShop();
    await shopify.installApp(shop);
    const admin = await shopify.adminClient(shop);
    const create = `mutation($name: String!) { fulfillmentServiceCreate(name: $name, callbackUrl: "https://silkroute.example/fulfillment-service", trackingSupport: true) { fulfillmentService { id location { id } } } }`;
    const old = (await admin.request(create, { name: "Silkroute Shenzhen" })) as { fulfillmentServiceCreate: { fulfillmentService: { id: string; location: { id: string } } } };
    const other = (await admin.request(create, { name: "Another app's warehouse" })) as typeof old;
    const service = old.fulfillmentServiceCreate.fulfillmentService;
    await db.fulfillmentWarehouse.create({ data: { shop, code: "CN-SZ", serviceGid: service.id, locationGid: service.location.id } });
    await completeInstall(shop);
    const services = (await admin.request(`{ shop { fulfillmentServices { id trackingSupport } } }`)) as { shop: { fulfillmentServices: Array<{ id: string; trackingSupport: boolean }> } };
    const tracking = new Map(services.shop.fulfillmentServices.map((s) => [s.id, s.trackingSupport]));
    expect(tracking.get(service.id)).toBe(false);
    expect(tracking.get(other.fulfillmentServiceCreate.fulfillmentService.id)).toBe(true);
    await completeInstall(shop);
    expect(shopify.requests.filter((r) => r.body.includes("fulfillmentServiceUpdate") && r.url.includes(shop))).toHaveLength(1);
  });

  it("creates nothing twice when it runs again", async () => {
    const shop = shopify.createShop();
    await shopify.installApp(shop);
    await completeInstall(shop);
    await completeInstall(shop);
    const services = shopify.requests.filter((r) => r.body.includes("fulfillmentServiceCreate") && r.url.includes(shop));
    expect(services).toHaveLength(3);
    expect(await db.fulfillmentWarehouse.count({ where: { shop } })).toBe(3);
  });
});
