// Issue #20 (ADR 2000): a product the sandbox supplier stocks in its US warehouse ("US", registry id US-LA) is imported
// through the admin, and the test store's checkout offers the US warehouse's ground service to a US address, with its
// delivery window, while an Australian address (no overseas warehouse serves AU) is not offered it.
import { assert, waitUntil, type E2eTest } from "../harness";
import type { DemoStack } from "../../demo/stack";

export const OVERSEAS_TITLE = "Silkroute US Warehouse Lamp (e2e)";
const US_GROUND = "US Ground (from US warehouse)"; // SAMPLE_US_GROUND in app/server/shipping/engine/defaults/sample-overseas-cards.ts

type StoreProduct = { title: string; variants: Array<{ available: Record<string, number> }> };

/** A sandbox product every variant of which has stock in the US warehouse, with no hazard a card might refuse; few variants keep the push short. */
function usStockedProduct(stack: DemoStack) {
  const candidates = stack.sandbox.catalog.products.filter((p) =>
    p.warehouses.includes("US") && p.variants.every((v) => (v.stock.US ?? 0) > 0) && !Object.values(p.hazards).some(Boolean));
  return [...candidates].sort((a, b) => a.variants.length - b.variants.length)[0];
}

type Rate = { name: string; price: string; window: string };

export const overseasTests: E2eTest[] = [
  {
    name: "overseas: a product stocked in the supplier's US warehouse is offered US Ground from the US warehouse at a US checkout, with its delivery window, and not at an Australian one",
    timeoutMs: 90_000,
    async run({ shell, page, stack, screenshot }) {
      const source = usStockedProduct(stack);
      assert(source, "the sandbox catalog has no product stocked in its US warehouse");

      // Import it through the admin: product page → import list → push.
      const frame = await shell.open(`/app/catalog/sandbox/${encodeURIComponent(source.pid)}`);
      await shell.assertPageOk("the US-stocked product's page", frame);
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      await shell.app.getByLabel(/^Title( \(English\))?$/).fill(OVERSEAS_TITLE);
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await shell.app.locator("tr", { hasText: OVERSEAS_TITLE }).locator(".Polaris-Badge", { hasText: "pushed" }).waitFor({ timeout: 45_000 });

      // The store stocks it at the Silkroute Los Angeles location created for the US-LA registry warehouse.
      const product = await waitUntil("the US-stocked product in the emulated store", () =>
        (stack.emulator.controls.products(stack.shop) as unknown as StoreProduct[]).find((p) => p.title === OVERSEAS_TITLE));
      const locations = stack.emulator.controls.shop(stack.shop).locations as Array<{ id: string; name: string }>;
      const losAngeles = locations.find((l) => l.name === "Silkroute Los Angeles");
      assert(losAngeles, `the store has no Silkroute Los Angeles location (${locations.map((l) => l.name).join(", ")})`);
      assert(product.variants.every((v) => (v.available[losAngeles.id] ?? 0) > 0), "a variant has no stock at Silkroute Los Angeles");

      // Checkout rates on (the rates flow may have turned them on already; a second click is a no-op).
      const shipping = await shell.open("/app/shipping");
      await shell.assertPageOk("Shipping", shipping);
      const turnOn = shell.app.getByRole("button", { name: "Turn on checkout rates" });
      if (await turnOn.count()) await turnOn.click();
      await shell.appIdle(shipping);
      await shell.app.locator(".Polaris-Badge", { hasText: "active" }).first().waitFor();

      const quote = async (country: string, quantity = 1): Promise<Rate[]> => {
        await shell.fillCart(OVERSEAS_TITLE, quantity, country);
        await page.click("#quote-rates");
        const from = await page.getByTestId("rates-source").textContent();
        assert(from?.includes("from the app's carrier service"), `checkout to ${country} did not get rates from the app: "${from}"`);
        return page.locator("#rates .rate").evaluateAll((labels) => labels.map((l) => ({
          name: l.querySelector(".rate-name")?.textContent ?? "", price: l.querySelector(".rate-price")?.textContent ?? "", window: l.querySelector(".rate-window")?.textContent ?? "",
        })));
      };

      // The import job may write the mapping from another process than the rate callback's; the callback's mapping
      // store sees such writes within MAPPING_POLL_MS (10 s, ADR 0710), so a checkout right after the push can still
      // quote the line as unmapped (from China). Quote again until the mapping arrives, within that bound and a margin;
      // each attempt one more unit, since checkout caches the answer to an identical request (the emulator, like Shopify).
      let toUs: Rate[] = [];
      let attempt = 0;
      const ground = await waitUntil(`${US_GROUND} at the US checkout`, async () => {
        toUs = await quote("US", ++attempt);
        return toUs.find((r) => r.name.includes(US_GROUND));
      }, 30_000, 1_000).catch((e: Error) => { throw new Error(`${e.message}; the US checkout offers ${JSON.stringify(toUs.map((r) => r.name))}`); });
      assert(/\$\s?\d/.test(ground.price), `${US_GROUND} shows no price: "${ground.price}"`);
      assert(/^Arrives \w+ \d+/.test(ground.window), `${US_GROUND} shows no delivery window: "${ground.window}"`);
      await screenshot("shell-checkout-overseas-us");

      const toAustralia = await quote("AU");
      assert(toAustralia.length > 0, "the Australian checkout got no Silkroute rate at all");
      assert(!toAustralia.some((r) => r.name.includes("from US warehouse")), `the Australian checkout offers the US warehouse's service: ${JSON.stringify(toAustralia.map((r) => r.name))}`);
      await screenshot("shell-checkout-overseas-au");
    },
  },
];
