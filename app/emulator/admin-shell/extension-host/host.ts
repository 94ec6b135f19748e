/**
 * Browser side of the local admin's extension blocks: runs the admin blocks' own load and view code (the same
 * `extensions/*\/src/view.ts` the Preact entries render) against the block API as Shopify provides it
 * (shopify.dev, "Admin UI extensions" → standard API: `data.selected`, `i18n.translate`, `query` for Direct API
 * access, and `fetch` that adds a session token for the app's URLs). Bundled by the shell with esbuild.
 */
import orderEn from "../../../../extensions/silkroute-order-block/locales/en.default.json";
import orderZh from "../../../../extensions/silkroute-order-block/locales/zh-CN.json";
import productEn from "../../../../extensions/silkroute-product-block/locales/en.default.json";
import productZh from "../../../../extensions/silkroute-product-block/locales/zh-CN.json";
import { loadOrderBlock, orderBlockView } from "../../../../extensions/silkroute-order-block/src/view";
import { loadProductBlock, productBlockView } from "../../../../extensions/silkroute-product-block/src/view";
import { domH, translator, type BlockConfig } from "./dom";

declare global { interface Window { __BLOCK__: BlockConfig } }

const config = window.__BLOCK__;
const shellApi = `/api/shops/${encodeURIComponent(config.shop)}`;

async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(shellApi + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Shopify resolves the block's relative fetches against the app URL and adds a fresh session token. */
async function appFetch(url: string): Promise<Response> {
  const { token } = await post<{ token: string }>("/session-token");
  return fetch(new URL(url, config.appOrigin), { headers: { Authorization: `Bearer ${token}` } });
}

const query = async <Data>(text: string, options?: { variables?: Record<string, unknown> }) =>
  post<{ data?: Data; errors?: Array<{ message: string }> }>("/graphql", { query: text, variables: options?.variables ?? {} });

async function mount(root: HTMLElement): Promise<void> {
  const h = domH(config);
  const navigation = { navigate: (url: string) => { window.location.href = url; } };
  const data = { selected: [{ id: config.selectedId }] };
  if (config.target === "admin.order-details.block.render") {
    const api = { data, navigation, i18n: { translate: translator(config.locale === "zh-CN" ? orderZh : orderEn) } };
    root.replaceChildren(orderBlockView(h, api, { kind: "loading" }));
    root.replaceChildren(orderBlockView(h, api, await loadOrderBlock(api, appFetch)));
  } else {
    const api = { data, query, i18n: { translate: translator(config.locale === "zh-CN" ? productZh : productEn) } };
    root.replaceChildren(productBlockView(h, api, { kind: "loading" }));
    root.replaceChildren(productBlockView(h, api, await loadProductBlock(api, appFetch)));
  }
  root.dataset.state = "ready";
}

const root = document.getElementById("extension-block");
if (root) void mount(root);
