import type { Emulator } from "../emulator";
import { ADMIN_LOCALES } from "./embedded-url";

export interface ShellPageInput {
  shop: string;
  appName: string;
  appHandle: string;
  appOrigin: string;
  iframeSrc: string;
  /** The staff member's admin language, passed to the app as `locale`. */
  locale?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script>: "<" escaped so no value can close the tag.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** A minimal Shopify admin page: top bar with the shop, left nav with the app's menu, the app in an iframe. */
export function shellPage(emulator: Emulator, input: ShellPageInput): string {
  const state = emulator.controls.shop(input.shop);
  const shopName = String(state.shop.name);
  const locale = input.locale ?? "en";
  const config = { shop: input.shop, shopName, appName: input.appName, appHandle: input.appHandle, appOrigin: input.appOrigin, currency: state.shop.currencyCode, locale };
  const localeOptions = ADMIN_LOCALES.map(([code, label]) => `<option value="${code}"${code === locale ? " selected" : ""}>${escapeHtml(label)}</option>`).join("");
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(input.appName)} · ${escapeHtml(shopName)} · Shopify admin (offline)</title>
<link rel="stylesheet" href="/assets/shell.css">
</head>
<body>
<header class="topbar">
  <div class="brand"><span class="logo">S</span> shopify <span class="badge" title="Everything here is served by the local Shopify emulator">offline emulator</span></div>
  <div class="search" aria-hidden="true">Search</div>
  <div class="topbar-right">
    <label class="locale-switch"><span class="visually-hidden">Language</span><select id="locale-switch" data-testid="locale-switch" aria-label="Language">${localeOptions}</select></label>
    <button type="button" id="tools-toggle" class="tools-toggle" aria-expanded="false" aria-controls="tools">Test store tools</button>
    <div class="shop" data-testid="shop-name"><span class="avatar">${escapeHtml(shopName.slice(0, 2).toUpperCase())}</span>${escapeHtml(shopName)}</div>
  </div>
  <div id="save-bar" class="save-bar" hidden role="region" aria-label="Unsaved changes">
    <span class="save-bar-message">Unsaved changes</span>
    <span class="save-bar-actions"><button type="button" id="save-bar-discard">Discard</button><button type="button" id="save-bar-save" class="primary">Save</button></span>
  </div>
  <div id="loading-bar" class="loading-bar" hidden></div>
</header>
<div class="layout">
  <nav class="sidenav" aria-label="Admin">
    <ul>
      <li><span class="nav-item muted">Home</span></li>
      <li><span class="nav-item muted">Orders</span></li>
      <li><span class="nav-item muted">Products</span></li>
      <li><span class="nav-item muted">Customers</span></li>
      <li><span class="nav-item muted">Analytics</span></li>
    </ul>
    <div class="nav-heading">Apps</div>
    <ul id="app-nav" aria-label="${escapeHtml(input.appName)}">
      <li><a class="nav-item app-home" data-href="/app" href="#">${escapeHtml(input.appName)}</a></li>
    </ul>
  </nav>
  <main class="main">
    <iframe id="app-frame" name="app-iframe" title="${escapeHtml(input.appName)}" src="${escapeHtml(input.iframeSrc)}"></iframe>
    <div id="modal-backdrop" class="modal-backdrop" hidden></div>
  </main>
  <aside id="tools" class="tools" hidden aria-label="Test store tools">
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-tab="checkout" aria-selected="true">Checkout</button>
      <button type="button" role="tab" data-tab="orders">Orders</button>
      <button type="button" role="tab" data-tab="events">Events</button>
    </div>
    <section data-panel="checkout" class="panel">
      <h2>Buyer checkout</h2>
      <p class="hint">Quote shipping rates for a cart as checkout would, then place a test order.</p>
      <div id="cart-lines"></div>
      <button type="button" id="add-line" class="link">+ Add product</button>
      <fieldset class="address">
        <legend>Ship to</legend>
        <label>Country <select id="addr-country"></select></label>
        <label>Name <input id="addr-name" value="Alex Buyer"></label>
        <label>Address <input id="addr-address1"></label>
        <div class="row"><label>City <input id="addr-city"></label><label>Province <input id="addr-province" size="4"></label><label>ZIP <input id="addr-zip" size="8"></label></div>
      </fieldset>
      <div class="actions"><button type="button" id="quote-rates">Quote checkout rates</button></div>
      <div id="rates" aria-live="polite"></div>
      <label class="check"><input type="checkbox" id="order-payment-pending"> Payment pending: the order arrives on hold (release it from Orders)</label>
      <div class="actions"><button type="button" id="place-order" class="primary">Place test order</button></div>
      <div id="checkout-result" role="status"></div>
    </section>
    <section data-panel="orders" class="panel" hidden>
      <h2>Orders</h2>
      <div id="orders-list"></div>
    </section>
    <section data-panel="events" class="panel" hidden>
      <h2>Webhook events</h2>
      <div id="events-list"></div>
    </section>
  </aside>
</div>
<div id="toasts" class="toasts" aria-live="polite"></div>
<script>window.__SHELL__ = ${scriptJson(config)};</script>
<script src="/assets/shell.js"></script>
</body>
</html>`;
}
