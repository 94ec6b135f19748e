// Recurring app charges (Billing API) as Shopify documents them:
// - appSubscriptionCreate creates a PENDING subscription and returns a confirmationUrl where the merchant approves
//   or declines; "after approval, the subscription becomes active and billing begins after any trial period expires"
//   https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/appSubscriptionCreate
// - Approve → redirect to the app's returnUrl; decline → back to the Shopify admin with a notice
//   https://shopify.dev/docs/apps/billing/process
// - Statuses and their causes are the AppSubscriptionStatus descriptions of the vendored 2026-10 schema: DECLINED by
//   the merchant; EXPIRED when not approved within two days; CANCELLED by the app, by uninstalling the app, or by a new
//   subscription being activated. All terminal.
// - currentPeriodEnd "returns null if the subscription isn't active"; trialDays delay billing
//   https://shopify.dev/docs/api/admin-graphql/2026-10/objects/AppSubscription
// - activeSubscriptions lists "the active application subscriptions billed to the shop on a recurring basis"
//   https://shopify.dev/docs/api/admin-graphql/2026-10/objects/AppInstallation
// - app_subscriptions/update fires on every status change; body { app_subscription: { admin_graphql_api_id, name,
//   status, admin_graphql_api_shop_id, created_at, updated_at, ... } } (shopify.dev webhook reference; confirmed by
//   https://community.shopify.com/c/shopify-apis-and-sdks/app-subscriptions-update-webhook-response/td-p/783371)
import type { Core } from "../context";
import { isoAt } from "../clock";
import { register, type Rec, type ShopState } from "../state";
import { legacyId } from "../../server/shopify/gid";

const DAY_MS = 86_400_000;
const CYCLE_DAYS = { EVERY_30_DAYS: 30, ANNUAL: 365 } as const;
/** "wasn't approved by the merchant within two days of being created" (AppSubscriptionStatus.EXPIRED). */
const APPROVAL_WINDOW_MS = 2 * DAY_MS;

interface SubscriptionBook {
  all: Rec[];
}

const books = new WeakMap<ShopState, SubscriptionBook>();
const adminUrls = new WeakMap<Core, string>();

function book(shop: ShopState): SubscriptionBook {
  let b = books.get(shop);
  if (!b) books.set(shop, (b = { all: [] }));
  return b;
}

/** The local admin (admin-shell) serves the approval page; without one, the emulator's own URL is used. */
export function setAdminUrl(core: Core, url: string): void {
  adminUrls.set(core, url.replace(/\/$/, ""));
}

function confirmationUrl(core: Core, shop: ShopState, sub: Rec): string {
  const base = adminUrls.get(core) ?? core.baseUrl();
  const handle = shop.domain.replace(/\.myshopify\.com$/, "");
  return `${base}/store/${handle}/charges/silkroute/${legacyId(sub.id)}/RecurringApplicationCharge/confirm_recurring_application_charge`;
}

function userError(field: string[], message: string) {
  return { appSubscription: null, confirmationUrl: null, userErrors: [{ __typename: "UserError", field, message }] };
}

export function appSubscriptionCreate(core: Core, shop: ShopState, a: Rec) {
  if (!String(a.name ?? "").trim()) return userError(["name"], "Name can't be blank");
  if (!Array.isArray(a.lineItems) || a.lineItems.length === 0) return userError(["lineItems"], "Line items can't be blank");
  if ((a.trialDays ?? 0) < 0) return userError(["trialDays"], "Trial days must be greater than or equal to 0");
  const lineItems: Rec[] = [];
  for (const [i, item] of (a.lineItems as Rec[]).entries()) {
    const recurring = item.plan?.appRecurringPricingDetails;
    if (!recurring) return userError(["lineItems", String(i), "plan"], "Only recurring pricing is modelled by the emulator");
    const amount = Number(recurring.price?.amount);
    if (!(amount > 0)) return userError(["lineItems", String(i), "plan", "appRecurringPricingDetails", "price", "amount"], "Price must be greater than 0");
    lineItems.push({
      __typename: "AppSubscriptionLineItem", id: core.ids.next("AppSubscriptionLineItem"), usageRecords: [],
      plan: { __typename: "AppPlanV2", pricingDetails: {
        __typename: "AppRecurringPricing", interval: recurring.interval ?? "EVERY_30_DAYS", planHandle: null, discount: null,
        // Shopify serialises Decimal without trailing zeros beyond one place ("29.0", "29.99").
        price: { __typename: "MoneyV2", amount: Number.isInteger(amount) ? amount.toFixed(1) : String(amount), currencyCode: recurring.price.currencyCode },
      } },
    });
  }
  const now = isoAt(core.clock);
  const sub: Rec = register(shop, {
    __typename: "AppSubscription", id: core.ids.next("AppSubscription"), name: a.name, returnUrl: a.returnUrl,
    test: a.test === true, trialDays: a.trialDays ?? 0, status: "PENDING", createdAt: now, updatedAt: now, activatedAt: null, lineItems,
  });
  sub.currentPeriodEnd = () => currentPeriodEnd(core, sub);
  book(shop).all.push(sub);
  emitUpdate(core, shop, sub);
  return { appSubscription: sub, confirmationUrl: confirmationUrl(core, shop, sub), userErrors: [] };
}

