import { assert, waitUntil, type E2eTest } from "../harness";

// Billing through Shopify (ADR 1000): the Plans page asks Shopify for a charge, App Bridge takes the merchant to
// Shopify's approval screen (the local admin's stand-in), and approving brings them back on the new plan. It runs
// before the CJ flow, which needs a second real supplier and so a paid plan.
export const plansTests: E2eTest[] = [
  {
    name: "plans: a free shop upgrades to Growth through Shopify's approval screen and the Plans page shows the new plan",
    timeoutMs: 60_000,
    async run({ shell, page, stack, screenshot }) {
      await shell.open("/app/plans");
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
    },
  },
];
