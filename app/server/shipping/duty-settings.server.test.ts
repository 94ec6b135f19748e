import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { installedShops } from "../../test/admin-session";
import { buildRateItem, buildRatePayload, signedRateRequest } from "./carrier-service/test-builders";
import { answerRateRequest } from "./carrier-service/rates.server";
import { getShippingSettings, merchantRulesFrom, saveShippingSettings, settingsFormFrom } from "./settings.server";

const { shops, newShop } = installedShops();
const economyToUk = async (shop: string) => {
  const payload = buildRatePayload({ destination: { country: "GB", postal_code: "SW1A 1AA", province: null, city: "London" }, currency: "GBP", items: [buildRateItem({ price: 50_00 })] });
  const response = await answerRateRequest(signedRateRequest(shop, payload));
  const rates = ((await response.json()) as { rates: { service_code: string; description: string }[] }).rates;
  return rates.find((r) => r.service_code === "SR-POST-ECONOMY")!.description;
};

afterAll(async () => {
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
});

describe("duty settings: registrations and overrides", () => {
  it("moves UK VAT from checkout to the door once the merchant says they have no UK VAT registration", async () => {
    const shop = await newShop("duty-ukvat");
    expect(await economyToUk(shop)).toMatch(/VAT\/GST charged at checkout \(est\. 10\.00 GBP\); nothing to pay on delivery/);
    const form = settingsFormFrom(await getShippingSettings(shop));
    expect(await saveShippingSettings(shop, { ...form, ukVatRegistered: "false", boxLengthMm: 150, boxWidthMm: 100, boxHeightMm: 50 }, {})).toEqual({ ok: true });
    expect(await economyToUk(shop)).toMatch(/Duties & taxes due on delivery \(est\. 10\.00 GBP\)/);
  });

  it("stores duty-rate overrides by SKU and HS prefix and hands them to the engine", async () => {
    const shop = await newShop("duty-overrides");
    const form = settingsFormFrom(await getShippingSettings(shop));
    const saved = await saveShippingSettings(shop, { ...form, dutyOverrides: "sku:TEE-1=8.5\nhs:6109=16.5", boxLengthMm: 150, boxWidthMm: 100, boxHeightMm: 50 }, {});
    expect(saved).toEqual({ ok: true });
    const row = await getShippingSettings(shop);
    expect(merchantRulesFrom(row).dutyOverrides).toEqual([{ sku: "TEE-1", percent: 8.5 }, { hsPrefix: "6109", percent: 16.5 }]);
    expect(settingsFormFrom(row).dutyOverrides).toBe("sku:TEE-1=8.5\nhs:6109=16.5");
  });

  it("rejects an override line it cannot read, naming the line", async () => {
    const shop = await newShop("duty-overrides-bad");
    const form = settingsFormFrom(await getShippingSettings(shop));
    const result = await saveShippingSettings(shop, { ...form, dutyOverrides: "hs:6109=16.5\nhs:61=abc", boxLengthMm: 150, boxWidthMm: 100, boxHeightMm: 50 }, {});
    expect(result).toEqual({ ok: false, errors: { dutyOverrides: { key: "messages:dutyOverrides.syntax", values: { line: 2 } } } });
  });
});
