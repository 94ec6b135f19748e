import { describe, expect, it } from "vitest";
import { createI18n } from "./create-i18n";
import { createFormatter } from "./format";
import { resolveLocale } from "./locales";
import { carrierName, supplierName, warehouseName } from "./partners";

describe("locale resolution", () => {
  it("maps Shopify admin's locale values to the shipped catalogs and refuses the rest", () => {
    expect(resolveLocale("zh-CN")).toBe("zh-CN");
    expect(resolveLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("zh-TW")).toBeNull();
    expect(resolveLocale("fr")).toBeNull();
    expect(resolveLocale(undefined)).toBeNull();
  });
});

describe("messages", () => {
  it("formats ICU plurals and interpolation per locale", () => {
    const en = createI18n("en");
    const zh = createI18n("zh-CN");
    en.addResource("en", "common", "test.items", "{count, plural, one {# item} other {# items}} for {shop}");
    zh.addResource("zh-CN", "common", "test.items", "{shop} 的 {count, plural, other {# 件商品}}");
    expect(en.t("test.items", { count: 1, shop: "A" })).toBe("1 item for A");
    expect(en.t("test.items", { count: 3, shop: "A" })).toBe("3 items for A");
    expect(zh.t("test.items", { count: 3, shop: "A" })).toBe("A 的 3 件商品");
  });

  it("names suppliers, carriers and warehouses in Chinese where they have a Chinese name", () => {
    const zh = createI18n("zh-CN");
    expect(supplierName(zh.t, "jd")).toContain("京东");
    expect(carrierName(zh.t, "SF Express")).toBe("顺丰速运");
    expect(carrierName(zh.t, "China Post")).toBe("中国邮政");
    expect(carrierName(zh.t, "Some Local Courier")).toBe("Some Local Courier");
    expect(warehouseName(zh.t, "CN-YW", "Yiwu")).toBe("义乌");
    expect(warehouseName(zh.t, "MY-OWN", "My warehouse")).toBe("My warehouse");
  });
});

describe("formatting", () => {
  it("formats money from minor units, numbers and dates in the locale and the shop's time zone", () => {
    const zh = createFormatter("zh-CN", "Asia/Shanghai");
    const en = createFormatter("en", "America/New_York");
    expect(en.money({ amount: 123456, currency: "USD" })).toBe("$1,234.56");
    expect(zh.money({ amount: 123456, currency: "USD" })).toBe("US$1,234.56");
    expect(zh.money({ amount: 500, currency: "JPY" })).toBe("JP¥500");
    // 2026-12-06T20:00Z is already the 7th in Shanghai and still the 6th in New York.
    expect(zh.date("2026-12-06T20:00:00Z")).toBe("2026年12月7日");
    expect(en.date("2026-12-06T20:00:00Z")).toBe("Dec 6, 2026");
    expect(en.dateRange("2026-12-01T12:00:00Z", "2026-12-05T12:00:00Z").replace(/\s/g, " ")).toBe("Dec 1 – 5, 2026");
    expect(en.percent(0.256)).toBe("25.6%");
    expect(zh.calendarDate("2026-11-20")).toBe("2026年11月20日");
    expect(createFormatter("en", "Pacific/Kiritimati").calendarDate("2026-11-20")).toBe("Nov 20, 2026");
    expect(zh.relative(new Date("2026-12-03T00:00:00Z"), new Date("2026-12-06T00:00:00Z"))).toBe("3天前");
  });

  it("falls back to UTC for a time zone Intl does not know", () => {
    expect(createFormatter("en", "Mars/Olympus").timeZone).toBe("UTC");
  });
});
