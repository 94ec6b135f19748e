import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/create-i18n";
import { SUPPORTED_LOCALES } from "../../i18n/locales";
import { planIncludes } from "./plans-page.server";
import { downgradeEffects, PLAN_ORDER, PLANS } from "./plans";

const render = (locale: (typeof SUPPORTED_LOCALES)[number]) => {
  const t = createI18n(locale).t;
  return (m: { key: string; values?: Record<string, string | number> }) => t(m.key, m.values);
};

describe("plan offers and downgrade effects", () => {
  it("read as the same English sentences the Plans page showed before it was translated", () => {
    const en = render("en");
    expect(planIncludes(PLANS.growth).map(en)).toEqual([
      "500 supplier orders a month",
      "2,000 new products imported a month",
      "Order autopilot: orders go to the supplier without your approval",
      "Sandbox supplier plus JD and CJ together",
      "Duties-included (DDP) rates at checkout",
    ]);
    expect(planIncludes(PLANS.scale).map(en)[0]).toBe("Unlimited supplier orders a month");
    expect(planIncludes(PLANS.free).map(en)[3]).toBe("Sandbox supplier plus one real supplier (JD or CJ)");
    expect(downgradeEffects("scale", "growth").map(en)[0]).toBe(
      "Supplier orders per month drop from unlimited to 500; orders past the limit wait for your approval instead of being placed automatically.");
    expect(downgradeEffects("growth", "free").map(en)).toContain("Only 1 real supplier can be used for new imports; existing mappings keep working.");
  });

  it("are whole sentences in Chinese for every plan and every downgrade, with limits formatted as numbers", () => {
    const zh = render("zh-CN");
    const messages = PLAN_ORDER.flatMap((from) => [...planIncludes(PLANS[from]), ...PLAN_ORDER.flatMap((to) => downgradeEffects(from, to))]);
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) {
      const text = zh(m);
      expect(text, m.key).not.toBe(m.key);
      expect(text, m.key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(planIncludes(PLANS.growth).map(zh)[1]).toBe("每月导入 2,000 个新商品");
    expect(downgradeEffects("scale", "growth").map(zh)[0]).toMatch(/^每月供应商订单上限从不限降至500；/);
  });
});
