// Stand-in for Shopify's charge approval screen (the page behind appSubscriptionCreate's confirmationUrl):
// plan name, price and interval, trial length, a test-charge notice, and Approve / Decline.
// https://shopify.dev/docs/apps/billing/process : approve → the app's returnUrl; decline → back to the admin.
import type { Emulator } from "../emulator";
import { decideSubscription, findSubscription } from "../domains/app-subscriptions";

export const CHARGE_PATH = /^\/store\/([^/]+)\/charges\/[^/]+\/(\d+)\/RecurringApplicationCharge\/confirm_recurring_application_charge$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type ChargeReply = { status: number; html?: string; location?: string };

export function chargePage(emulator: Emulator, shop: string, chargeId: string, appName: string): ChargeReply {
  const state = emulator.controls.shop(shop);
  const sub = findSubscription(state, chargeId);
  if (!sub) return { status: 404, html: page("Charge not found", "<p>This charge doesn't exist.</p>") };
  const pricing = sub.lineItems[0]?.plan.pricingDetails;
  const every = pricing?.interval === "ANNUAL" ? "year" : "30 days";
  const body = sub.status !== "PENDING"
    ? `<p data-testid="charge-status">This charge is ${escapeHtml(String(sub.status).toLowerCase())}.</p>`
    : `<p><strong>${escapeHtml(appName)}</strong> wants to charge <strong data-testid="charge-price">${escapeHtml(`${pricing.price.amount} ${pricing.price.currencyCode}`)}</strong> every ${every}
  for <strong data-testid="charge-name">${escapeHtml(String(sub.name))}</strong>.</p>
${sub.trialDays > 0 ? `<p data-testid="charge-trial">Free for ${sub.trialDays} days; billing starts after the trial.</p>` : ""}
${sub.test ? `<p data-testid="charge-test" class="notice">Test charge: nothing will be billed.</p>` : ""}
<form method="post"><button name="decision" value="decline" type="submit">Decline</button>
<button name="decision" value="approve" type="submit" class="primary">Approve</button></form>`;
  return { status: 200, html: page(`Approve subscription · ${String(state.shop.name)}`, body) };
}

export function decideCharge(emulator: Emulator, shop: string, chargeId: string, decision: string): ChargeReply {
  const result = decideSubscription(emulator.core, emulator.controls.shop(shop), chargeId, decision === "approve");
  if (!result.ok) return { status: 409, html: page("Charge unchanged", `<p>${escapeHtml(result.message)}</p>`) };
  return { status: 303, location: result.redirectTo };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/shell.css"></head><body class="charge-page"><main class="charge">
<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
