import { assert, type E2eTest } from "../harness";

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const testStoreTests: E2eTest[] = [
  {
    name: "the shell quotes checkout rates for a cart and an address abroad",
    async run({ shell, page, screenshot }) {
      await shell.open();
      await shell.fillCart("Porcelain Tea Set", 2, "DE");
      await page.click("#quote-rates");
      await page.getByTestId("rates-source").waitFor();
      const rates = await page.locator("#rates .rate").count();
      assert(rates > 0, "checkout offered no shipping rate");
      const first = await page.locator("#rates .rate").first().textContent();
      assert(/\$\d/.test(first ?? ""), `the first rate shows no price: ${first}`);
      await screenshot("shell-checkout-rates");
    },
  },
  {
    name: "a test order placed through the shell shows up in the orders list and reaches the app",
    async run({ shell, page, stack, screenshot }) {
      await shell.open();
      await shell.fillCart("Mulberry Silk Scarf", 1, "US");
      await page.click("#quote-rates");
      await page.getByTestId("rates-source").waitFor();
      await page.click("#place-order");
      const placed = await page.getByTestId("order-placed").textContent();
      const name = /#\d+/.exec(placed ?? "")?.[0];
      assert(name, `the shell did not confirm the order: ${placed}`);
      await shell.openTools("orders");
      await page.locator(`article[data-order-name="${name}"]`).waitFor();
      const order = stack.emulator.controls.orders(stack.shop).find((o) => o.name === name);
      assert(order, `the store has no order ${name}`);
      const delivery = await waitFor("the orders/create webhook to reach the app", () =>
        stack.emulator.controls.deliveries({ shop: stack.shop, topic: "orders/create" }).find((d) => JSON.parse(d.body).name === name && d.state !== "pending"));
      assert(delivery.state === "delivered", `the app answered orders/create with ${delivery.statuses.join(", ")}`);
      await screenshot("shell-orders");
    },
  },
  {
    name: "cancelling an order in the shell cancels it in the store",
    async run({ shell, page, stack }) {
      const variantId = stack.emulator.controls.products(stack.shop)[0]!.variants[0]!.id as string;
      const order = stack.emulator.controls.placeOrder(stack.shop, {
        lines: [{ variantId, quantity: 1 }], shippingAddress: { firstName: "Test", lastName: "Buyer", countryCode: "CA", city: "Toronto", zip: "M5V 3L9" },
      });
      await shell.open();
      await shell.openTools("orders");
      const card = page.locator(`article[data-order-name="${order.name}"]`);
      await card.getByRole("button", { name: "Cancel order" }).click();
      await card.locator(".badge", { hasText: "Cancelled" }).waitFor();
      assert(stack.emulator.controls.orders(stack.shop).find((o) => o.id === order.id)?.cancelledAt, "the store did not cancel the order");
    },
  },
];
