import { describe, expect, it } from "vitest";
import { seedInstalledShop } from "../../test/admin-session";
import { uniqueShop } from "../../test/webhooks";
import { quoteRates } from "../shipping/engine/quote-rates";
import { buildContext, buildRateRequest } from "../shipping/engine/test-builders";
import { shopRateContext } from "../shipping/shop-rate-context.server";
import { featureGate, lowestPlanWith, planAllows } from "./entitlements.server";
import { englishMessage } from "../../i18n/english";
import { applySubscriptionUpdate } from "./plan-state.server";

const GID = "gid://shopify/AppSubscription/7001";
const update = (name: string, status: string, at: string) =>
  ({ app_subscription: { admin_graphql_api_id: GID, name, status, updated_at: at } });

async function cnDirect(shop: string) {
  const context = await shopRateContext(shop);
  const result = quoteRates(buildRateRequest(), buildContext({ engine: context.engine, merchantRules: context.merchantRules }));
  return result.quotes.find((q) => q.serviceCode === "SR-CN-DIRECT")!;
}

describe("duties-included (DDP) rates by plan", () => {
  it("a Free shop gets the DDP service at checkout as DDU; on Growth it includes duties; downgraded it is DDU again, never dropped", async () => {
    const shop = uniqueShop("ddp");
    await seedInstalledShop(shop);
    expect(await planAllows(shop, "ddpDuties")).toBe(false);
    expect((await cnDirect(shop)).incoterm).toBe("DDU");

    await applySubscriptionUpdate(shop, update("Silkroute Growth", "ACTIVE", "2026-12-01T10:00:00Z"));
    expect(await planAllows(shop, "ddpDuties")).toBe(true);
    const ddp = await cnDirect(shop); // the plan change dropped the cached rate context at once
    expect(ddp.incoterm).toBe("DDP");
    expect(ddp.parcels[0]!.duties.included).toBe(true);

    await applySubscriptionUpdate(shop, update("Silkroute Growth", "CANCELLED", "2026-12-02T10:00:00Z"));
    const after = await cnDirect(shop);
    expect(after.incoterm).toBe("DDU");
    expect(after.total.amount).toBeLessThan(ddp.total.amount);
  });

  it("tells a Free shop which plan turns on DDP and the checkout SLA card", async () => {
    const shop = uniqueShop("gate");
    await seedInstalledShop(shop);
    expect(lowestPlanWith("ddpDuties")).toBe("growth");
    expect(lowestPlanWith("checkoutSla")).toBe("scale");
    expect(await planAllows(shop, "checkoutSla")).toBe(false);
    const gate = await featureGate(shop, "ddpDuties");
    expect(gate).toMatchObject({ allowed: false, planTitle: "Free", upgradeTo: "Growth" });
    expect(gate.message).toEqual({ key: "messages:plan.notIncluded", values: { feature: "ddpDuties", plan: "free", upgradeTo: "growth" } });
    expect(englishMessage("messages:plan.notIncluded", gate.message!.values).message)
      .toBe("Duties-included (DDP) rates isn't included in the Free plan. Upgrade to Growth on the Plans page to turn it on.");
  });
});
