import { describe, expect, it } from "vitest";
import { fetchShopInfo } from "../server/shopify/shop-info.server";
import { useShopifyEmulator } from "./emulator";

const shopify = useShopifyEmulator();

describe("the emulator test helper", () => {
  it("answers the app's Admin API calls for an emulated shop", async () => {
    const shop = shopify.createShop({ name: "Canal Street Goods", plan: "advanced", currencyCode: "EUR", ianaTimezone: "Europe/Amsterdam", address: { city: "Amsterdam", zip: "1012 JS", countryCode: "NL" } });
    const info = await fetchShopInfo(await shopify.adminClient(shop));
    expect(info).toEqual({
      name: "Canal Street Goods", currencyCode: "EUR", ianaTimezone: "Europe/Amsterdam", planName: "Advanced",
      isDevelopmentStore: false, isPlus: false, country: "NL",
    });
  });

  it("reports a development store as one", async () => {
    const info = await fetchShopInfo(await shopify.adminClient(shopify.createShop()));
    expect(info).toMatchObject({ isDevelopmentStore: true, currencyCode: "USD", country: "US" });
  });

  it("rejects Admin calls for a shop that never installed the app, as Shopify does", async () => {
    const shop = shopify.createShop();
    const response = await fetch(`https://${shop}/admin/api/2026-10/graphql.json`, {
      method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_guess" }, body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(401);
  });
});
