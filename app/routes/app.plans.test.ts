import { describe, expect, it } from "vitest";
import { adminRequest, routeArgs } from "../test/admin-session";
import { useShopifyEmulator } from "../test/emulator";
import { uniqueShop } from "../test/webhooks";
import { chargeIdOf } from "../server/billing/test-support";
import * as plansPage from "./app.plans";
import * as home from "./app._index";

const shopify = useShopifyEmulator();
async function newShop(): Promise<string> {
  const shop = shopify.createShop({ domain: uniqueShop("plans") });
  await shopify.installApp(shop);
  return shop;
}
const page = async (shop: string) => (await plansPage.loader(routeArgs(adminRequest(shop, "/app/plans")))).json();
const choose = (shop: string, plan: string) => plansPage.action(routeArgs(adminRequest(shop, "/app/plans", { form: { plan } }))).catch((r: unknown) => r as Response);

describe("the Plans page", () => {
  it("shows a new shop on Free with this month's usage and what each plan includes", async () => {
    const shop = await newShop();
    const data = await page(shop);
    expect(data.usage).toMatchObject({ planKey: "free", meters: [{ label: "Supplier orders", used: 0, limit: 25 }, { label: "New products imported", used: 0, limit: 100 }] });
    expect(data.plans.map((p: { key: string; change: string }) => [p.key, p.change])).toEqual([["free", "current"], ["growth", "upgrade"], ["scale", "upgrade"]]);
    expect(data.plans[1]!).toMatchObject({ price: { amount: 2900, currency: "USD" }, trialDays: 14 });
    expect(data.plans[0]!.includes).toContainEqual({ key: "plans:includes.approval" });
    expect(data.plans[2]!.includes).toContainEqual({ key: "plans:includes.supplierOrders", values: { limit: "unlimited" } });
  });

  it("upgrading sends the merchant to Shopify's approval screen; after approval the page shows Growth, the trial and the test charge", async () => {
    const shop = await newShop();
    const response = await choose(shop, "growth");
    const target = response.headers.get("location") ?? response.headers.get("x-shopify-api-request-failure-reauthorize-url");
    expect(target).toMatch(/\/charges\/silkroute\/\d+\/RecurringApplicationCharge\/confirm_recurring_application_charge$/);
    shopify.emulator.controls.decideAppSubscription(shop, chargeIdOf(target!), true);
    const data = await page(shop);
    expect(data.usage.planKey).toBe("growth");
    expect(data.test).toBe(true); // the test emulator's stores are development stores
    expect(data.trialEndsAt).not.toBeNull();
    const free = data.plans.find((p: { key: string }) => p.key === "free")!;
    expect(free.change).toBe("downgrade");
    expect(free.downgradeEffects).toContainEqual({ key: "plans:effects.autopilotOff" });
    expect(free.downgradeEffects).toContainEqual({ key: "plans:effects.supplierOrders", values: { from: 500, to: 25 } });
  });

  it("downgrading to Free cancels the charge and says so; the home page shows the plan's usage", async () => {
    const shop = await newShop();
    const response = await choose(shop, "scale");
    const target = response.headers.get("location") ?? response.headers.get("x-shopify-api-request-failure-reauthorize-url");
    shopify.emulator.controls.decideAppSubscription(shop, chargeIdOf(target!), true);
    expect((await page(shop)).usage.planKey).toBe("scale");
    expect(await (await choose(shop, "free")).json()).toEqual({ ok: true, message: { key: "plans:nowFree" } });
    expect((await page(shop)).usage.planKey).toBe("free");
    const homeData = await (await home.loader(routeArgs(adminRequest(shop, "/app")))).json();
    expect(homeData.usage).toMatchObject({ planTitle: "Free", meters: [{ used: 0, limit: 25 }, { used: 0, limit: 100 }] });
  });

  it("rejects an unknown plan", async () => {
    const shop = await newShop();
    const response = await choose(shop, "platinum");
    expect(response.status).toBe(422);
  });
});
