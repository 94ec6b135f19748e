import { assert, waitUntil, type E2eTest } from "../harness";
import { IMPORTED_TITLE } from "./sourcing";

type Product = { id: string; title: string; variants: Array<{ id: string; price: string; available: Record<string, number> }> };
const product = (stack: import("../../demo/stack").DemoStack) =>
  (stack.emulator.controls.products(stack.shop) as unknown as Product[]).find((p) => p.title === IMPORTED_TITLE);

// Price and stock sync on the product the sourcing flow imported from the sandbox supplier (#14).
export const syncTests: E2eTest[] = [
  {
    name: "sync: a supplier cost rise past the margin floor alerts and keeps the price, Sync now writes the new stock and 'last synced', a price edit in the store locks the price",
    timeoutMs: 90_000,
    async run({ shell, stack, screenshot }) {
      const before = product(stack);
      assert(before, "run the sourcing import test first");
      const variant = before.variants[0]!;
      const { default: db } = await import("../../../app/db.server");
      const mapping = await db.variantMapping.findFirst({ where: { shop: stack.shop, variantGid: variant.id } });
      assert(mapping?.supplier === "sandbox", `the imported variant is not mapped to the sandbox supplier (${mapping?.supplier})`);

      let frame = await shell.open("/app/sync");
      await shell.assertPageOk("the sync page", frame);
      await shell.app.getByLabel("Margin floor (%)").fill("30");
      await shell.app.getByRole("button", { name: "Save", exact: true }).click();
      await shell.app.getByText("Sync settings saved.").waitFor();

      // The supplier's cost goes up twentyfold and its stock moves to 37 in every warehouse.
      const supplierVariant = stack.sandbox.catalog.variant(mapping.supplierSku)?.variant;
      assert(supplierVariant, `the sandbox has no variant ${mapping.supplierSku}`);
      stack.sandbox.change(mapping.supplierSku, { cost_fen: supplierVariant.cost_fen * 20, stock: Object.fromEntries(Object.keys(supplierVariant.stock).map((code) => [code, 37])) });

      const clicked = new Date();
      frame = await shell.goto("/app/mappings?q=Insulated");
      await shell.assertPageOk("the mappings page", frame);
      const card = shell.app.locator("div.Polaris-ShadowBevel").filter({ has: shell.app.getByRole("heading", { name: IMPORTED_TITLE }) });
      await card.getByRole("button", { name: "Sync now" }).click();
      await shell.app.getByText("Syncing this product now.").waitFor();
      const after = await waitUntil("the supplier's new stock in the store", () => {
        const p = product(stack);
        return p && Object.values(p.variants[0]!.available).includes(37) ? p : null;
      }, 40_000, 500);
      assert(after.variants[0]!.price === variant.price, `the price moved from ${variant.price} to ${after.variants[0]!.price} though it breaks the margin floor`);
      const synced = await db.variantMapping.findUniqueOrThrow({ where: { id: mapping.id } });
      assert(synced.lastSyncedAt && synced.lastSyncedAt >= clicked, "Sync now did not move the variant's last synced time");

      await shell.goto("/app/mappings?q=Insulated");
      await card.getByText(/^Last synced just now · last changed just now/).first().waitFor();
      frame = await shell.goto("/app/sync");
      const escaped = variant.price.replace(/[.]/g, "\\.");
      await shell.app.getByText(new RegExp(`margin floor at ${escaped} [A-Z]{3}; the price was kept\\.`)).first().waitFor();
      await screenshot("sync-margin-alert");

      // The merchant sets their own price in Shopify's admin: products/update reaches the app, which locks the price.
      stack.emulator.controls.editVariantAsMerchant(stack.shop, after.id, variant.id, { price: "123.45" });
      await waitUntil("the price lock from the merchant's edit", async () => (await db.variantMapping.findUniqueOrThrow({ where: { id: mapping.id } })).priceLock === "shopify_edit", 20_000, 500);
      await shell.goto("/app/mappings?q=Insulated");
      await card.getByText("Price locked because you edited it in Shopify").first().waitFor();
      await screenshot("sync-price-locked-by-store-edit");
    },
  },
];