/** Billing starts after the trial; the period then runs in whole cycles of the plan's interval (our reading). */
function currentPeriodEnd(core: Core, sub: Rec): string | null {
  if (sub.status !== "ACTIVE" || !sub.activatedAt) return null;
  const interval = sub.lineItems[0]?.plan.pricingDetails.interval as keyof typeof CYCLE_DAYS;
  const cycleMs = (CYCLE_DAYS[interval] ?? 30) * DAY_MS;
  const billingStart = Date.parse(sub.activatedAt) + sub.trialDays * DAY_MS;
  const now = core.clock.now();
  if (now < billingStart) return new Date(billingStart).toISOString().replace(/\.\d{3}Z$/, "Z");
  const cycles = Math.floor((now - billingStart) / cycleMs) + 1;
  return new Date(billingStart + cycles * cycleMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function setStatus(core: Core, shop: ShopState, sub: Rec, status: string): void {
  if (sub.status === status) return;
  sub.status = status;
  sub.updatedAt = isoAt(core.clock);
  emitUpdate(core, shop, sub);
}

function emitUpdate(core: Core, shop: ShopState, sub: Rec): void {
  const price = sub.lineItems[0]?.plan.pricingDetails.price;
  core.emit(shop, "app_subscriptions/update", {
    app_subscription: {
      admin_graphql_api_id: sub.id, name: sub.name, status: sub.status, admin_graphql_api_shop_id: shop.shop.id,
      created_at: sub.createdAt, updated_at: sub.updatedAt, currency: price?.currencyCode ?? null, capped_amount: null,
    },
  });
}

/** PENDING charges older than two days expire; evaluated whenever subscriptions are read or decided. */
function expireStale(core: Core, shop: ShopState): void {
  for (const sub of book(shop).all) {
    if (sub.status === "PENDING" && core.clock.now() - Date.parse(sub.createdAt) > APPROVAL_WINDOW_MS) setStatus(core, shop, sub, "EXPIRED");
  }
}

export function activeSubscriptions(core: Core, shop: ShopState): Rec[] {
  expireStale(core, shop);
  return book(shop).all.filter((s) => s.status === "ACTIVE");
}

export function allSubscriptions(core: Core, shop: ShopState): Rec[] {
  expireStale(core, shop);
  return [...book(shop).all].reverse();
}

export function findSubscription(shop: ShopState, id: string): Rec | undefined {
  return book(shop).all.find((s) => s.id === id || legacyId(s.id) === id);
}

export type Decision = { ok: true; subscription: Rec; redirectTo: string } | { ok: false; message: string };

/** The merchant's click on the approval page. Approving activates it and cancels the shop's other active plan. */
export function decideSubscription(core: Core, shop: ShopState, id: string, approve: boolean): Decision {
  expireStale(core, shop);
  const sub = findSubscription(shop, id);
  if (!sub) return { ok: false, message: "This charge doesn't exist." };
  if (sub.status !== "PENDING") return { ok: false, message: `This charge is ${sub.status.toLowerCase()} and can't be changed.` };
  if (!approve) {
    setStatus(core, shop, sub, "DECLINED");
    return { ok: true, subscription: sub, redirectTo: `/store/${shop.domain.replace(/\.myshopify\.com$/, "")}/apps` };
  }
  // APPLY_IMMEDIATELY (the default replacement behaviour): the previous plan stops when the new one starts.
  for (const other of book(shop).all) if (other !== sub && other.status === "ACTIVE") setStatus(core, shop, other, "CANCELLED");
  sub.activatedAt = isoAt(core.clock);
  setStatus(core, shop, sub, "ACTIVE");
  const url = new URL(sub.returnUrl);
  url.searchParams.set("charge_id", legacyId(sub.id));
  return { ok: true, subscription: sub, redirectTo: url.toString() };
}

export function appSubscriptionCancel(core: Core, shop: ShopState, a: Rec) {
  const sub = findSubscription(shop, a.id);
  if (!sub) return { appSubscription: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "Couldn't find subscription" }] };
  if (sub.status !== "ACTIVE" && sub.status !== "PENDING" && sub.status !== "ACCEPTED") {
    return { appSubscription: null, userErrors: [{ __typename: "UserError", field: ["id"], message: "Subscription can't be cancelled" }] };
  }
  setStatus(core, shop, sub, "CANCELLED");
  return { appSubscription: sub, userErrors: [] };
}

/** Uninstalling cancels every live subscription (AppSubscriptionStatus.CANCELLED); reinstalling starts with none. */
export function cancelOnUninstall(core: Core, shop: ShopState): void {
  for (const sub of book(shop).all) if (sub.status === "ACTIVE" || sub.status === "PENDING") setStatus(core, shop, sub, "CANCELLED");
}
