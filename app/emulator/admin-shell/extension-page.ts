import { build } from "esbuild";
import type { Emulator } from "../emulator";
import type { Rec } from "../state";
import type { BlockConfig } from "./extension-host/dom";
import { shopHandle } from "./embedded-url";
import { storefrontPreview } from "./storefront-preview";

export const RESOURCE_PATH = /^\/store\/([^/]+)\/(orders|products)\/(\d+)$/;
export const HOST_SCRIPT_PATH = "/assets/extension-host.js";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export interface ResourcePageInput {
  shop: string;
  kind: "orders" | "products";
  numericId: string;
  appName: string;
  appHandle: string;
  appOrigin: string;
  locale: "en" | "zh-CN";
  /** The buyer country of the product page's storefront preview. */
  country?: string;
}

/**
 * The admin's order or product details page, reduced to what the blocks need: the resource's summary on the left
 * and the app blocks column on the right, where Shopify renders `admin.order-details.block.render` /
 * `admin.product-details.block.render` extensions the merchant added. Null when the store has no such resource.
 */
export function resourcePage(emulator: Emulator, input: ResourcePageInput): string | null {
  const state = emulator.controls.shop(input.shop);
  const isOrder = input.kind === "orders";
  const gid = `gid://shopify/${isOrder ? "Order" : "Product"}/${input.numericId}`;
  const record = state.nodes.get(gid) as Rec | undefined;
  if (!record || record.__typename !== (isOrder ? "Order" : "Product")) return null;
  const handle = shopHandle(input.shop);
  const config: BlockConfig = {
    shop: input.shop, selectedId: gid, appOrigin: input.appOrigin, locale: input.locale,
    target: isOrder ? "admin.order-details.block.render" : "admin.product-details.block.render",
    appAdminPath: `/store/${handle}/apps/${input.appHandle}`,
  };
  const title = isOrder ? String(record.name) : String(record.title);
  const summary = isOrder
    ? `<ul class="resource-lines">${(record.lineItems as Rec[]).map((li) => `<li>${escapeHtml(`${li.quantity} × ${li.name ?? li.title ?? li.sku}`)}</li>`).join("")}</ul>
       <p class="muted">Ship to ${escapeHtml(String(record.shippingAddress?.countryCodeV2 ?? "—"))}</p>`
    : `<table class="resource-lines"><tbody>${(record.variants as Rec[]).map((v) => `<tr><td>${escapeHtml(String(v.title))}</td><td>${escapeHtml(String(v.inventoryItem?.sku ?? ""))}</td><td>${escapeHtml(String(v.price))}</td></tr>`).join("")}</tbody></table>`;
  return `<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · Shopify admin (offline)</title>
<link rel="stylesheet" href="/assets/shell.css">
</head>
<body class="resource-page">
<header class="topbar"><div class="brand"><span class="logo">S</span> shopify <span class="badge">offline emulator</span></div>
  <nav class="crumbs"><a href="/store/${handle}/apps/${escapeHtml(input.appHandle)}">${escapeHtml(input.appName)}</a> · ${isOrder ? "Orders" : "Products"}</nav></header>
<div class="resource-layout">
  <div class="resource-main">
    <section class="card"><h1 data-testid="resource-title">${escapeHtml(title)}</h1>${summary}</section>
    ${isOrder ? "" : storefrontPreview(emulator, { shop: input.shop, product: record, locale: input.locale, country: input.country ?? "DE", pagePath: `/store/${handle}/products/${input.numericId}` })}
  </div>
  <aside class="resource-blocks" aria-label="Apps">
    <div id="extension-block" class="extension-block" data-target="${config.target}" data-state="loading"></div>
  </aside>
</div>
<script>window.__BLOCK__ = ${scriptJson(config)};</script>
<script src="${HOST_SCRIPT_PATH}"></script>
</body>
</html>`;
}

let hostBundle: Promise<string> | undefined; // one bundle per process: the only entry there is

/** The block host bundled for the browser, as the CLI bundles an extension for Shopify to serve. */
export function extensionHostScript(): Promise<string> {
  hostBundle ??= build({
    entryPoints: [new URL("./extension-host/host.ts", import.meta.url).pathname],
    bundle: true, write: false, format: "iife", platform: "browser", target: "es2022", legalComments: "none",
  }).then((result) => result.outputFiles[0]!.text).catch((error: Error) => { hostBundle = undefined; throw error; });
  return hostBundle;
}
