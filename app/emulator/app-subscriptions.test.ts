import { describe, expect, it } from "vitest";
import { buildEmulator, buildShop, recordingFetch } from "./test-builders";

const CREATE = `mutation Sub($name: String!, $returnUrl: URL!, $trialDays: Int, $test: Boolean, $lineItems: [AppSubscriptionLineItemInput!]!) {
  appSubscriptionCreate(name: $name, returnUrl: $returnUrl, trialDays: $trialDays, test: $test, lineItems: $lineItems) {
    appSubscription { id name status test trialDays currentPeriodEnd }
    confirmationUrl
    userErrors { field message }
  }
}`;
const ACTIVE = `{ currentAppInstallation { activeSubscriptions { id name status test trialDays currentPeriodEnd
  lineItems { plan { pricingDetails { ... on AppRecurringPricing { interval price { amount currencyCode } } } } } } } }`;
const CANCEL = `mutation C($id: ID!) { appSubscriptionCancel(id: $id) { appSubscription { id status } userErrors { message } } }`;
const DAY = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function setup() {
  const receiver = recordingFetch();
  const { emulator, clock } = buildEmulator({ fetch: receiver.fetch });
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  emulator.controls.subscribeAppWebhooks(["app_subscriptions/update"], "/webhooks/app_subscriptions/update");
  const subscribe = async (name = "Silkroute Growth", trialDays = 14, test = false) =>
    ((await emulator.graphql(shop, CREATE, {
      name, returnUrl: "http://127.0.0.1:3999/app/plans?return=1", trialDays, test,
      lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: 29, currencyCode: "USD" }, interval: "EVERY_30_DAYS" } } }],
    })) as Any).data.appSubscriptionCreate;
  const active = async () => ((await emulator.graphql(shop, ACTIVE)) as Any).data.currentAppInstallation.activeSubscriptions as Any[];
  const statuses = async () => {
    await emulator.controls.settle();
    return receiver.requests.filter((r) => r.headers.get("x-shopify-topic") === "app_subscriptions/update").map((r) => JSON.parse(r.body).app_subscription.status);
  };
  return { emulator, clock, shop, subscribe, active, statuses, receiver };
}

describe("app subscriptions (Billing API)", () => {
  it("creates a pending charge with a confirmation URL and lists it as active only after the merchant approves", async () => {
    const { emulator, shop, subscribe, active, statuses } = setup();
    const created = await subscribe();
    expect(created.userErrors).toEqual([]);
    expect(created.appSubscription).toMatchObject({ status: "PENDING", trialDays: 14, currentPeriodEnd: null });
    expect(created.confirmationUrl).toMatch(/\/charges\/silkroute\/\d+\/RecurringApplicationCharge\/confirm_recurring_application_charge$/);
    expect(await active()).toEqual([]);

    const decision = emulator.controls.decideAppSubscription(shop, created.appSubscription.id, true);
    expect(decision.ok && new URL(decision.redirectTo).searchParams.get("charge_id")).toMatch(/^\d+$/);
    const [sub] = await active();
    expect(sub).toMatchObject({ name: "Silkroute Growth", status: "ACTIVE", lineItems: [{ plan: { pricingDetails: { interval: "EVERY_30_DAYS", price: { amount: "29.0", currencyCode: "USD" } } } }] });
    expect(await statuses()).toEqual(["PENDING", "ACTIVE"]);
  });

  it("a declined charge never becomes active and says so in the webhook", async () => {
    const { emulator, shop, subscribe, active, statuses } = setup();
    const created = await subscribe();
    emulator.controls.decideAppSubscription(shop, created.appSubscription.id, false);
    expect(await active()).toEqual([]);
    expect(await statuses()).toEqual(["PENDING", "DECLINED"]);
    expect(emulator.controls.decideAppSubscription(shop, created.appSubscription.id, true)).toMatchObject({ ok: false });
  });

  it("the trial delays the first period: currentPeriodEnd is the trial end, then 30-day cycles", async () => {
    const { emulator, clock, shop, subscribe, active } = setup();
    const created = await subscribe("Silkroute Growth", 14);
    const approvedAt = clock.now();
    emulator.controls.decideAppSubscription(shop, created.appSubscription.id, true);
    expect(Date.parse((await active())[0].currentPeriodEnd)).toBe(Math.floor(approvedAt / 1000) * 1000 + 14 * DAY);
    clock.advance(15 * DAY);
    const [after] = await active();
    expect(after.status).toBe("ACTIVE");
    expect(Date.parse(after.currentPeriodEnd)).toBe(Math.floor(approvedAt / 1000) * 1000 + 44 * DAY);
  });

  it("a charge not approved within two days expires", async () => {
    const { emulator, clock, shop, subscribe, statuses } = setup();
    const created = await subscribe();
    clock.advance(2 * DAY + 1000);
    expect(emulator.controls.decideAppSubscription(shop, created.appSubscription.id, true)).toMatchObject({ ok: false });
    expect(await statuses()).toEqual(["PENDING", "EXPIRED"]);
  });

  it("approving a new plan cancels the previous one; appSubscriptionCancel ends the current one", async () => {
    const { emulator, shop, subscribe, active, statuses } = setup();
    const first = await subscribe("Silkroute Growth");
    emulator.controls.decideAppSubscription(shop, first.appSubscription.id, true);
    const second = await subscribe("Silkroute Scale");
    emulator.controls.decideAppSubscription(shop, second.appSubscription.id, true);
    expect((await active()).map((s) => s.name)).toEqual(["Silkroute Scale"]);
    const cancelled = (await emulator.graphql(shop, CANCEL, { id: second.appSubscription.id })) as Any;
    expect(cancelled.data.appSubscriptionCancel).toMatchObject({ appSubscription: { status: "CANCELLED" }, userErrors: [] });
    expect(await active()).toEqual([]);
    expect(await statuses()).toEqual(["PENDING", "ACTIVE", "PENDING", "CANCELLED", "ACTIVE", "CANCELLED"]);
  });

  it("uninstalling cancels the subscription and a reinstall starts without one", async () => {
    const { emulator, shop, subscribe, active } = setup();
    const created = await subscribe();
    emulator.controls.decideAppSubscription(shop, created.appSubscription.id, true);
    emulator.controls.uninstallApp(shop);
    expect(emulator.controls.events(shop, "app_subscriptions/update").map((e) => e.payload.app_subscription.status)).toEqual(["PENDING", "ACTIVE", "CANCELLED"]);
    emulator.controls.installApp(shop);
    expect(await active()).toEqual([]);
  });

  it("rejects a charge without line items or with a zero price", async () => {
    const { emulator, shop } = setup();
    const none = (await emulator.graphql(shop, CREATE, { name: "X", returnUrl: "http://127.0.0.1:3999/app", lineItems: [] })) as Any;
    expect(none.data.appSubscriptionCreate).toMatchObject({ appSubscription: null, userErrors: [{ field: ["lineItems"] }] });
    const zero = (await emulator.graphql(shop, CREATE, {
      name: "X", returnUrl: "http://127.0.0.1:3999/app",
      lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: 0, currencyCode: "USD" } } } }],
    })) as Any;
    expect(zero.data.appSubscriptionCreate.userErrors[0].message).toBe("Price must be greater than 0");
  });

  it("rejects a misspelt field like Shopify does (schema-validated)", async () => {
    const { emulator, shop } = setup();
    const res = (await emulator.graphql(shop, `{ currentAppInstallation { activeSubscriptions { plan } } }`)) as Any;
    expect(res.errors[0].message).toMatch(/plan/);
  });
});
