import type { Frame } from "playwright-core";
import { assert, waitUntil, type AdminShellDriver, type E2eTest } from "../harness";
import { importedProduct, IMPORTED_TITLE } from "./sourcing";

type Fulfillment = { orderId: string; trackingInfo: Array<{ company: string | null; number: string | null }>; events: Array<{ status: string }> };

/** Opens an orders tab until `orderName` is listed there (the list is a loader: each visit reads it again). */
async function waitInTab(shell: AdminShellDriver, tab: string, orderName: string, timeoutMs: number): Promise<Frame> {
  let frame = await shell.appFrame();
  await waitUntil(`${orderName} under the "${tab}" tab`, async () => {
    frame = await shell.goto(`/app/orders?tab=${tab}`);
    return (await shell.app.locator("a", { hasText: orderName }).count()) > 0;
  }, timeoutMs, 1_000);
  await shell.assertPageOk(`the orders' ${tab} tab`, frame);
  return frame;
}

export const fulfillmentTests: E2eTest[] = [
  {
    name: "fulfillment: a test order for the imported product reaches the supplier, ships, and its tracking and events reach the store",
    timeoutMs: 120_000,
    async run({ shell, page, stack, screenshot }) {
      assert(importedProduct(stack), `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      await shell.open("/app/orders");
      await shell.assertPageOk("Orders");

      // The buyer's side: a checkout with the imported product to Berlin, paying the first Silkroute rate.
      await shell.fillCart(IMPORTED_TITLE, 1, "DE");
      await page.click("#quote-rates");
      await page.getByTestId("rates-source").waitFor();
      await page.click("#place-order");
      const placed = await page.getByTestId("order-placed").textContent();
      const name = /#\d+/.exec(placed ?? "")?.[0];
      assert(name, `the shell did not confirm the order: ${placed}`);
      const order = stack.emulator.controls.orders(stack.shop).find((o) => o.name === name) as { id: string } | undefined;
      assert(order, `the store has no order ${name}`);
      await page.click("#tools-toggle"); // close the tools so screenshots show the app

      // A new shop is in review mode: the order waits for the merchant's approval under Needs attention.
      await waitInTab(shell, "attention", name, 30_000);
      await screenshot("orders");
      await shell.app.locator("a", { hasText: name }).first().click();
      const frame = await shell.appFrame();
      await frame.waitForURL((url) => /^\/app\/orders\/[^/]+$/.test(url.pathname));
      const detailPath = new URL(frame.url()).pathname;
      await shell.appIdle(frame);
      await shell.assertPageOk("the order page", frame);
      await shell.app.getByRole("button", { name: "Approve" }).click();
      await shell.app.getByText("Approved. The order is on its way to the supplier.").waitFor();

      // Placed at the sandbox supplier: listed under Awaiting supplier with the supplier's order id.
      await waitInTab(shell, "supplier", name, 20_000);
      await waitUntil("the supplier to accept the order", async () => {
        await shell.goto(detailPath);
        return (await shell.app.getByText(/^Supplier order: (?!not placed)/).count()) > 0;
      }, 20_000, 1_000);

      // The sandbox ships after about a day of its time (~10 s); "Check tracking now" asks without waiting for the poll.
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
      await shell.app.getByText(/Shipped with .+; Shopify fulfillment created/).waitFor();
      await shell.assertPageOk("the order page with tracking", frame);
      await screenshot("order-detail");
      const trackingText = (await shell.app.getByText(/^Tracking: /).textContent())!.replace("Tracking: ", "").trim();

      // In transit, with the tracking number in the list.
      await waitInTab(shell, "transit", name, 10_000);
      await shell.app.locator("tr", { hasText: name }).getByText(trackingText.split(" ").pop()!).waitFor();

      // The store: a fulfillment with the tracking number and company, and carrier scans as fulfillment events.
      const fulfillment = await waitUntil("the fulfillment in the store", () =>
        (stack.emulator.controls.fulfillments(stack.shop) as unknown as Fulfillment[]).find((f) => f.orderId === order.id));
      const tracking = fulfillment.trackingInfo[0];
      assert(tracking?.number && tracking.company, `the fulfillment has no tracking number and company: ${JSON.stringify(fulfillment.trackingInfo)}`);
      assert(trackingText.endsWith(tracking.number), `the app shows "${trackingText}", the store has ${tracking.company} ${tracking.number}`);
      await waitUntil("fulfillment events from the carrier scans", async () => {
        const f = (stack.emulator.controls.fulfillments(stack.shop) as unknown as Fulfillment[]).find((x) => x.orderId === order.id);
        if (f && f.events.length > 0) return true;
        await shell.goto(detailPath);
        const check = shell.app.getByRole("button", { name: "Check tracking now" });
        if (await check.count()) await check.click();
        await page.waitForTimeout(2_000);
        return false;
      }, 40_000, 0);

      // And the merchant sees the same in the admin's orders panel.
      await shell.openTools("orders");
      const card = page.locator(`article[data-order-name="${name}"]`);
      await card.locator(".fulfillment", { hasText: tracking.number }).waitFor();
      await card.locator(".fulfillment", { hasText: tracking.company }).waitFor();
      assert(await card.locator(".fulfillment .events li").count() > 0, "the orders panel lists no fulfillment event");
      await screenshot("shell-orders-fulfilled");
    },
  },
  {
    name: "fulfillment: a payment-pending order stays on hold in the store, and releasing the hold sends it to Silkroute",
    timeoutMs: 90_000,
    async run({ shell, page, stack }) {
      assert(importedProduct(stack), `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      await shell.open("/app/orders");
      await shell.fillCart(IMPORTED_TITLE, 1, "DE");
      await page.check("#order-payment-pending");
      await page.click("#place-order");
      const placed = await page.getByTestId("order-placed").textContent();
      await page.uncheck("#order-payment-pending"); // later orders in this page are paid ones
      const name = /#\d+/.exec(placed ?? "")?.[0];
      assert(name, `the shell did not confirm the order: ${placed}`);

      await shell.openTools("orders");
      const card = page.locator(`article[data-order-name="${name}"]`);
      await card.getByText(/Fulfillment order \d+: on_hold/).waitFor();
      // Held: Shopify sent no fulfillment request, so Silkroute has nothing to place.
      await page.waitForTimeout(6_000);
      const order = stack.emulator.controls.orders(stack.shop).find((o) => o.name === name) as unknown as { fulfillmentOrders: { id: string; requestStatus: string }[] };
      assert(order.fulfillmentOrders.every((fo) => fo.requestStatus === "UNSUBMITTED"), `a held order's request was submitted: ${JSON.stringify(order.fulfillmentOrders)}`);

      await card.getByRole("button", { name: "Release hold (payment received)" }).click();
      await card.getByText(/Fulfillment order \d+: (open|in_progress)/).waitFor();
      await page.click("#tools-toggle");
      await waitInTab(shell, "attention", name, 30_000); // review mode: waiting for the merchant's approval
    },
  },
];
