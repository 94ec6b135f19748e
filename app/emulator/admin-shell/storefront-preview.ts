import { readFileSync } from "node:fs";
import type { Emulator } from "../emulator";
import type { Rec } from "../state";
import { gramsOf } from "../webhooks/rest-payloads";
import { parseDecimal } from "../../server/money";
import { shopHandle } from "./embedded-url";

export const STOREFRONT_PROXY_PATH = /^\/storefront\/([^/]+)\/apps\/silkroute(\/[^?]*)$/;
export const THEME_ASSET_PATH = /^\/extensions\/(silkroute-delivery-estimate)\/assets\/([\w.-]+\.(?:js|css))$/;
export const PREVIEW_COUNTRIES = ["DE", "US", "GB", "FR", "AU"] as const;

const EXTENSION_DIR = new URL("../../../extensions/silkroute-delivery-estimate/", import.meta.url);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The product page's "online store" preview: the theme app extension block's markup as its Liquid renders it for
 * the first variant (the block's locale strings as Liquid's `t` gives them, the variant map, the buyer's country),
 * with the extension's own asset, asking the emulated storefront's app proxy (`/storefront/<shop>/apps/silkroute`).
 */
export function storefrontPreview(emulator: Emulator, input: { shop: string; product: Rec; locale: "en" | "zh-CN"; country: string; pagePath: string }): string {
  const currency = String(emulator.controls.shop(input.shop).shop.currencyCode);
  const variants = input.product.variants as Rec[];
  const first = variants[0];
  if (!first) return "";
  const price = (v: Rec) => parseDecimal(String(v.price), currency).amount;
  const grams = (v: Rec) => gramsOf(v.inventoryItem?.measurement?.weight);
  const messages = JSON.parse(readFileSync(new URL(`locales/${input.locale === "zh-CN" ? "zh-CN" : "en.default"}.json`, EXTENSION_DIR), "utf8")).delivery_estimate as Record<string, string>;
  const variantMap = `{${variants.map((v) => `"${String(v.id).split("/").pop()}":[${price(v)},${grams(v)}]`).join(",")}}`;
  const attrs: Record<string, string> = {
    endpoint: `/storefront/${shopHandle(input.shop)}/apps/silkroute/delivery-estimate`, variant: String(first.id).split("/").pop()!,
    country: input.country, currency, price: String(price(first)), grams: String(grams(first)), locale: input.locale, "show-duties": "true",
    variants: variantMap, "t-ships-from": messages.ships_from!, "t-arrives": messages.arrives!, "t-duties-included": messages.duties_included!,
    "t-duties-due": messages.duties_due!, "t-duties-may-be-due": messages.duties_may_be_due!,
    "t-duties-none": messages.duties_none!,
  };
  const countries = PREVIEW_COUNTRIES.map((c) => (c === input.country ? `<strong>${c}</strong>` : `<a href="${input.pagePath}?country=${c}&locale=${input.locale}">${c}</a>`)).join(" · ");
  return `<section class="card storefront-preview" aria-label="Online store preview">
  <h2>Online store preview</h2>
  <p class="muted">The Silkroute delivery estimate block on this product's page, for a buyer in ${countries}.</p>
  <div class="silkroute-estimate" data-silkroute-estimate ${Object.entries(attrs).map(([k, v]) => `data-${k}="${escapeHtml(v)}"`).join(" ")} hidden>
    <p class="silkroute-estimate__text" aria-live="polite"></p>
  </div>
  <script type="module" src="/extensions/silkroute-delivery-estimate/assets/delivery-estimate.js"></script>
</section>`;
}

export function themeAsset(file: string): string {
  return readFileSync(new URL(`assets/${file}`, EXTENSION_DIR), "utf8");
}
