import { assert, waitUntil, type E2eTest } from "../harness";

// JD VOP through the demo's emulator (suppliers/jd/emulator): connect, the consolidation warehouse with JD area ids,
// a JD pool in the catalog, and a Chinese-only product that cannot be pushed until its English copy is written;
// a test order of two SKUs that different JD warehouses ship is split by JD, and each child is tracked.
export const jdTests: E2eTest[] = [
  {
    name: "jd: connect JD VOP (emulated), see the consolidation warehouse, and import a Chinese-only JD product that waits for its English copy",
    timeoutMs: 120_000,
    async run({ shell, stack, screenshot }) {
      let frame = await shell.open("/app/settings");
      await shell.assertPageOk("Settings", frame);
      await shell.app.getByRole("button", { name: "Connect JD VOP (emulated)" }).click();
      await shell.app.getByText(/JD VOP \(emulated\) connected/).waitFor({ timeout: 20_000 });

      frame = await shell.goto("/app/consolidation?province=19&city=1666&county=1669&town=52082");
      await shell.assertPageOk("China consolidation warehouses", frame);
      await shell.app.getByText("广东 佛山市 顺德区 均安镇").first().waitFor();
      await shell.app.getByText("JD area id 19_1666_1669_52082").waitFor();
      // JD names areas in Chinese only; the pickers find them by pinyin or initials too.
      await shell.app.getByLabel("Find province").fill("bj");
      const provinces = await shell.app.getByLabel("Province 省").locator("option").allTextContents();
      assert(provinces.some((o) => o.startsWith("北京 beijing")) && !provinces.some((o) => o.startsWith("上海")), `"bj" lists ${provinces.join(", ")}`);
      await screenshot("jd-consolidation-warehouses");

      frame = await shell.goto("/app/catalog?supplier=jd");
      await shell.assertPageOk("the JD catalog", frame);
      const firstLink = shell.app.locator("a[href^='/app/catalog/jd/']").first();
      await firstLink.waitFor({ timeout: 20_000 });
      assert(/[\u4e00-\u9fff]/.test((await firstLink.textContent()) ?? ""), "the JD catalog shows no Chinese title");
      await firstLink.click();
      await frame.waitForURL((url) => /^\/app\/catalog\/jd\/\d+$/.test(url.pathname));
      const firstSku = new URL(frame.url()).pathname.split("/").pop()!;
      await shell.assertPageOk("the JD product page", frame);
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.assertPageOk("the JD import item", frame);
      await shell.app.getByText("English copy missing").waitFor();
      await shell.app.getByText(/^中文原文: /).first().waitFor();
      await screenshot("jd-import-item-chinese");

      // Pushing before the English is written is refused with the reason; writing it lets the push start.
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await shell.app.getByText(/need an English title or description/).waitFor();
      await shell.app.getByLabel("Title (English)").fill(JD_TITLE);
      await shell.app.getByLabel("Description (English, HTML)").fill("<p>Large capacity, two-way fast charging.</p>");
      await shell.app.getByLabel("HS code").fill("8507.60");
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await shell.app.getByText("Last import: 1 of 1 pushed").waitFor({ timeout: 45_000 });
      const product = await waitUntil("the JD product in the store", () => jdProduct(stack));

      // A second SKU that another JD warehouse ships, so the test order's JD order is split into two children.
      const first = stack.jdVop.catalog.sku(Number(firstSku))!;
      const second = stack.jdVop.catalog.skusOfPool(first.pool).map((n) => stack.jdVop.catalog.sku(n)!)
        .find((s) => s.shipper !== first.shipper && s.priceFen > 0 && s.state === 1 && stack.jdVop.catalog.stockIn(s, 19) >= 10);
      assert(second, "the JD pool has no stocked SKU from another warehouse");
      frame = await shell.goto(`/app/catalog/jd/${second.sku}`);
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.app.getByLabel("Title (English)").fill(JD_SECOND_TITLE);
      await shell.app.getByLabel("Description (English, HTML)").fill("<p>Ships from a second JD warehouse.</p>");
      await shell.app.getByLabel("HS code").fill("8544.42");
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await waitUntil("the second JD product in the store", () => jdProduct(stack, JD_SECOND_TITLE), 45_000, 500);
      const locations = stack.emulator.controls.shop(stack.shop).locations as Array<{ id: string; name: string }>;
      const jdLocation = locations.find((l) => l.name === "Silkroute JD consolidation");
      assert(jdLocation, `the store has no JD consolidation location (${locations.map((l) => l.name).join(", ")})`);
      assert(product.variants.every((v) => (v.available[jdLocation.id] ?? 0) > 0), `the JD product has no stock at the JD location: ${JSON.stringify(product.variants.map((v) => v.available))}`);
    },
  },
  {
    name: "jd: a test order is reserved and confirmed at JD once, ships to the consolidation warehouse, and the forwarder's number becomes the store's fulfillment",
    timeoutMs: 150_000,
    async run({ shell, stack, screenshot }) {
      const product = jdProduct(stack);
      const other = jdProduct(stack, JD_SECOND_TITLE);
      assert(product && other, "run the JD import test first");
      await shell.open("/app/orders");
      const order = stack.emulator.controls.placeOrder(stack.shop, {
        lines: [{ variantId: product.variants[0]!.id, quantity: 1 }, { variantId: other.variants[0]!.id, quantity: 1 }],
        shippingAddress: { firstName: "Mia", lastName: "Schneider", address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE", phone: "+4915112345678" },
      }) as unknown as { id: string; name: string };
      // A new shop is in review mode: the order waits for the merchant's approval.
      let frame = await waitUntil(`${order.name} under Needs attention`, async () => {
        const f = await shell.goto("/app/orders?tab=attention");
        return (await shell.app.locator("a", { hasText: order.name }).count()) > 0 ? f : null;
      }, 40_000, 1_000);
      await shell.app.locator("a", { hasText: order.name }).first().click();
      frame = await shell.appFrame();
      await frame.waitForURL((url) => /^\/app\/orders\/[^/]+$/.test(url.pathname));
      const detailPath = new URL(frame.url()).pathname;
      await shell.assertPageOk("the JD order page", frame);
      await shell.app.getByRole("button", { name: "Approve" }).click();
      await waitUntil("JD to reserve and confirm the order", async () => {
        await shell.goto(detailPath);
        return (await shell.app.getByText(/^Supplier order: \d+/).count()) > 0;
      }, 30_000, 1_000);
      // JD split it by shipping warehouse at confirmation; tracking follows each child to the consolidation warehouse.
      await waitUntil("both JD child orders shipped on the order page", async () => {
        await shell.goto(detailPath);
        if ((await shell.app.getByText(/^JD split this order into 2: \d+ (shipped|delivered), \d+ (shipped|delivered)$/).count()) > 0) return true;
        const check = shell.app.getByRole("button", { name: "Check tracking now" });
        if (await check.count()) await check.click();
        return false;
      }, 45_000, 2_000);
      await shell.app.getByText(/^JD child order \d+ \(2 of 2\): (shipped|delivered)/).first().waitFor();
      await screenshot("jd-order-page");

      // JD delivers to the consolidation warehouse; the forwarder's parcel is what the buyer follows.
      await shell.app.getByLabel("Tracking number").fill("YT2412345678901");
      await shell.app.getByLabel("Carrier").fill("YunExpress");
      await shell.app.getByRole("button", { name: "Save forwarder tracking" }).click();
      await shell.app.getByText(/Forwarder tracking saved/).waitFor();
      const fulfillment = await waitUntil("the fulfillment with the forwarder's number in the store", async () => {
        const found = (stack.emulator.controls.fulfillments(stack.shop) as unknown as Array<{ orderId: string; trackingInfo: Array<{ number: string | null; company: string | null }> }>)
          .find((f) => f.orderId === order.id);
        if (found) return found;
        await shell.goto(detailPath);
        const check = shell.app.getByRole("button", { name: "Check tracking now" });
        if (await check.count()) await check.click();
        return null;
      }, 40_000, 2_000);
      assert(fulfillment.trackingInfo.some((t) => t.number === "YT2412345678901" && t.company === "YunExpress"), `the fulfillment carries ${JSON.stringify(fulfillment.trackingInfo)}`);
      await shell.goto(detailPath);
      await shell.app.getByText(/^Tracking: YunExpress YT2412345678901/).waitFor();
      await screenshot("jd-order-page-forwarder");
    },
  },
];

type Product = { id: string; title: string; variants: Array<{ id: string; available: Record<string, number> }> };
const JD_TITLE = "ROMOSS power bank 20000 mAh (e2e)";
const JD_SECOND_TITLE = "JD second-warehouse item (e2e)";
function jdProduct(stack: import("../../demo/stack").DemoStack, title = JD_TITLE): Product | undefined {
  return (stack.emulator.controls.products(stack.shop) as unknown as Product[]).find((p) => p.title === title);
}
