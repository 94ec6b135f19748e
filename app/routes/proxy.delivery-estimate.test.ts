import { describe, expect, it } from "vitest";
import db from "../db.server";
import { appProxyRequest } from "../test/app-proxy";
import { routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { deliveryEstimate, estimateCacheSize, ESTIMATE_CACHE_ENTRIES } from "../server/extensions/delivery-estimate/estimate.server";
import { loader } from "./proxy.delivery-estimate";

const VARIANT = "880001";

async function shopWithMappedVariant(label: string) {
  const shop = uniqueShop(label);
  await seedInstalledShop(shop);
  await db.variantMapping.create({ data: {
    shop, productGid: "gid://shopify/Product/88", variantGid: `gid://shopify/ProductVariant/${VARIANT}`, supplier: "sandbox",
    supplierProductId: "P-88", supplierSku: "SB-BOTTLE", weightGrams: 350,
  } });
  return shop;
}

const query = (extra: Record<string, string> = {}) => ({ variant: VARIANT, country: "DE", currency: "EUR", price: "2490", grams: "350", ...extra });

async function status(promise: Promise<Response>): Promise<number> {
  try { return (await promise).status; } catch (thrown) { if (thrown instanceof Response) return thrown.status; throw thrown; }
}

describe("storefront delivery estimate through the app proxy", () => {
  it("answers a signed request with the warehouse country, the delivery window and the duty treatment", async () => {
    const shop = await shopWithMappedVariant("estimate");
    const response = await loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query())));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=300");
    const body = (await response.json()) as { minDate: string; maxDate: string };
    // €24.90 to Germany: the VAT is collected at checkout (EU IOSS), so nothing is left to pay on delivery.
    expect(body).toMatchObject({ available: true, warehouseCountry: "CN", duties: "none", dutiesDue: null });
    expect(body.minDate <= body.maxDate).toBe(true);
    expect(body.minDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it("names the duties due on delivery where the cheapest service leaves them to the buyer", async () => {
    const shop = await shopWithMappedVariant("estimate-us");
    const body = (await (await loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query({ country: "US", currency: "USD", price: "12000" }))))).json()) as { dutiesDue: { amountMinor: number } };
    // $120 into the US by post from China: no de minimis, so duty is owed; the amount is the engine's estimate.
    expect(body).toMatchObject({ available: true, warehouseCountry: "CN", duties: "due", dutiesDue: { currency: "USD", amountMinor: expect.any(Number) } });
    expect(body.dutiesDue.amountMinor).toBeGreaterThan(0);
  });

  it("says no estimate for a variant Silkroute does not supply", async () => {
    const shop = await shopWithMappedVariant("estimate-unmapped");
    const body = await (await loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query({ variant: "123" }))))).json();
    expect(body).toEqual({ available: false });
  });

  it("refuses a request without a signature, with a wrong one, with a changed parameter or an old timestamp", async () => {
    const shop = await shopWithMappedVariant("estimate-sig");
    const unsigned = new URL(appProxyRequest(shop, "/proxy/delivery-estimate", query()).url);
    unsigned.searchParams.delete("signature");
    expect(await status(loader(routeArgs(new Request(unsigned))))).toBe(400);
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query(), { secret: "not-the-app-secret" }))))).toBe(400);
    // Signed for one shop, sent for another: the shop comes only from signed parameters.
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query(), { tamper: { shop: uniqueShop("other") } }))))).toBe(400);
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query(), { tamper: { country: "US" } }))))).toBe(400);
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query(), { timestamp: Math.floor(Date.now() / 1000) - 3600 }))))).toBe(400);
  });

  it("accepts repeated parameters signed as Shopify joins them, and rejects malformed input", async () => {
    const shop = await shopWithMappedVariant("estimate-repeat");
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", { ...query(), extra: ["1", "2"] }))))).toBe(200);
    expect(await status(loader(routeArgs(appProxyRequest(shop, "/proxy/delivery-estimate", query({ country: "Germany" })))))).toBe(400);
  });

  it("answers a shop that has not installed the app with 404", async () => {
    expect(await status(loader(routeArgs(appProxyRequest(uniqueShop("never"), "/proxy/delivery-estimate", query()))))).toBe(404);
  });

  it("serves a repeated question from its bounded cache", async () => {
    const shop = await shopWithMappedVariant("estimate-cache");
    const now = new Date();
    const first = await deliveryEstimate(shop, { variant: VARIANT, country: "US", currency: "USD", price: 1999, grams: 200 }, now);
    const size = estimateCacheSize();
    const again = await deliveryEstimate(shop, { variant: VARIANT, country: "US", currency: "USD", price: 1999, grams: 200 }, now);
    expect(again).toBe(first);
    expect(estimateCacheSize()).toBe(size);
    expect(estimateCacheSize()).toBeLessThanOrEqual(ESTIMATE_CACHE_ENTRIES);
  });
});
