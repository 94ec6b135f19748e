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
