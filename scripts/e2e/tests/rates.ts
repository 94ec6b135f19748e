import { assert, waitUntil, type E2eTest } from "../harness";
import { importedProduct, IMPORTED_TITLE } from "./sourcing";

export const ratesTests: E2eTest[] = [
  {
    name: "rates: a fresh install offers no Silkroute rate; turning rates on (double-clicked) creates one delivery profile, then checkout quotes Silkroute's services to Germany",
    timeoutMs: 60_000,
    async run({ shell, page, stack, screenshot }) {
      assert(importedProduct(stack), `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      const frame = await shell.open("/app/shipping");
      await shell.assertPageOk("Shipping", frame);
      // Before: API 2026-10 puts a carrier service in no shipping profile, and Silkroute has none yet.
      await shell.fillCart(IMPORTED_TITLE, 1, "DE");
      await page.click("#quote-rates");
      const before = await page.getByTestId("rates-source").textContent();
      assert(!before?.includes("from the app's carrier service"), `checkout got Silkroute rates before they were turned on: "${before}"`);
      await page.click("#tools-toggle"); // close the tools so the app's page is in reach
      const turnOn = shell.app.getByRole("button", { name: "Turn on checkout rates" });
      if (await turnOn.count()) await turnOn.dblclick();
      await shell.appIdle(frame);
      await shell.app.locator(".Polaris-Badge", { hasText: "active" }).first().waitFor();
      await shell.app.locator(".Polaris-Badge", { hasText: "ready" }).first().waitFor();
      const services = stack.emulator.controls.shop(stack.shop).carrierServices as Array<{ name?: string; active?: boolean; callbackUrl?: string }>;
      assert(services.length === 1 && services[0]!.active === true, `the store has ${services.length} carrier service(s) after turning rates on`);
      const profiles = (await stack.emulator.graphql(stack.shop, "{ deliveryProfiles(first: 10) { nodes { name default coversAllItems } } }")) as { data: { deliveryProfiles: { nodes: Array<{ name: string; default: boolean; coversAllItems: boolean }> } } };
      const ours = profiles.data.deliveryProfiles.nodes.filter((p) => !p.default);
      assert(ours.length === 1 && ours[0]!.coversAllItems, `expected one Silkroute profile covering all items, found ${JSON.stringify(ours)}`);
      const offered = await shell.app.getByTestId("reach-offered").allTextContents();
      assert(offered.some((t) => t.includes(ours[0]!.name) && t.includes("Germany")), `the shipping page does not show where rates are offered: ${JSON.stringify(offered)}`);
      await screenshot("shipping");

      await shell.fillCart(IMPORTED_TITLE, 1, "DE");
      await page.click("#quote-rates");
      const source = await page.getByTestId("rates-source").textContent();
      assert(source?.includes("from the app's carrier service"), `checkout did not get rates from the app: "${source}"`);
      const rates = await page.locator("#rates .rate").evaluateAll((labels) => labels.map((l) => ({
        name: l.querySelector(".rate-name")?.textContent ?? "", price: l.querySelector(".rate-price")?.textContent ?? "", window: l.querySelector(".rate-window")?.textContent ?? "",
      })));
      assert(rates.length > 0, "checkout offered no Silkroute rate");
      assert(!rates.some((r) => r.name === "Standard shipping"), "checkout shows the store's backup rate among the app's rates");
      for (const r of rates) {
        assert(r.name.trim().length > 0, "a rate has no service name");
        assert(/[$€]\s?\d/.test(r.price), `${r.name} shows no price: "${r.price}"`);
        assert(/^Arrives \w+ \d+/.test(r.window), `${r.name} shows no delivery window: "${r.window}"`);
      }
      await screenshot("shell-checkout-silkroute-rates");

      // Those checkout callbacks show on the home page's checkout-SLA card (issue #16).
      const home = await shell.open();
      await shell.assertPageOk("Home", home);
      const calls = shell.app.locator("#checkout-sla-calls");
      await calls.waitFor();
      const counted = (await calls.textContent()) ?? "";
      assert(/^[1-9][\d,]* rate requests?: [1-9][\d,]* with rates/.test(counted), `the checkout-SLA card did not count the checkout's callbacks: "${counted}"`);
      const p95 = (await shell.app.locator("#checkout-sla-p95").textContent()) ?? "";
      assert(/^≤ \d+ ms$/.test(p95), `the checkout-SLA card shows no p95: "${p95}"`);
      await shell.app.getByText("Shopify's bar: 500 ms").waitFor();
      await shell.app.locator("svg[aria-label='95th percentile answer time by day (ms)'] rect").first().waitFor();
      await screenshot("home-checkout-sla");
    },
  },
  {
    name: "rates: the admin's rate simulator quotes the imported SKU to Germany with a breakdown and a chart",
    timeoutMs: 30_000,
    async run({ shell, stack, screenshot }) {
      const product = await waitUntil("the imported product", () => importedProduct(stack), 1_000);
      const frame = await shell.open("/app/shipping/simulator");
      await shell.assertPageOk("the rate simulator", frame);
      await shell.app.getByLabel("Country (ISO-2)").fill("DE");
      await shell.app.getByLabel("Postal code").fill("10115");
      await shell.app.getByLabel("Province/state code").fill("");
      await shell.app.getByLabel("Cart currency").fill("EUR");
      await shell.app.getByLabel("Line 1 SKU").fill(product.variants[0]!.sku);
      await shell.app.getByRole("button", { name: "Quote rates" }).click();
      await shell.app.getByText("Compare services").waitFor();
      await shell.assertPageOk("the rate simulator's answer", frame);
      const matched = await shell.app.getByText(/lines? matched a supplier mapping/).textContent();
      assert(matched?.startsWith("1 line"), `the simulator did not use the imported SKU's mapping: "${matched}"`);
      await shell.app.locator("svg[aria-label='Price per service']").waitFor();
      await shell.app.locator("svg[aria-label='Delivery window per service']").waitFor();
      const bars = await shell.app.locator("svg[aria-label='Price per service'] rect").count();
      assert(bars > 0, "the price chart draws no bar");
      for (const row of ["Billable weight", "Base", "Duties and taxes", "Parcel total"]) await shell.app.getByText(row, { exact: true }).first().waitFor();
      await shell.app.getByText(/^Delivery \w+/).first().waitFor();
      await screenshot("shipping-simulator");
    },
  },
  {
    name: "rates: the simulator shows duty and fees per HS line for an EU cart with three HS codes, each fee with its rule and source",
    timeoutMs: 30_000,
    async run({ shell, screenshot }) {
      const frame = await shell.open("/app/shipping/simulator");
      await shell.assertPageOk("the rate simulator", frame);
      await shell.app.getByLabel("Country (ISO-2)").fill("FR");
      await shell.app.getByLabel("Postal code").fill("75001");
      await shell.app.getByLabel("Province/state code").fill("");
      await shell.app.getByLabel("Cart currency").fill("EUR");
      const lines = [["200", "40.00", "6206.10"], ["150", "20.00", "610910"], ["300", "20.00", "4202.92"]] as const;
      for (const [i, [grams, price, hs]] of lines.entries()) {
        await shell.app.getByLabel("Grams per unit").nth(i).fill(grams);
        await shell.app.getByLabel("Unit price").nth(i).fill(price);
        await shell.app.getByLabel("HS code").nth(i).fill(hs);
      }
      await shell.app.getByRole("button", { name: "Quote rates" }).click();
      await shell.app.getByText("Compare services").waitFor();
      await shell.assertPageOk("the rate simulator's answer", frame);
      await shell.app.getByText("HS line (3)").first().waitFor();
      for (const hs6 of ["620610", "610910", "420292"]) await shell.app.getByText(hs6, { exact: true }).first().waitFor();
      const fee = await shell.app.getByText(/France handling fee, €2 per customs line: €6\.00 \(3 lines\)/).first().textContent();
      assert(fee?.includes("rule fr-line-fee") && fee.includes("source: https://"), `the France fee does not name its rule and source: "${fee}"`);
      await shell.app.getByText(/for 3 customs lines/).first().waitFor();
      await screenshot("shipping-simulator-eu-lines");
    },
  },
];
