import { describe, expect, it } from "vitest";
import db from "../../../db.server";
import { uniqueShop } from "../../../test/webhooks";
import { paidPlanFrom } from "../../billing/plan-state.server";
import { PLANS } from "../../billing/plans";
import { DEFAULT_QUOTE_SETTINGS, getShippingSettings, QUOTE_SETTINGS_COLUMNS } from "../settings.server";
import { uncachedShopRateContext } from "../shop-rate-context.server";
import { driverCheckoutReads, prismaCheckoutReads } from "./checkout-reads.server";

const driver = driverCheckoutReads();
const INSTALLED = new Date("2026-11-02T08:15:30.123Z");
const SIGNED = new Date("2026-11-03T09:00:00.456Z");

/** A shop with every row the checkout reads, each column away from its default. */
async function shopWithEveryRow(label: string) {
  const shop = uniqueShop(label);
  await db.shop.create({ data: { domain: shop, installedAt: INSTALLED, carrierRequestsSignedAt: SIGNED } });
  await db.shippingSettings.create({
    data: {
      shop, markupKind: "percent", markupPercent: 12.5, markupMinor: 250, handlingFeeMinor: 199, handlingFeePer: "parcel",
      freeShippingMinor: 5_000, freeShippingServices: "SR-EXPRESS,SR-CN-DIRECT", rulesCurrency: "EUR",
      services: { "SR-EXPRESS": { hidden: true }, "SR-CN-DIRECT": { name: "中国直邮" } }, ddpIncludesTaxes: false,
      iossRegistered: false, ukVatRegistered: false, auGstRegistered: false, dutyOverrides: [{ hsPrefix: "6109", percent: 12 }],
      defaultBoxLengthMm: 210, defaultBoxWidthMm: 140, defaultBoxHeightMm: 35, version: 4,
    },
  });
  await db.sourcingSettings.create({ data: { shop, pricingRules: { includeDuties: true, markupPercent: 40 } } });
  await db.shippingRateCard.create({ data: { shop, code: "OWN-LINE", name: "Own line", csv: "not parsed here", active: false } });
  await db.shopBilling.create({ data: { shop, plan: "growth", status: "ACTIVE", syncedAt: new Date("2026-11-04T10:00:00.789Z") } });
  return shop;
}

describe("a new shop's checkout reads on the driver", () => {
  it("read every column of every row as Prisma does", async () => {
    const shop = await shopWithEveryRow("reads-full");
    const rows = await driver.rateContextRows(shop);
    expect(rows).toEqual(await prismaCheckoutReads.rateContextRows(shop));
    expect(rows.settings).toMatchObject({ markupPercent: 12.5, ddpIncludesTaxes: false, services: { "SR-CN-DIRECT": { name: "中国直邮" } }, dutyOverrides: [{ hsPrefix: "6109", percent: 12 }], version: 4 });
    expect(rows).toMatchObject({ dutiesInProductPrices: true, ownCards: true });
    expect(rows.plan.shop?.installedAt).toEqual(INSTALLED);
    expect(paidPlanFrom(rows.plan)).toBe(PLANS.growth);
  });

  it("read the install row's dates as Prisma does", async () => {
    const shop = await shopWithEveryRow("reads-install");
    const row = await driver.installRow(shop);
    expect(row).toEqual(await prismaCheckoutReads.installRow(shop));
    expect(row).toEqual({ uninstalledAt: null, carrierRequestsSignedAt: SIGNED });
    await db.shop.update({ where: { domain: shop }, data: { uninstalledAt: new Date("2026-11-05T00:00:00.001Z") } });
    expect((await driver.installRow(shop))?.uninstalledAt).toEqual(new Date("2026-11-05T00:00:00.001Z"));
  });

  it("find nothing for a shop that never installed, and null settings rather than creating them", async () => {
    const shop = uniqueShop("reads-none");
    expect(await driver.installRow(shop)).toBeNull();
    const rows = await driver.rateContextRows(shop);
    expect(rows).toEqual(await prismaCheckoutReads.rateContextRows(shop));
    expect(rows).toEqual({ settings: null, dutiesInProductPrices: false, ownCards: false, plan: { billing: null, shop: null } });
  });

  it("see a plan that lapsed with the uninstall, and settings stored with their defaults", async () => {
    const shop = uniqueShop("reads-lapsed");
    await db.shop.create({ data: { domain: shop, uninstalledAt: new Date() } });
    await db.shopBilling.create({ data: { shop, plan: "scale", status: "ACTIVE", syncedAt: new Date(Date.now() - 60_000) } });
    await getShippingSettings(shop);
    const rows = await driver.rateContextRows(shop);
    expect(rows).toEqual(await prismaCheckoutReads.rateContextRows(shop));
    expect(paidPlanFrom(rows.plan)).toBeNull();
    expect(rows.settings).toEqual(DEFAULT_QUOTE_SETTINGS);
  });
});

describe("a shop without a settings row", () => {
  it("quotes with the defaults the row is created with", async () => {
    const created = await getShippingSettings(uniqueShop("defaults"));
    expect(Object.fromEntries(QUOTE_SETTINGS_COLUMNS.map((c) => [c, created[c]]))).toEqual(DEFAULT_QUOTE_SETTINGS);
  });

  it("gets a rate context without a row being written", async () => {
    const shop = uniqueShop("no-settings");
    await db.shop.create({ data: { domain: shop } });
    const context = await uncachedShopRateContext(shop);
    expect(context.settingsVersion).toBe(1);
    expect(context.cardsVersion).toBe("sample");
    expect(await db.shippingSettings.findUnique({ where: { shop } })).toBeNull();
  });
});
