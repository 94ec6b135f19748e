import { assert, type E2eTest } from "../harness";
import { importedProduct, IMPORTED_TITLE } from "./sourcing";

type Fulfillment = { orderId: string; trackingInfo: Array<{ number: string | null }> };

export const extensionsTests: E2eTest[] = [
  {
    name: "extensions: the local admin's order page shows the Silkroute block with the supplier order and its tracking, the product page the margin block",
    timeoutMs: 30_000,
    async run({ page, stack, screenshot }) {
      // The order the fulfillment flow shipped: it has a Shopify fulfillment with the supplier's tracking number.
      const shipped = (stack.emulator.controls.fulfillments(stack.shop) as unknown as Fulfillment[]).find((f) => f.trackingInfo[0]?.number);
      assert(shipped, "run the fulfillment flow first: no shipped order in the store");
      const handle = stack.shop.replace(/\.myshopify\.com$/, "");
      await page.goto(`${stack.shell.url}/store/${handle}/orders/${shipped.orderId.split("/").pop()}`);
      const block = page.locator("#extension-block[data-state=ready] s-admin-block");
      await block.waitFor();
      await block.locator("s-section").first().waitFor();
      const text = (await block.textContent()) ?? "";
      assert(text.includes(shipped.trackingInfo[0]!.number!), `the order block does not show tracking ${shipped.trackingInfo[0]!.number}: ${text}`);
      assert(/Shipped|Delivered/.test(text), `the order block shows no shipped state: ${text}`);
      assert(await block.locator("s-link a[href*='/apps/silkroute/app/orders/']").count() > 0, "the order block has no link into Silkroute");
      await screenshot("admin-order-block");

      const product = importedProduct(stack);
      assert(product, `run the sourcing flow first: "${IMPORTED_TITLE}" is not in the store`);
      await page.goto(`${stack.shell.url}/store/${handle}/products/${String(product.id).split("/").pop()}`);
      const productBlock = page.locator("#extension-block[data-state=ready] s-admin-block");
      await productBlock.locator("s-section").first().waitFor();
      const productText = (await productBlock.textContent()) ?? "";
      assert(/margin -?\d+\.\d %/.test(productText), `the product block shows no margin: ${productText}`);
      assert(/SKU /.test(productText), `the product block shows no supplier SKU: ${productText}`);
      // The product page's online store preview: the theme block's own asset, through the signed app proxy.
      const estimate = page.locator(".storefront-preview .silkroute-estimate__text");
      await page.locator(".storefront-preview .silkroute-estimate:not([hidden])").waitFor();
      const estimateText = (await estimate.textContent()) ?? "";
      assert(/^Ships from China · arrives .+ – .+ · (duties|nothing more to pay)/.test(estimateText), `the storefront estimate reads "${estimateText}"`);
      await screenshot("admin-product-block");
    },
  },
];
