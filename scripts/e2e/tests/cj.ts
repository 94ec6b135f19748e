import type { Frame } from "playwright-core";
import { assert, waitUntil, type AdminShellDriver, type E2eTest } from "../harness";

// The merchant flow on CJ Dropshipping, against the CJ API 2.0 emulator the demo runs (built from CJ's published
// contract): connect → search → import → push → stock at the CJ warehouse's Silkroute location → test order →
// one CJ order → CJ's signed LOGISTIC webhooks → a Shopify fulfillment with tracking and events.
export const CJ_TITLE = "CJ Water Bottle (e2e)";

type Product = { id: string; title: string; variants: Array<{ id: string; sku: string; available: Record<string, number> }> };
type Fulfillment = { orderId: string; trackingInfo: Array<{ company: string | null; number: string | null }>; events: Array<{ status: string }> };

async function waitInTab(shell: AdminShellDriver, tab: string, orderName: string, timeoutMs: number): Promise<Frame> {
  let frame = await shell.appFrame();
  await waitUntil(`${orderName} under the "${tab}" tab`, async () => {
    frame = await shell.goto(`/app/orders?tab=${tab}`);
    return (await shell.app.locator("a", { hasText: orderName }).count()) > 0;
  }, timeoutMs, 1_000);
  return frame;
}

export const cjTests: E2eTest[] = [
  {
    name: "cj: connect CJ (emulated), import a CJ product stocked at Silkroute Shenzhen, and a test order ships with CJ's tracking",
    timeoutMs: 150_000,
    async run({ shell, page, stack, screenshot }) {
      // Settings: one click connects the emulator's ready-made account and registers CJ's webhooks.
      await shell.open("/app/settings");
      await shell.app.getByRole("button", { name: "Connect CJ (emulated)" }).click();
      await shell.app.getByText(/CJ Dropshipping \(emulated\) connected/).waitFor({ timeout: 20_000 });

      // Catalog on CJ: CJ's own warehouse countries and categories as filters.
      let frame = await shell.goto("/app/catalog?supplier=cj&q=bottle");
      await shell.assertPageOk("the CJ catalog", frame);
      await waitUntil("CJ results for bottle", async () => (await shell.app.locator("a[href^='/app/catalog/cj/']").count()) > 0, 15_000, 300);
      await screenshot("cj-catalog");
      await shell.app.locator("a[href^='/app/catalog/cj/']").first().click();
      await frame.waitForURL((url) => /^\/app\/catalog\/cj\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      await shell.assertPageOk("the CJ product page", frame);
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      await shell.app.getByLabel(/^Title( \(English\))?$/).fill(CJ_TITLE);
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await shell.app.locator("tr", { hasText: CJ_TITLE }).locator(".Polaris-Badge", { hasText: "pushed" }).waitFor({ timeout: 45_000 });

      // The store: every variant stocked at Silkroute Shenzhen, the location serving CJ's China warehouse.
      const product = await waitUntil("the CJ product in the store", () =>
        (stack.emulator.controls.products(stack.shop) as unknown as Product[]).find((p) => p.title === CJ_TITLE));
      const locations = stack.emulator.controls.shop(stack.shop).locations as Array<{ id: string; name: string }>;
      const shenzhen = locations.find((l) => l.name === "Silkroute Shenzhen");
      assert(shenzhen, "the store has no Silkroute Shenzhen location");
      assert(product.variants.every((v) => (v.available[shenzhen.id] ?? 0) > 0), `not every CJ variant has stock at Silkroute Shenzhen: ${JSON.stringify(product.variants.map((v) => v.available))}`);

      // A test order to New York (the sample address has the state CJ requires).
      await shell.open("/app/orders");
      await shell.fillCart(CJ_TITLE, 1, "US");
      await page.click("#quote-rates");
      await page.getByTestId("rates-source").waitFor();
      await page.click("#place-order");
      const name = /#\d+/.exec((await page.getByTestId("order-placed").textContent()) ?? "")?.[0];
      assert(name, "the shell did not confirm the order");
      const order = stack.emulator.controls.orders(stack.shop).find((o) => o.name === name) as { id: string } | undefined;
      assert(order, `the store has no order ${name}`);
      await page.click("#tools-toggle");

      frame = await waitInTab(shell, "attention", name, 30_000);
      await shell.app.locator("a", { hasText: name }).first().click();
      frame = await shell.appFrame();
      await frame.waitForURL((url) => /^\/app\/orders\/[^/]+$/.test(url.pathname));
      const detailPath = new URL(frame.url()).pathname;
      await shell.appIdle(frame);
      await shell.app.getByRole("button", { name: "Approve" }).click();
      await shell.app.getByText("Approved. The order is on its way to the supplier.").waitFor();

      // Exactly one CJ order, under our key; CJ ships a (sped-up) day later and pushes LOGISTIC scans.
      await waitUntil("the CJ order", async () => stack.cj.orderCount === 1, 30_000, 500).catch(async (e: Error) => {
        const { default: db } = await import("../../../app/db.server");
        const rows = await db.supplierOrder.findMany({ where: { shop: stack.shop, supplier: "cj" }, include: { events: true } });
        const jobs = await db.job.findMany({ where: { shop: stack.shop, queue: { startsWith: "fulfillment.place" } }, select: { state: true, result: true, lastError: true, runAt: true } });
        throw new Error(`${e.message}; rows: ${JSON.stringify(rows.map((r) => ({ state: r.state, reason: r.reasonMessage, events: r.events.map((x) => x.message) })))}; jobs: ${JSON.stringify(jobs)}`);
      });
      const fulfillment = await waitUntil("the fulfillment from CJ's tracking", async () => {
        const f = (stack.emulator.controls.fulfillments(stack.shop) as unknown as Fulfillment[]).find((x) => x.orderId === order.id);
        return f && f.events.length > 1 ? f : undefined;
      }, 80_000, 1_000);
      const [cjOrder] = stack.cj.orders.orders.values();
      assert(fulfillment.trackingInfo[0]?.number === cjOrder!.trackNumber, `the store has ${fulfillment.trackingInfo[0]?.number}, CJ shipped ${cjOrder!.trackNumber}`);
      assert(stack.cj.orderCount === 1, `CJ has ${stack.cj.orderCount} orders`);
      await shell.goto(detailPath);
      await shell.app.getByText(/^Tracking: /).waitFor();
      await shell.assertPageOk("the CJ order page with tracking");
      await screenshot("cj-order-detail");
    },
  },
];
