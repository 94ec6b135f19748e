import { afterEach, describe, expect, it } from "vitest";
import { buildEmulator, buildShop } from "../test-builders";
import { createAdminShell, type AdminShell } from "./shell-server";

const CREATE = `mutation { appSubscriptionCreate(name: "Silkroute Growth", returnUrl: "http://127.0.0.1:3999/app/plans", trialDays: 14, test: true,
  lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: 29, currencyCode: USD } } } }]) { appSubscription { id } confirmationUrl userErrors { message } } }`;
let shell: AdminShell | undefined;
afterEach(async () => { await shell?.close(); shell = undefined; });

async function pending(decision?: string) {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator, { plan: "development" });
  emulator.controls.installApp(shop);
  shell = createAdminShell({ emulator, appUrl: "http://127.0.0.1:3999" });
  const adminUrl = await shell.listen();
  const created = ((await emulator.graphql(shop, CREATE)) as { data: { appSubscriptionCreate: { confirmationUrl: string } } }).data.appSubscriptionCreate;
  const res = decision
    ? await fetch(created.confirmationUrl, { method: "POST", body: new URLSearchParams({ decision }), redirect: "manual" })
    : await fetch(created.confirmationUrl);
  return { emulator, shop, adminUrl, created, res };
}

describe("the local admin's charge approval screen", () => {
  it("shows the plan, price, trial and test notice at the confirmationUrl", async () => {
    const { adminUrl, created, res } = await pending();
    expect(created.confirmationUrl.startsWith(adminUrl)).toBe(true);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Silkroute Growth");
    expect(html).toContain("29.0 USD");
    expect(html).toContain("Free for 14 days");
    expect(html).toContain("Test charge");
  });

  it("approving redirects to the app's returnUrl with the charge id and activates the plan", async () => {
    const { emulator, shop, res } = await pending("approve");
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://127.0.0.1:3999/app/plans");
    expect(location.searchParams.get("charge_id")).toMatch(/^\d+$/);
    const active = (await emulator.graphql(shop, `{ currentAppInstallation { activeSubscriptions { name status test } } }`)) as { data: { currentAppInstallation: { activeSubscriptions: unknown[] } } };
    expect(active.data.currentAppInstallation.activeSubscriptions).toEqual([{ name: "Silkroute Growth", status: "ACTIVE", test: true }]);
  });

  it("declining returns to the admin and leaves no active plan", async () => {
    const { emulator, shop, res } = await pending("decline");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/store\/[^/]+\/apps$/);
    const active = (await emulator.graphql(shop, `{ currentAppInstallation { activeSubscriptions { id } } }`)) as { data: { currentAppInstallation: { activeSubscriptions: unknown[] } } };
    expect(active.data.currentAppInstallation.activeSubscriptions).toEqual([]);
  });
});
