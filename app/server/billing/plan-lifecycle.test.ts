import { afterEach, describe, expect, it } from "vitest";
import { createEmulator, createShopifyFetch, manualClock, type Emulator, type ManualClock } from "../../emulator";
import { seedInstalledShop } from "../../test/admin-session";
import { uniqueShop } from "../../test/webhooks";
import { recordInstall, recordUninstall } from "../shops.server";
import { AdminClient } from "../shopify/admin-client";
import { CostPacer } from "../shopify/cost-pacer";
import { action as subscriptionWebhook } from "../../routes/webhooks.app_subscriptions.update";
import { applySubscriptionUpdate, currentPlanState, syncPlanFromShopify } from "./plan-state.server";
import { choosePlan } from "./subscribe.server";
import { chargeIdOf } from "./test-support";
import type { PlanKey as ShopifyPlan } from "../../emulator/plans";

const DAY = 86_400_000;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => { await cleanup?.(); cleanup = undefined; });

async function setup(shopifyPlan: ShopifyPlan = "shopify") {
  const clock: ManualClock = manualClock(Date.now());
  const statuses: string[] = [];
  const emulator: Emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!,
    clock, webhookRetryDelaysMs: [],
    // Deliveries go to the real webhook route (HMAC check, dedupe, handler); other topics are acknowledged.
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!request.url.endsWith("/webhooks/app_subscriptions/update")) return new Response("ok");
      const res = await subscriptionWebhook({ request, params: {}, context: {} });
      statuses.push(`${res.status}`);
      return res;
    }) as typeof fetch,
  });
  await emulator.listen();
  const originalFetch = globalThis.fetch;
  globalThis.fetch = createShopifyFetch(emulator.url, originalFetch);
  const shop = uniqueShop("bill");
  emulator.controls.createShop({ domain: shop, plan: shopifyPlan });
  const { accessToken } = emulator.controls.installApp(shop);
  await seedInstalledShop(shop, accessToken);
  const admin = new AdminClient({ shop, accessToken, pacer: new CostPacer() });
  cleanup = async () => { globalThis.fetch = originalFetch; await emulator.close(); };
  const choose = async (plan: "growth" | "scale", approve = true) => {
    const change = await choosePlan(admin, plan, `${process.env.SHOPIFY_APP_URL}/app/plans`);
    if (change.kind !== "confirm") throw new Error("expected a confirmation URL");
    emulator.controls.decideAppSubscription(shop, chargeIdOf(change.confirmationUrl), approve);
    await emulator.controls.settle();
    return change.confirmationUrl;
  };
  return { emulator, clock, shop, admin, choose, statuses };
}

describe("a shop's plan through Shopify billing", () => {
  it("becomes Growth when the merchant approves, from the app_subscriptions/update webhook alone", async () => {
    const { shop, choose, statuses } = await setup();
    expect((await currentPlanState(shop)).plan.key).toBe("free");
    await choose("growth");
    expect(statuses).toEqual(["200", "200"]); // PENDING, then ACTIVE, both accepted by the signed-webhook route
    expect((await currentPlanState(shop)).plan.key).toBe("growth");
  });

  it("stays Free when the merchant declines", async () => {
    const { shop, choose } = await setup();
    await choose("growth", false);
    expect((await currentPlanState(shop)).plan.key).toBe("free");
  });

  it("keeps the plan when the 14-day trial ends (billing starts; nothing is cut off)", async () => {
    const { clock, shop, admin, choose } = await setup();
    const startedAt = clock.now();
    await choose("growth");
    const during = await syncPlanFromShopify(admin);
    expect(during.trialEndsAt!.getTime()).toBeCloseTo(startedAt + 14 * DAY, -4);
    clock.advance(15 * DAY);
    const after = await syncPlanFromShopify(admin);
    expect(after.plan.key).toBe("growth");
    expect(after.currentPeriodEnd!.getTime()).toBeGreaterThan(clock.now());
    expect((await currentPlanState(shop)).plan.key).toBe("growth");
  });

  it("drops to Free on uninstall, stays Free after a reinstall, and can subscribe again", async () => {
    const { emulator, shop, choose } = await setup();
    await choose("scale");
    emulator.controls.uninstallApp(shop);
    await recordUninstall(shop); // what the app/uninstalled webhook does
    expect((await currentPlanState(shop)).plan.key).toBe("free");
    const { accessToken } = emulator.controls.installApp(shop);
    await recordInstall(shop);
    expect((await currentPlanState(shop)).plan.key).toBe("free"); // the pre-uninstall Scale row no longer counts
    const again = new AdminClient({ shop, accessToken, pacer: new CostPacer() });
    expect((await syncPlanFromShopify(again)).plan.key).toBe("free"); // Shopify cancelled the charge on uninstall
    const change = await choosePlan(again, "growth", `${process.env.SHOPIFY_APP_URL}/app/plans`);
    emulator.controls.decideAppSubscription(shop, chargeIdOf((change as { confirmationUrl: string }).confirmationUrl), true);
    expect((await syncPlanFromShopify(again)).plan.key).toBe("growth");
  });

  it("charges development stores with test charges and real stores with real ones", async () => {
    const dev = await setup("development");
    await dev.choose("growth");
    expect((await syncPlanFromShopify(dev.admin)).test).toBe(true);
    await cleanup!(); cleanup = undefined;
    const live = await setup("basic");
    await live.choose("growth");
    expect((await syncPlanFromShopify(live.admin)).test).toBe(false);
  });

  it("moving to Free cancels the Shopify charge", async () => {
    const { emulator, shop, admin, choose } = await setup();
    await choose("growth");
    await choosePlan(admin, "free", "unused");
    const res = (await emulator.graphql(shop, `{ currentAppInstallation { activeSubscriptions { id } allSubscriptions(first: 5) { nodes { status } } } }`)) as { data: { currentAppInstallation: { activeSubscriptions: unknown[]; allSubscriptions: { nodes: { status: string }[] } } } };
    expect(res.data.currentAppInstallation.activeSubscriptions).toEqual([]);
    expect(res.data.currentAppInstallation.allSubscriptions.nodes[0]!.status).toBe("CANCELLED");
    expect((await currentPlanState(shop)).plan.key).toBe("free");
  });

  it("a late webhook about a replaced plan doesn't roll the shop back", async () => {
    const { shop, choose } = await setup();
    await choose("growth");
    await choose("scale");
    expect((await currentPlanState(shop)).plan.key).toBe("scale");
    await applySubscriptionUpdate(shop, { app_subscription: { admin_graphql_api_id: "gid://shopify/AppSubscription/1", name: "Silkroute Growth", status: "ACTIVE", updated_at: "2020-01-01T00:00:00Z" } });
    expect((await currentPlanState(shop)).plan.key).toBe("scale");
  });
});
