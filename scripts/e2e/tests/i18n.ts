import type { Frame } from "playwright-core";
import { assert, type E2eContext, type E2eTest } from "../harness";

// The pages issue #19 names, with one heading each locale must show (from app/locales/<locale>/*.json).
const PAGES = [
  { slug: "home", path: "/app", en: "Setup", zh: "设置向导" },
  { slug: "catalog", path: "/app/catalog", en: "Catalog", zh: "商品库" },
  { slug: "import-list", path: "/app/import-list", en: "Import list", zh: "导入列表" },
  { slug: "orders", path: "/app/orders", en: "Orders", zh: "订单" },
  { slug: "shipping", path: "/app/shipping", en: "Shipping", zh: "物流运费" },
  { slug: "rate-cards", path: "/app/shipping/rate-cards", en: "Upload a rate card", zh: "上传运费价卡" },
  { slug: "simulator", path: "/app/shipping/simulator", en: "Cart and destination", zh: "购物车和目的地" },
  { slug: "settings", path: "/app/settings", en: "Settings", zh: "设置" },
  // Converted beyond the list:
  { slug: "mappings", path: "/app/mappings", en: "Supplier mappings", zh: "供应商映射" },
  { slug: "jobs", path: "/app/jobs", en: "Background jobs", zh: "后台任务" },
  { slug: "privacy", path: "/app/privacy", en: "Customer data requests", zh: "客户数据请求" },
  { slug: "order-autopilot", path: "/app/orders/settings", en: "Order autopilot", zh: "自动下单" },
  { slug: "consolidation", path: "/app/consolidation", en: "China consolidation warehouses", zh: "国内集运仓库" },
  { slug: "sync", path: "/app/sync", en: "Price and stock sync", zh: "价格与库存同步" },
  { slug: "plans", path: "/app/plans", en: "Plans", zh: "套餐" },
];

/**
 * Lines of the page that read as untranslated English: two or more English words and no Chinese. Data is not
 * interface: elements marked translate="no" (supplier product titles, Shopify's channel names) are left out.
 */
export async function englishLines(frame: Frame): Promise<string[]> {
  const text = await frame.evaluate(() => {
    const page = document.querySelector(".Polaris-Page") as HTMLElement | null;
    if (!page) return "";
    const copy = page.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[translate="no"]').forEach((el) => el.remove());
    copy.style.position = "absolute";
    document.body.append(copy);
    const lines = copy.innerText;
    copy.remove();
    return lines;
  });
  return text.split("\n").map((l) => l.trim()).filter((l) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(l) && !/[\u4e00-\u9fff]/.test(l));
}

async function visit(ctx: E2eContext, locale: "en" | "zh-CN"): Promise<Record<string, string[]>> {
  const english: Record<string, string[]> = {};
  const errors: string[] = [];
  let current = "";
  // A server render in one language and a hydration in another (or a different Intl output) shows up here.
  ctx.page.on("pageerror", (error) => errors.push(`${current}: ${error.message.slice(0, 80)}`));
  for (const page of PAGES) {
    current = page.path;
    await ctx.page.goto(`${ctx.stack.shell.appAdminUrl(ctx.stack.shop, page.path)}?locale=${locale}`);
    const frame = await ctx.shell.appFrame();
    await ctx.shell.assertPageOk(`${page.path} (${locale})`, frame);
    const url = new URL(frame.url());
    assert(url.searchParams.get("locale") === locale, `the admin passed locale=${url.searchParams.get("locale")} to ${page.path}, not ${locale}`);
    const heading = locale === "en" ? page.en : page.zh;
    await ctx.shell.app.getByRole("heading", { name: heading, exact: true }).first().waitFor();
    assert((await frame.evaluate(() => document.documentElement.lang)) === locale, `${page.path} is not marked lang=${locale}`);
    english[page.slug] = await englishLines(frame);
    await ctx.screenshot(`i18n-${locale}-${page.slug}`);
  }
  assert(errors.length === 0, `page errors with locale=${locale}: ${errors.join(" | ")}`);
  return english;
}

export const i18nTests: E2eTest[] = [
  {
    name: "i18n: with locale=zh-CN the home, catalog, import list, orders, shipping and settings pages are in Chinese",
    timeoutMs: 90_000,
    async run(ctx) {
      const english = await visit(ctx, "zh-CN");
      const leftovers = Object.entries(english).filter(([, lines]) => lines.length > 0).map(([slug, lines]) => `${slug}: ${lines.slice(0, 5).join(" | ")}`);
      assert(leftovers.length === 0, `untranslated English on Chinese pages — ${leftovers.join(" ;; ")}`);
      // The admin's nav lists the app's menu in Chinese too.
      await ctx.page.locator("#app-nav a", { hasText: "导入列表" }).first().waitFor();
    },
  },
  {
    name: "i18n: with locale=en the same pages are in English, and the top bar switch changes the language",
    timeoutMs: 90_000,
    async run(ctx) {
      await visit(ctx, "en");
      // The switch reloads the page in the chosen language, and the choice sticks for later admin URLs.
      await ctx.page.goto(`${ctx.stack.shell.appAdminUrl(ctx.stack.shop, "/app/settings")}?locale=en`);
      await ctx.shell.app.getByRole("heading", { name: "Settings", exact: true }).first().waitFor();
      await ctx.page.selectOption("#locale-switch", "zh-CN");
      await ctx.shell.app.getByRole("heading", { name: "设置", exact: true }).first().waitFor();
      await ctx.page.goto(ctx.stack.shell.appAdminUrl(ctx.stack.shop, "/app/catalog"));
      await ctx.shell.app.getByRole("heading", { name: "商品库", exact: true }).first().waitFor();
      await ctx.page.selectOption("#locale-switch", "en");
      await ctx.shell.app.getByRole("heading", { name: "Catalog", exact: true }).first().waitFor();
    },
  },
];
