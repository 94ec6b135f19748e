import { assert, waitUntil, type E2eTest } from "../harness";

/** One of the demo store's own products (scripts/demo/seed-store.ts), never imported by Silkroute. */
export const EXISTING_TITLE = "Bamboo Travel Tumbler";

type Product = { title: string; variants: Array<{ id: string; available: Record<string, number> }> };
type Fulfillment = { orderId: string; trackingInfo: Array<{ company: string | null; number: string | null }> };

export const linkingTests: E2eTest[] = [
  {
    name: "linking: auto-match proposes the product the merchant copied from the supplier, and links it once reviewed",
    timeoutMs: 60_000,
    async run({ shell, screenshot }) {
      const frame = await shell.open("/app/mappings");
      await shell.app.getByRole("button", { name: "Find matches" }).click();
      await shell.app.getByText(/proposal\(s\) to review/).waitFor({ timeout: 40_000 });
      // The seeded copy carries the supplier's SKU: a sure match, preselected; title-only guesses are not.
      const sure = shell.app.locator(".Polaris-Badge", { hasText: "98% by sku" });
      await sure.first().waitFor();
      await shell.assertPageOk("the auto-match review", frame);
      await screenshot("linking-auto-match");
      const link = shell.app.getByRole("button", { name: /^Link \d+ selected$/ });
      const label = (await link.textContent()) ?? "";
      assert(/^Link [1-9]/.test(label), `nothing is preselected: "${label}"`);
      await link.click();
      await shell.app.getByText(/^Linked [1-9]\d* variant\(s\)\.$/).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: "linking: link an existing store product to a supplier SKU, sell it, and see the supplier order placed and tracked",
    timeoutMs: 150_000,
    async run({ shell, page, stack, screenshot }) {
      const frame = await shell.open("/app/mappings?q=Bamboo");
      await shell.assertPageOk("the supplier mappings", frame);
      await shell.app.getByRole("heading", { name: EXISTING_TITLE }).waitFor();
      await shell.app.getByText("Not mapped").first().waitFor();

      // From the variant row: search the sandbox supplier's catalog, open a product, compare cost, stock and margin.
      await shell.app.getByRole("link", { name: "Find at a supplier" }).first().click();
      await frame.waitForURL((url) => url.searchParams.has("link"));
      await shell.appIdle(frame);
      await shell.app.getByLabel("Search the supplier's catalog").fill("water bottle");
      await shell.app.getByRole("button", { name: "Search supplier" }).click();
      await frame.waitForURL((url) => url.searchParams.get("kw") === "water bottle");
      await shell.appIdle(frame);
      const results = shell.app.locator("a[href*='offer=']");
      await results.first().waitFor();
      await results.first().click();
      await frame.waitForURL((url) => url.searchParams.has("offer"));
      await shell.appIdle(frame);
      await shell.app.getByText("Margin at your price").waitFor();
      await shell.assertPageOk("the supplier offer", frame);
      await screenshot("linking-offer");

      // Move the stock to the Silkroute warehouse location and link a variant stocked in a China warehouse.
      await shell.app.getByRole("group", { name: "Orders for this product" }).getByLabel(/Move its stock to the supplier warehouse's Silkroute location/).check();
      const row = shell.app.locator("tr", { hasText: /CN-(SZ|GZ|YW): [1-9]/ }).first();
      await row.getByRole("button", { name: /^Link / }).click();
      await shell.app.getByText(/^Linked to sandbox /).waitFor({ timeout: 20_000 });
      await shell.assertPageOk("the mappings after linking", frame);
      await screenshot("linking-linked");

      const product = (stack.emulator.controls.products(stack.shop) as unknown as Product[]).find((p) => p.title === EXISTING_TITLE);
      assert(product, `the store has no "${EXISTING_TITLE}"`);
      const locations = stack.emulator.controls.shop(stack.shop).locations as Array<{ id: string; name: string }>;
      const silkroute = new Set(locations.filter((l) => l.name.startsWith("Silkroute ")).map((l) => l.id));
      const stockedAt = Object.entries(product.variants[0]!.available).filter(([, q]) => q > 0).map(([l]) => l);
      assert(stockedAt.length > 0 && stockedAt.every((l) => silkroute.has(l)), `the linked variant is stocked at ${stockedAt.join(", ") || "nowhere"}, not only at Silkroute locations`);

      // The buyer's side: a test order for the linked product.
      await shell.fillCart(EXISTING_TITLE, 1, "DE");
      await page.click("#quote-rates");
      await page.getByTestId("rates-source").waitFor();
      await page.click("#place-order");
      const placed = await page.getByTestId("order-placed").textContent();
      const name = /#\d+/.exec(placed ?? "")?.[0];
      assert(name, `the shell did not confirm the order: ${placed}`);
      const order = stack.emulator.controls.orders(stack.shop).find((o) => o.name === name) as { id: string } | undefined;
      assert(order, `the store has no order ${name}`);
      await page.click("#tools-toggle");

      // Shopify sent the fulfillment request to Silkroute; a shop in review mode approves it.
      let detailPath = "";
      await waitUntil(`${name} in the orders needing attention`, async () => {
        await shell.goto("/app/orders?tab=attention");
        return (await shell.app.locator("a", { hasText: name }).count()) > 0;
      }, 30_000, 1_000);
      await shell.app.locator("a", { hasText: name }).first().click();
      const detail = await shell.appFrame();
      await detail.waitForURL((url) => /^\/app\/orders\/[^/]+$/.test(url.pathname));
      detailPath = new URL(detail.url()).pathname;
      await shell.appIdle(detail);
      await shell.app.getByRole("button", { name: "Approve" }).click();
      await shell.app.getByText("Approved. The order is on its way to the supplier.").waitFor();

      await waitUntil("the supplier order placed", async () => {
        await shell.goto(detailPath);
        return (await shell.app.getByText(/^Supplier order: (?!not placed)/).count()) > 0;
      }, 30_000, 1_000);
      await waitUntil("tracking from the supplier", async () => {
        await shell.goto(detailPath);
        if ((await shell.app.getByText(/^Tracking: /).count()) > 0) return true;
        const check = shell.app.getByRole("button", { name: "Check tracking now" });
        if (await check.count()) {
          await check.click();
          await shell.app.getByText(/Checking with the supplier now|changed meanwhile/).first().waitFor();
        }
        await page.waitForTimeout(2_000);
        return false;
      }, 60_000, 0);
      await screenshot("linking-order-tracked");
      const fulfillment = await waitUntil("the fulfillment in the store", () =>
        (stack.emulator.controls.fulfillments(stack.shop) as unknown as Fulfillment[]).find((f) => f.orderId === order.id));
      assert(fulfillment.trackingInfo[0]?.number, "the store's fulfillment has no tracking number");
    },
  },
];
