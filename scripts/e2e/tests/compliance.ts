import { assert, waitUntil, type E2eTest } from "../harness";
import { importedProduct, IMPORTED_TITLE } from "./sourcing";

// Issue #15: an EU order for a product without GPSR data is held before the supplier with the reason and a link to
// fix it; saving the data on the import item releases it. Checkout's DDU rate tells the buyer the EU duty is due on
// delivery (ADR 0100, "DDU wording"). Runs after sourcing and rates (the imported product, rates turned on).
export const complianceTests: E2eTest[] = [
  {
    name: "compliance: an EU order lacking the EU responsible person is held with the fix, and saving it on the import item releases the order",
    timeoutMs: 90_000,
    async run({ shell, stack, screenshot }) {
      const product = importedProduct(stack);
      assert(product, `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      await shell.open("/app/orders");
      const order = stack.emulator.controls.placeOrder(stack.shop, {
        lines: [{ variantId: product.variants[0]!.id, quantity: 1 }],
        shippingAddress: { firstName: "Léa", lastName: "Martin", address1: "1 Rue de Rivoli", city: "Paris", zip: "75001", countryCode: "FR", phone: "+33612345678" },
      }) as unknown as { id: string; name: string };
      await waitUntil(`${order.name} under Needs attention`, async () => {
        await shell.goto("/app/orders?tab=attention");
        return (await shell.app.locator("a", { hasText: order.name }).count()) > 0;
      }, 40_000, 1_000);
      await shell.app.locator("a", { hasText: order.name }).first().click();
      const frame = await shell.appFrame();
      await frame.waitForURL((url) => /^\/app\/orders\/[^/]+$/.test(url.pathname));
      const orderPath = new URL(frame.url()).pathname;
      await shell.assertPageOk("the held order page", frame);
      // The hold, then one line per product and missing field.
      await shell.app.getByText(/Held before the supplier: EU customs and product-safety rules need data/).first().waitFor();
      await shell.app.getByText(/: EU responsible person \(GPSR\)$/).first().waitFor();
      await shell.app.getByText(/Compliance section/).first().waitFor();
      await screenshot("order-held-eu-customs");

      await shell.app.getByRole("link", { name: `Add customs data: ${IMPORTED_TITLE}` }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.assertPageOk("the import item's compliance card", frame);
      await shell.app.getByText(/EU orders held until added: EU responsible person/).waitFor();
      await shell.app.getByLabel("EU responsible person (GPSR)").fill("EU Rep GmbH, Hauptstraße 1, 10115 Berlin, DE, rep@example.eu");
      await shell.app.getByRole("button", { name: "Save", exact: true }).click();
      await shell.app.getByText("Ready for EU customs").waitFor({ timeout: 15_000 });
      await screenshot("import-item-compliance");

      await waitUntil("the order to be released", async () => {
        await shell.goto(orderPath);
        return (await shell.app.getByText(/Customs data complete; checking again/).count()) > 0;
      }, 20_000, 1_000);
      // The timeline keeps the hold's history; the banner with the fix and its links is gone.
      assert(await shell.app.getByText(/Compliance section/).count() === 0, "the order page still shows the customs hold's fix after the data was saved");
      assert(await shell.app.getByRole("link", { name: `Add customs data: ${IMPORTED_TITLE}` }).count() === 0, "the order page still links to the customs fix");
      await screenshot("order-released-eu-customs");
    },
  },
  {
    name: "compliance: checkout to France words the EU duty line honestly — prepaid on DDP rates, due on delivery on DDU rates",
    timeoutMs: 30_000,
    async run({ shell, page, stack, screenshot }) {
      assert(importedProduct(stack), `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      await shell.open("/app/shipping");
      await shell.fillCart(IMPORTED_TITLE, 1, "FR");
      await page.click("#quote-rates");
      const source = await page.getByTestId("rates-source").textContent();
      assert(source?.includes("from the app's carrier service"), `checkout did not get rates from the app: "${source}"`);
      const descriptions = await page.locator("#rates .rate-description").allTextContents();
      assert(descriptions.some((d) => /Duties & taxes prepaid, included \(est\./.test(d)), `no DDP rate says duties are prepaid: ${JSON.stringify(descriptions)}`);
      assert(descriptions.some((d) => /VAT\/GST charged at checkout \(est\. [^)]+\); customs duty & fees due on delivery \(est\. [^)]+\), plus any carrier collection fee/.test(d)),
        `no DDU rate says the EU duty is due on delivery: ${JSON.stringify(descriptions)}`);
      assert(!descriptions.some((d) => /nothing to pay on delivery/.test(d)), `a rate to France says nothing is due on delivery: ${JSON.stringify(descriptions)}`);
      await screenshot("shell-checkout-eu-duty-wording");
      await page.click("#tools-toggle");
    },
  },
  {
    name: "compliance: checkout for an EU cart with three HS codes states the duty and fees for three customs lines",
    timeoutMs: 60_000,
    async run({ shell, page, stack, screenshot }) {
      const product = importedProduct(stack);
      assert(product && product.variants.length >= 3, `run the sourcing flow first: "${IMPORTED_TITLE}" with three variants is not in the store`);
      // Three variants classified under three subheadings (a blouse, a T-shirt and a bag in the simulator test's cart),
      // written where the merchant's edit would put them: the variant mappings the rate callback reads.
      const { default: db } = await import("../../../app/db.server");
      const lines = product.variants.slice(0, 3).map((v, i) => ({ variantGid: v.id, hsCode: ["620610", "610910", "420292"][i]! }));
      for (const l of lines) await db.variantMapping.updateMany({ where: { shop: stack.shop, variantGid: l.variantGid }, data: { hsCode: l.hsCode } });
      // The app's rate callback caches mappings and hears of writes made in its own process; a barcode edit in
      // Shopify (products/update → the mapping's barcode) is such a write, so the cache re-reads the changed rows.
      const edit = await stack.emulator.graphql(stack.shop, `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
        productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { message } } }`,
        { productId: product.id, variants: [{ id: lines[0]!.variantGid, barcode: "6291041500213" }] }) as { data: { productVariantsBulkUpdate: { userErrors: unknown[] } } };
      assert(edit.data.productVariantsBulkUpdate.userErrors.length === 0, `the barcode edit failed: ${JSON.stringify(edit)}`);

      await shell.open("/app/shipping");
      await shell.fillCart(IMPORTED_TITLE, 1, "FR");
      await page.click("#add-line");
      await page.click("#add-line");
      const selects = page.locator(".cart-line .line-variant");
      for (const [i, l] of lines.entries()) await selects.nth(i).selectOption(l.variantGid);
      // The rate callback's mapping cache picks up another process's writes on its background refresh.
      let last: string[] = [];
      const descriptions = await waitUntil("checkout to count three customs lines", async () => {
        await page.click("#quote-rates");
        await page.getByTestId("rates-source").waitFor();
        last = await page.locator("#rates .rate-description").allTextContents();
        return last.some((d) => d.includes("for 3 customs lines")) ? last : null;
      }, 40_000, 2_000).catch(async (e: Error) => {
        await screenshot("shell-checkout-eu-three-lines-failed");
        const cart = await selects.evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value));
        throw new Error(`${e.message}; cart ${JSON.stringify(cart)}; rates say ${JSON.stringify(last)}`);
      });
      assert(descriptions.some((d) => /Duties & taxes prepaid, included \(est\. [^)]+ for 3 customs lines\)/.test(d)), `no DDP rate states the duty for 3 lines: ${JSON.stringify(descriptions)}`);
      assert(descriptions.some((d) => /customs duty & fees due on delivery \(est\. [^)]+ for 3 customs lines\)/.test(d)), `no DDU rate states the duty due for 3 lines: ${JSON.stringify(descriptions)}`);
      await screenshot("shell-checkout-eu-three-lines");
      await page.click("#tools-toggle");
    },
  },
];
