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
      await shell.app.getByText(/Held before the supplier: EU customs and product-safety rules need data .*EU responsible person \(GPSR\)/).first().waitFor();
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
];
