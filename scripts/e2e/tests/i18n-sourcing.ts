import type { Frame } from "playwright-core";
import { assert, type E2eContext, type E2eTest } from "../harness";
import { englishLines } from "./i18n";

type Locale = "en" | "zh-CN";

/** Loads an app path as a document in `locale` (as Shopify admin does), so the server render and hydration are checked. */
async function load(ctx: E2eContext, path: string, locale: Locale, errors: string[]): Promise<Frame> {
  const [pathname, query] = path.split("?");
  const params = new URLSearchParams(query);
  params.set("locale", locale);
  await ctx.page.goto(`${ctx.stack.shell.appAdminUrl(ctx.stack.shop, pathname)}?${params}`);
  const frame = await ctx.shell.appFrame();
  await ctx.shell.assertPageOk(`${path} (${locale})`, frame);
  assert((await frame.evaluate(() => document.documentElement.lang)) === locale, `${path} is not marked lang=${locale}`);
  assert(errors.length === 0, `page errors on ${path} (${locale}): ${errors.join(" | ")}`);
  return frame;
}

/**
 * The sandbox catalog's first product page and its import list item, found through the pages themselves: the product
 * is added to the import list when it is not there yet (a fresh stack), or opened from there (after the sourcing flow).
 */
async function productAndItem(ctx: E2eContext, errors: string[]): Promise<{ product: string; item: string }> {
  const catalog = await load(ctx, "/app/catalog?supplier=sandbox", "zh-CN", errors);
  await ctx.shell.app.getByRole("heading", { name: "商品库", exact: true }).first().waitFor();
  const product = await ctx.shell.app.locator("a[href^='/app/catalog/sandbox/']").first().getAttribute("href");
  assert(product, "the sandbox catalog lists no product");
  void catalog;
  const frame = await load(ctx, product, "zh-CN", errors);
  const add = ctx.shell.app.getByRole("button", { name: "添加到导入列表" });
  const open = ctx.shell.app.getByRole("link", { name: "在导入列表中打开" });
  await add.or(open).first().waitFor();
  await ((await add.count()) > 0 ? add : open).first().click();
  await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
  const current = await ctx.shell.appFrame();
  await ctx.shell.appIdle(current);
  return { product, item: new URL(current.url()).pathname };
}

/** The product's English title (Polaris shows it as a page title, which cannot be marked as data): its images' alt. */
const productTitles = (frame: Frame) => frame.$$eval("img[alt]", (imgs) => imgs.map((img) => (img as HTMLImageElement).alt).filter(Boolean));
/** The item's own title, as typed in its Title field: the page title shows it. */
const itemTitle = (frame: Frame) => frame.$eval("input[name='title']", (input) => (input as HTMLInputElement).value);

export const i18nSourcingTests: E2eTest[] = [
  {
    name: "i18n-sourcing: the catalog product page and import item editor are in Chinese with locale=zh-CN and in English with locale=en",
    timeoutMs: 90_000,
    async run(ctx) {
      const errors: string[] = [];
      // A server render in one language and a hydration in another shows up as a page error.
      ctx.page.on("pageerror", (error) => errors.push(error.message.slice(0, 120)));
      const { product, item } = await productAndItem(ctx, errors);

      // Chinese: headings and actions from the catalogs, and no line of untranslated English.
      let frame = await load(ctx, product, "zh-CN", errors);
      await ctx.shell.app.getByText("各仓库存").first().waitFor();
      await ctx.shell.app.getByText(/^按 1 CNY = /).first().waitFor();
      const productEnglish = await englishLines(frame, await productTitles(frame));
      await ctx.screenshot("i18n-zh-CN-catalog-product");
      frame = await load(ctx, item, "zh-CN", errors);
      await ctx.shell.app.getByRole("button", { name: "保存并推送到 Shopify" }).waitFor();
      await ctx.shell.app.getByRole("heading", { name: "款式", exact: true }).waitFor();
      const itemEnglish = await englishLines(frame, [await itemTitle(frame)]);
      await ctx.screenshot("i18n-zh-CN-import-item");
      assert(productEnglish.length === 0, `untranslated English on the Chinese product page: ${productEnglish.slice(0, 6).join(" | ")}`);
      assert(itemEnglish.length === 0, `untranslated English on the Chinese import item: ${itemEnglish.slice(0, 6).join(" | ")}`);

      // English: the same pages as before the conversion.
      await load(ctx, product, "en", errors);
      await ctx.shell.app.getByText("Stock per warehouse").first().waitFor();
      await ctx.shell.app.getByText(/Converted at 1 CNY/).first().waitFor();
      await ctx.shell.app.getByRole("link", { name: "Open in import list" }).waitFor();
      await ctx.screenshot("i18n-en-catalog-product");
      await load(ctx, item, "en", errors);
      await ctx.shell.app.getByRole("button", { name: "Save and push to Shopify" }).waitFor();
      await ctx.shell.app.getByRole("heading", { name: "Variants", exact: true }).waitFor();
      await ctx.shell.app.getByText(/Leave a price blank to use your pricing rules/).waitFor();
      await ctx.screenshot("i18n-en-import-item");
      assert(errors.length === 0, `page errors: ${errors.join(" | ")}`);
    },
  },
];
