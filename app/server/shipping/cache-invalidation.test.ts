import { afterAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { installedShops } from "../../test/admin-session";
import { toGid } from "../shopify/gid";
import { notifyMappingsChanged } from "../sourcing/variant-mappings.server";
import { buildRateItem, buildRatePayload, signedRateRequest } from "./carrier-service/test-builders";
import { answerRateRequest } from "./carrier-service/rates.server";
import { getShippingSettings, saveShippingSettings, settingsFormFrom } from "./settings.server";

const { shops, newShop } = installedShops();
const codes = async (shop: string, item: unknown) => {
  const response = await answerRateRequest(signedRateRequest(shop, buildRatePayload({ items: [item] })));
  return ((await response.json()) as { rates: { service_code: string; service_name: string }[] }).rates;
};

afterAll(async () => {
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
  await db.shippingSettings.deleteMany({ where: { shop: { in: shops } } });
});

describe("callback caches", () => {
  it("serve cached mappings until the mapping changes, then quote with the new data", async () => {
    const shop = await newShop("cache-mapping");
    const item = buildRateItem({ grams: 100 });
    expect((await codes(shop, item)).map((r) => r.service_code)).toContain("SR-POST-ECONOMY");
    await codes(shop, item); // computed a second time this minute: now its answer is kept
    await db.variantMapping.create({
      data: { shop, productGid: toGid("Product", 1), variantGid: toGid("ProductVariant", item.variant_id), supplier: "sandbox", supplierProductId: "P", supplierSku: "S", flags: "battery" },
    });
    // Written behind the caches' back: the cached "unmapped" answer still holds (the background poll bounds this).
    expect((await codes(shop, item)).map((r) => r.service_code)).toContain("SR-POST-ECONOMY");
    notifyMappingsChanged(shop);
    expect((await codes(shop, item)).map((r) => r.service_code)).not.toContain("SR-POST-ECONOMY");
  });

  it("recompile the shop's context as soon as its settings are saved", async () => {
    const shop = await newShop("cache-settings");
    const item = buildRateItem();
    expect((await codes(shop, item)).map((r) => r.service_code)).toContain("SR-EXPRESS");
    const form = settingsFormFrom(await getShippingSettings(shop));
    const saved = await saveShippingSettings(shop, { ...form, boxLengthMm: 150, boxWidthMm: 100, boxHeightMm: 50 }, {
      "SR-EXPRESS": { hidden: true }, "SR-CN-DIRECT": { name: "Tracked from China" },
    });
    expect(saved).toEqual({ ok: true });
    const rates = await codes(shop, item);
    expect(rates.map((r) => r.service_code)).not.toContain("SR-EXPRESS");
    expect(rates.find((r) => r.service_code === "SR-CN-DIRECT")?.service_name).toBe("Tracked from China");
  });

  it("report settings errors per field and keep the stored rules", async () => {
    const shop = await newShop("settings-errors");
    const form = settingsFormFrom(await getShippingSettings(shop));
    const result = await saveShippingSettings(shop, { ...form, markupKind: "percent", markupPercent: "", handlingFee: "abc", rulesCurrency: "dollars", boxLengthMm: 0, boxWidthMm: 100, boxHeightMm: 50 }, {});
    expect(result).toEqual({ ok: false, errors: {
      markupPercent: { key: "messages:settings.markupPercent" }, handlingFee: { key: "messages:settings.amount" },
      rulesCurrency: { key: "messages:settings.currency" }, boxLengthMm: { key: "messages:settings.minMm" },
    } });
    expect((await getShippingSettings(shop)).version).toBe(1);
  });
});
