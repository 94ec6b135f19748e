import type { Frame } from "playwright-core";
import { assert, waitUntil, type AdminShellDriver, type E2eTest } from "../harness";
import type { DemoStack } from "../../demo/stack";

/** The title the merchant gives the product in the import list; later flows (rates, orders) sell it. */
export const IMPORTED_TITLE = "Silkroute Insulated Bottle (e2e)";
export const IMPORTED_PRICE = "29.99";

type Product = { id: string; title: string; variants: Array<{ id: string; sku: string; price: string; available: Record<string, number> }> };

/** The imported product in the emulated store, or undefined before the push landed. */
export function importedProduct(stack: DemoStack): Product | undefined {
  return (stack.emulator.controls.products(stack.shop) as unknown as Product[]).find((p) => p.title === IMPORTED_TITLE);
}

/** Searches the catalog and returns the titles once the results answer the keyword (each names a water bottle). */
async function search(shell: AdminShellDriver, frame: Frame, keyword: string, expect: RegExp): Promise<string[]> {
  await shell.app.getByLabel("Search (English or 中文)").fill(keyword);
  await shell.app.getByRole("button", { name: "Search", exact: true }).click();
  await frame.waitForURL((url) => url.searchParams.get("q") === keyword);
  const titles = await waitUntil(`results for "${keyword}"`, async () => {
    await shell.appIdle(frame);
    const found = (await shell.app.locator("a[href^='/app/catalog/']").allTextContents()).map((t) => t.trim());
    return found.length > 0 && found.every((t) => expect.test(t)) ? found : null;
  }, 15_000, 300).catch(async (e: Error) => {
    const found = await shell.app.locator("a[href^='/app/catalog/']").allTextContents();
    throw new Error(`${e.message}; the catalog lists ${found.slice(0, 5).join(" | ") || "nothing"}`);
  });
  await shell.assertPageOk(`the catalog searching "${keyword}"`, frame);
  return titles;
}

export const sourcingTests: E2eTest[] = [
  {
    name: "sourcing: search the catalog in English and Chinese, import a product, edit and push it, and find it in the store",
    timeoutMs: 90_000,
    async run({ shell, stack, page, screenshot }) {
      const frame = await shell.open("/app/catalog");
      await shell.assertPageOk("the catalog", frame);

      await search(shell, frame, "water bottle", /water bottle/i);
      // 保温杯 is "insulated water bottle": the same products, found by their Chinese titles.
      await search(shell, frame, "保温杯", /water bottle/i);
      assert(await shell.app.getByText(/保温杯/).count() > 0, "the Chinese search shows no Chinese titles");
      await screenshot("catalog");

      // The product page: variants, margins, shipping estimate, then into the import list.
      await shell.app.locator("a[href^='/app/catalog/']").first().click();
      await frame.waitForURL((url) => /^\/app\/catalog\/sandbox\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      await shell.assertPageOk("the product page", frame);
      await shell.app.getByText(/Converted at 1 CNY/).waitFor();
      await screenshot("catalog-product");
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      await shell.assertPageOk("the import list item", frame);

      // Edit: a title of the merchant's own and a price for the first variant.
      await shell.app.getByLabel(/^Title( \(English\))?$/).fill(IMPORTED_TITLE);
      const priceField = shell.app.locator("input[name^='price:']").first();
      await priceField.fill(IMPORTED_PRICE);
      const variantCount = await shell.app.locator("input[name='keepVariant']").count();
      assert(variantCount > 0, "the import item keeps no variant");
      await screenshot("import-list-item");
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();

      // Back on the import list, the progress card follows the push until it settles.
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await shell.app.getByText(/Importing 1 products…|Last import:/).first().waitFor();
      await shell.app.getByText("Last import: 1 of 1 pushed").waitFor({ timeout: 45_000 });
      const row = shell.app.locator("tr", { hasText: IMPORTED_TITLE });
      await row.locator(".Polaris-Badge", { hasText: "pushed" }).waitFor();
      await shell.assertPageOk("the import list after the push", frame);
      await screenshot("import-list");

      // The store: the product, its variants with the edited price, stock at a Silkroute warehouse location.
      const product = await waitUntil("the product in the emulated store", () => importedProduct(stack));
      assert(product.variants.length === variantCount, `the store has ${product.variants.length} variants, the import kept ${variantCount}`);
      assert(product.variants.some((v) => v.price === IMPORTED_PRICE), `no variant sells at ${IMPORTED_PRICE}: ${product.variants.map((v) => v.price).join(", ")}`);
      const locations = stack.emulator.controls.shop(stack.shop).locations as Array<{ id: string; name: string }>;
      const warehouses = new Map(locations.filter((l) => l.name.startsWith("Silkroute ")).map((l) => [l.id, l.name]));
      assert(warehouses.size > 0, `the store has no Silkroute warehouse location (${locations.map((l) => l.name).join(", ")})`);
      const stocked = product.variants.filter((v) => Object.entries(v.available).some(([loc, qty]) => warehouses.has(loc) && qty > 0));
      assert(stocked.length === product.variants.length, `only ${stocked.length} of ${product.variants.length} variants have stock at a Silkroute warehouse`);

      // And the merchant sees the new supplier mapping.
      await shell.navigate("Supplier mappings");
      await shell.assertPageOk("the supplier mappings");
      await shell.app.getByText(IMPORTED_TITLE).first().waitFor();
      await screenshot("mappings");
      void page;
    },
  },
];
