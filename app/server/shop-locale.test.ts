import { describe, expect, it } from "vitest";
import db from "../db.server";
import { uniqueShop } from "../test/webhooks";
import { recordInstall, recordShopLocale, shopLocale } from "./shops.server";
import { shopNotes } from "./fulfillment/notes.server";

describe("the shop staff's language for notes written to Shopify", () => {
  it("is unknown (English notes) until an admin load names one, then follows the latest, writing only on a change", async () => {
    const shop = uniqueShop("locale");
    await recordInstall(shop);
    expect(await shopLocale(shop)).toBeNull();
    expect((await shopNotes(shop))("notes:cancellationAccepted")).toBe("Cancelled at the supplier before shipping.");

    await recordShopLocale(shop, "zh-CN");
    const written = (await db.shop.findUniqueOrThrow({ where: { domain: shop } })).updatedAt;
    expect((await shopNotes(shop))("notes:cancellationAccepted")).toBe("已在发货前于供应商处取消。");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordShopLocale(shop, "zh-CN");
    expect((await db.shop.findUniqueOrThrow({ where: { domain: shop } })).updatedAt).toEqual(written); // same language: no write

    await recordShopLocale(shop, "en");
    expect(await shopLocale(shop)).toBe("en");
  });

  it("writes a shop Silkroute has no row for in English", async () => {
    expect((await shopNotes(uniqueShop("never-seen")))("notes:handBack")).toMatch(/^Silkroute could not fulfill this/);
  });
});
