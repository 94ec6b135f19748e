import { assert, waitUntil, type E2eTest } from "../harness";

/**
 * The rest of a Free shop's 100 new products this month, as the persisted facts usage counts: one finished import
 * job at the start of the period (older than the flows' own jobs) with pushed rows. No import-list items, so the
 * page the merchant sees is unchanged.
 */
async function useUpImportAllowance(shop: string): Promise<void> {
  const { default: db } = await import("../../../app/db.server");
  const { billingPeriod, usageThisPeriod } = await import("../../../app/server/billing/usage.server");
  const { PLANS } = await import("../../../app/server/billing/plans");
  const missing = PLANS.free.limits.importedProducts! - (await usageThisPeriod(shop)).importedProducts;
  if (missing <= 0) return;
  const job = await db.importJob.create({ data: { shop, mode: "bulk", status: "completed", total: missing, done: missing, createdAt: billingPeriod().start, finishedAt: billingPeriod().start } });
  await db.importJobItem.createMany({ data: Array.from({ length: missing }, (_, i) => ({ jobId: job.id, importItemId: `e2e-earlier-${i}`, lineNumber: i, status: "pushed", productGid: `gid://shopify/Product/${990_000 + i}` })) });
}

// Billing through Shopify (ADR 1000): the Plans page asks Shopify for a charge, App Bridge takes the merchant to
// Shopify's approval screen (the local admin's stand-in), and approving brings them back on the new plan. It runs
// before the CJ flow, which needs a second real supplier and so a paid plan.
export const plansTests: E2eTest[] = [
  {
    name: "plans: a free shop hits its import limit, upgrades to Growth through Shopify's approval screen, the Plans page shows Growth and the import goes through",
    timeoutMs: 120_000,
    async run({ shell, page, stack, screenshot }) {
      // At the Free plan's 100 new products this month, pushing one more is refused at the start with a way to upgrade.
      await useUpImportAllowance(stack.shop);
      let frame = await shell.open("/app/catalog");
      // Not the water bottle the sourcing flow already pushed: a product new to the store.
      const fresh = shell.app.locator("a[href^='/app/catalog/sandbox/']").filter({ hasNotText: /bottle/i });
      await waitUntil("a sandbox product in the catalog", async () => (await fresh.count()) > 0, 15_000, 300);
      await fresh.last().click();
      await frame.waitForURL((url) => /^\/app\/catalog\/sandbox\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      // The URL can change before the product page replaces the list (every row of which has its own "Add to import
      // list" button, seen busy in a loaded CI run): wait for the product page's own text, as the sourcing flow does.
      await shell.app.getByText(/Converted at 1 CNY/).waitFor();
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.appIdle(frame);
      const itemPath = new URL(frame.url()).pathname;
      await shell.app.getByLabel(/^Title( \(English\))?$/).fill("Plans e2e product");
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await shell.app.getByText(/of the 100 new products the Free plan includes this month\. Upgrade on the Plans page/).waitFor({ timeout: 15_000 });
      await screenshot("plans-import-limit");
      await shell.app.getByRole("link", { name: "See plans" }).or(shell.app.getByRole("button", { name: "See plans" })).first().click();
      frame = await shell.appFrame();
      await frame.waitForURL((url) => url.pathname === "/app/plans");
      await shell.appIdle(frame);
      await shell.app.getByRole("button", { name: "Upgrade to Growth" }).waitFor();
      await screenshot("plans-free");
      await shell.app.getByRole("button", { name: "Upgrade to Growth" }).click();

      // The top-level redirect leaves the app for the approval screen.
      await page.waitForURL((url) => /\/RecurringApplicationCharge\/confirm_recurring_application_charge$/.test(url.pathname), { timeout: 20_000 });
      await page.getByText(/Growth/).first().waitFor();
      await screenshot("plans-approval");
      await page.getByRole("button", { name: "Approve" }).click();
      // Approving sends the browser to the app's returnUrl; let that navigation finish before opening the admin again.
      await page.waitForURL((url) => !/confirm_recurring_application_charge$/.test(url.pathname), { timeout: 20_000 });
      await page.waitForLoadState("load").catch(() => undefined);

      // Back in the app on Growth: Shopify reports the subscription active, and the Plans page says so.
      await waitUntil("an active Growth subscription in the store", async () => {
        const res = (await stack.emulator.graphql(stack.shop, "{ currentAppInstallation { activeSubscriptions { name status } } }")) as
          { data: { currentAppInstallation: { activeSubscriptions: Array<{ name: string; status: string }> } } };
        return res.data.currentAppInstallation.activeSubscriptions.some((s) => s.status === "ACTIVE" && /Growth/.test(s.name));
      }, 15_000, 300);
      await shell.open("/app/plans");
      await shell.app.getByText("Growth plan usage").waitFor({ timeout: 15_000 });
      await shell.app.getByText("Current plan").waitFor();
      assert(await shell.app.getByRole("button", { name: "Upgrade to Growth" }).count() === 0, "Growth is still offered as an upgrade");
      await screenshot("plans-growth");

      // On Growth the same push goes through.
      frame = await shell.goto(itemPath);
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await shell.app.getByText("Last import: 1 of 1 pushed").waitFor({ timeout: 45_000 });
    },
  },
];
