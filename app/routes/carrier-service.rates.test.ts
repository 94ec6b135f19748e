import { afterAll, describe, expect, it, vi } from "vitest";
import db from "../db.server";
import { seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { buildRateItem, buildRatePayload, seedVariantMapping, signedRateRequest } from "../server/shipping/carrier-service/test-builders";
import { clearInstalledShopCache, installedShopCacheSize } from "../server/shipping/carrier-service/authenticate.server";
import { checkoutReads } from "../server/shipping/carrier-service/checkout-reads.server";
import { existingQuotesFor } from "../server/shipping/carrier-service/quote-cache";
import { mappingStore } from "../server/shipping/mapping-cache.server";
import { loadedShopRateContext } from "../server/shipping/shop-rate-context.server";
import { action, loader } from "./carrier-service.rates";
import { pinWallClock, yesterdayAtUtc } from "../test/wall-clock";

// 10:00 UTC on yesterday's date (a fixed date would age past the retention windows), hours from every sample
// warehouse's cut-off (04:00-07:00 UTC in China, 13:00 Frankfurt,
// 15:00 Birmingham, 21:00 Los Angeles), where delivery dates move: a run across 07:00 UTC compared
// a cart's first answer from before 07:00 with its repeats from after.
pinWallClock(yesterdayAtUtc("10:00"));

const shops: string[] = [];
async function installedShop(label: string) {
  const shop = uniqueShop(label);
  shops.push(shop);
  await seedInstalledShop(shop);
  return shop;
}

const call = async (request: Request) => {
  const response = await action({ request, params: {}, context: {} });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
};
const codes = (body: { rates: { service_code: string }[] }) => body.rates.map((r) => r.service_code).sort();

afterAll(async () => {
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
});

describe("POST /carrier-service/rates", () => {
  it("answers a correctly signed request with Shopify-format rates", async () => {
    const shop = await installedShop("rates-ok");
    const res = await call(signedRateRequest(shop, buildRatePayload()));
    expect(res.status).toBe(200);
    const { rates } = res.json();
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) {
      expect(Object.keys(rate).sort()).toEqual(["currency", "description", "max_delivery_date", "min_delivery_date", "service_code", "service_name", "total_price"]);
      expect(rate.total_price).toMatch(/^\d+$/);
      expect(rate.currency).toBe("USD");
      expect(rate.min_delivery_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
    }
  });

  it("rejects a request whose HMAC does not match the raw body with 401", async () => {
    const shop = await installedShop("rates-bad-hmac");
    const res = await call(signedRateRequest(shop, buildRatePayload(), { secret: "not-the-app-secret" }));
    expect(res.status).toBe(401);
  });

  it("answers checkout's repeats of a signed cart with the same rates, and refuses other bytes under the signature they carried", async () => {
    const shop = await installedShop("rates-repeat");
    const payload = buildRatePayload();
    const first = await call(signedRateRequest(shop, payload));
    expect(first.status).toBe(200);
    // The second and third are answered from the quote cache; from the third on, without computing the HMAC again.
    for (let i = 0; i < 3; i++) expect((await call(signedRateRequest(shop, payload))).text).toBe(first.text);
    const signature = signedRateRequest(shop, payload).headers.get("X-Shopify-Hmac-Sha256")!;
    const altered = JSON.stringify(payload).replace('"quantity":1', '"quantity":9');
    expect(altered).not.toBe(JSON.stringify(payload));
    expect((await call(signedRateRequest(shop, altered, { hmac: signature }))).status).toBe(401);
    expect((await call(signedRateRequest(shop, JSON.stringify(payload) + " ", { hmac: signature }))).status).toBe(401);
    // The same bytes and signature sent as another installed shop are that shop's to verify, and answered as such.
    const other = await installedShop("rates-repeat-other");
    expect((await call(signedRateRequest(other, payload))).status).toBe(200);
  });

  it("still answers a request without an HMAC header, since Shopify does not document one", async () => {
    const shop = await installedShop("rates-no-hmac");
    const res = await call(signedRateRequest(shop, buildRatePayload(), { hmac: null }));
    expect(res.status).toBe(200);
    expect(res.json().rates.length).toBeGreaterThan(0);
  });

  it("refuses unsigned requests for a shop once one of its requests arrived signed, even after a restart", async () => {
    const shop = await installedShop("rates-signed-once");
    expect((await call(signedRateRequest(shop, buildRatePayload(), { hmac: null }))).status).toBe(200);
    expect((await call(signedRateRequest(shop, buildRatePayload()))).status).toBe(200);
    expect((await call(signedRateRequest(shop, buildRatePayload(), { hmac: null }))).status).toBe(401);
    clearInstalledShopCache(); // a new process knows it from the database
    const refused = await call(signedRateRequest(shop, buildRatePayload(), { hmac: null }));
    expect(refused.status).toBe(401);
    expect(refused.text).toMatch(/signed/);
    expect((await db.shop.findUnique({ where: { domain: shop } }))?.carrierRequestsSignedAt).toBeInstanceOf(Date);
    expect((await call(signedRateRequest(shop, buildRatePayload()))).status).toBe(200);
  });

  it("records the first signatures of shops heard from at once in one or two writes, each before its answer", async () => {
    const many = await Promise.all(["a", "b", "c", "d", "e", "f", "g", "h"].map((k) => installedShop(`rates-signed-together-${k}`)));
    clearInstalledShopCache();
    // Each write takes 50 ms, as under load: the shops whose checks end meanwhile wait for the next write.
    const write = db.shop.updateMany.bind(db.shop);
    const writes = vi.spyOn(db.shop, "updateMany").mockImplementation((async (args: Parameters<typeof write>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return write(args);
    }) as unknown as typeof write);
    try {
      const answers = await Promise.all(many.map((shop) => call(signedRateRequest(shop, buildRatePayload()))));
      expect(answers.map((a) => a.status)).toEqual(many.map(() => 200));
      expect(writes.mock.calls.length).toBeLessThanOrEqual(2); // one a shop before
      expect(writes.mock.calls.flatMap(([args]) => (args?.where?.domain as { in: string[] }).in).sort()).toEqual([...many].sort());
    } finally {
      writes.mockRestore();
    }
    const rows = await db.shop.findMany({ where: { domain: { in: many } }, select: { carrierRequestsSignedAt: true } });
    expect(rows.map((r) => r.carrierRequestsSignedAt)).toEqual(many.map(() => expect.any(Date)));
    clearInstalledShopCache();
    for (const shop of many) expect((await call(signedRateRequest(shop, buildRatePayload(), { hmac: null }))).status).toBe(401);
  });

  it("answers an unsigned request without loading the shop's mappings, context or quotes into memory", async () => {
    const shop = await installedShop("rates-unsigned-cold");
    await seedVariantMapping(shop, 7001, { weightGrams: 900 });
    const payload = buildRatePayload({ items: [buildRateItem({ variant_id: 7001 })] });
    const res = await call(signedRateRequest(shop, payload, { hmac: null }));
    expect(res.status).toBe(200);
    expect(res.json().rates.length).toBeGreaterThan(0);
    await mappingStore.settled(shop);
    expect(mappingStore.loadedSize(shop)).toBeNull();
    expect(loadedShopRateContext(shop)).toBeUndefined();
    expect(existingQuotesFor(shop, Date.now())).toBeUndefined();
  });

  it("never grows the installed-shop cache for unknown shops or unsigned requests", async () => {
    clearInstalledShopCache();
    for (let i = 0; i < 50; i++) {
      expect((await call(signedRateRequest(`random-${i}-${Date.now()}.myshopify.com`, buildRatePayload()))).status).toBe(401);
    }
    const unsignedShop = await installedShop("rates-unsigned-cache");
    expect((await call(signedRateRequest(unsignedShop, buildRatePayload(), { hmac: null }))).status).toBe(200);
    expect(installedShopCacheSize()).toBe(0);
    expect((await call(signedRateRequest(unsignedShop, buildRatePayload()))).status).toBe(200);
    expect(installedShopCacheSize()).toBe(1);
  });

  it("keeps the installed-shop cache within its configured entry budget", async () => {
    vi.stubEnv("SILKROUTE_INSTALLED_SHOP_CACHE_ENTRIES", "3");
    clearInstalledShopCache();
    try {
      for (let i = 0; i < 5; i++) expect((await call(signedRateRequest(await installedShop(`rates-lru-${i}`), buildRatePayload()))).status).toBe(200);
      expect(installedShopCacheSize()).toBe(3);
    } finally {
      vi.unstubAllEnvs();
      clearInstalledShopCache();
    }
  });

  it("refuses an oversized body with 413 before parsing it", async () => {
    const shop = await installedShop("rates-huge");
    const res = await call(signedRateRequest(shop, `{"rate":${" ".repeat(300 * 1024)}}`));
    expect(res.status).toBe(413);
  });

  it("answers malformed JSON and an invalid payload with 400 and a clear message", async () => {
    const shop = await installedShop("rates-malformed");
    const notJson = await call(signedRateRequest(shop, "{not json"));
    expect(notJson).toMatchObject({ status: 400 });
    expect(notJson.json().error).toContain("not valid JSON");
    const noCountry = await call(signedRateRequest(shop, buildRatePayload({ destination: { country: "Germany" } })));
    expect(noCountry.status).toBe(400);
    expect(noCountry.json().error).toContain("rate.destination.country");
    const badQuantity = await call(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem({ quantity: -1 })] })));
    expect(badQuantity.json().error).toContain("rate.items.0.quantity");
  });

  it("rejects a shop that has not installed Silkroute, and a request without a shop header", async () => {
    expect((await call(signedRateRequest(uniqueShop("never-installed"), buildRatePayload()))).status).toBe(401);
    expect((await call(signedRateRequest("", buildRatePayload()))).status).toBe(400);
  });

  it("allows POST only", async () => {
    expect(loader().status).toBe(405);
    const shop = await installedShop("rates-get");
    expect((await call(signedRateRequest(shop, null, { method: "GET" }))).status).toBe(405);
  });

  it("answers 200 with no rates when nothing can ship the cart", async () => {
    const shop = await installedShop("rates-none");
    const res = await call(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem({ grams: 45_000 })] })));
    expect(res).toMatchObject({ status: 200 });
    expect(res.json()).toEqual({ rates: [] });
    const digital = await call(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem({ requires_shipping: false })] })));
    expect(digital.json()).toEqual({ rates: [] });
  });

  it("uses the supplier's weight and flags for mapped items, so a battery item drops the postal service", async () => {
    const shop = await installedShop("rates-battery");
    const plain = buildRateItem();
    const battery = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, battery.variant_id, { flags: "battery", weightGrams: 100 });
    const withPlain = (await call(signedRateRequest(shop, buildRatePayload({ items: [plain] })))).json();
    expect(codes(withPlain)).toContain("SR-POST-ECONOMY");
    const withBattery = (await call(signedRateRequest(shop, buildRatePayload({ items: [battery] })))).json();
    expect(codes(withBattery)).not.toContain("SR-POST-ECONOMY");
    expect(codes(withBattery)).toContain("SR-EXPRESS");
  });

  it("prices a mapped item by the supplier's weight rather than Shopify's grams", async () => {
    const shop = await installedShop("rates-weight");
    const light = buildRateItem({ grams: 100 });
    const heavy = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, heavy.variant_id, { weightGrams: 4000 });
    const price = async (item: unknown) =>
      Number((await call(signedRateRequest(shop, buildRatePayload({ items: [item] })))).json().rates.find((r: { service_code: string }) => r.service_code === "SR-EXPRESS").total_price);
    expect(await price(heavy)).toBeGreaterThan(await price(light));
  });

  it("finds a mapping by SKU when the variant id is not mapped", async () => {
    const shop = await installedShop("rates-sku");
    const item = buildRateItem({ sku: "PWR-BANK-1", grams: 100 });
    await seedVariantMapping(shop, 99_000_001, { shopifySku: "PWR-BANK-1", flags: "battery" });
    expect(codes((await call(signedRateRequest(shop, buildRatePayload({ items: [item] })))).json())).not.toContain("SR-POST-ECONOMY");
  });

  it("gives total_price in subunits, ×100 even for JPY", async () => {
    const shop = await installedShop("rates-jpy");
    const { rates } = (await call(signedRateRequest(shop, buildRatePayload({ currency: "JPY", destination: { country: "JP", postal_code: "100-0001", province: "13", city: "Tokyo" }, items: [buildRateItem({ price: 300000 })] })))).json();
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) {
      expect(rate.currency).toBe("JPY");
      expect(Number(rate.total_price) % 100).toBe(0);
    }
  });

  it("answers 503 only on a total internal failure, so Shopify uses backup rates", async () => {
    const shop = await installedShop("rates-broken");
    const spy = vi.spyOn(checkoutReads(), "rateContextRows").mockRejectedValueOnce(new Error("database is down"));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect((await call(signedRateRequest(shop, buildRatePayload()))).status).toBe(503);
      expect(error.mock.calls.flat().join(" ")).not.toContain("Market St");
    } finally {
      spy.mockRestore();
      error.mockRestore();
    }
  });
});
