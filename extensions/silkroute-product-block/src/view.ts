/**
 * The product details block: per mapped variant its supplier SKU, supplier cost, margin at the current price,
 * stock per warehouse and last sync, and a link to re-map. Prices come from Shopify (Direct API `query` from the
 * extension), supplier data and the cost in the shop's currency from the app (`/api/extensions/product-block`).
 */
import { formatMoney, parseDecimal, type Money } from "../../../app/server/money";
import type { BlockApi, H } from "./api";

export const PRICES_QUERY = `#graphql
query SilkrouteProductBlockPrices($id: ID!) {
  shop { currencyCode }
  product(id: $id) { variants(first: 100) { nodes { id title price } } }
}`;

interface Amount { amountMinor: number; currency: string }
export interface MappedVariant {
  variantGid: string; supplier: string; supplierSku: string; cost: Amount | null; costConverted: Amount | null;
  stockByWarehouse: Record<string, number>; totalStock: number; lastSyncedAt: string | null; syncError: string | null;
}
export interface ShopifyVariant { id: string; title: string; price: string }
export type ProductBlockState =
  | { kind: "loading" } | { kind: "error" }
  | { kind: "loaded"; currency: string; prices: ShopifyVariant[]; variants: MappedVariant[]; remapPath: string };

export function dataUrl(api: BlockApi, currency: string): string | null {
  const id = api.data.selected[0]?.id;
  return id ? `/api/extensions/product-block?id=${encodeURIComponent(id)}&currency=${currency}` : null;
}

/** Prices from Shopify (Direct API), then the app's supplier data in the shop's currency. */
export async function loadProductBlock(api: BlockApi, fetchFn: (url: string) => Promise<Response>): Promise<ProductBlockState> {
  const id = api.data.selected[0]?.id;
  try {
    const { data } = await api.query<{ shop: { currencyCode: string }; product: { variants: { nodes: ShopifyVariant[] } } | null }>(PRICES_QUERY, { variables: { id } });
    if (!data) return { kind: "error" };
    const url = dataUrl(api, data.shop.currencyCode);
    if (!url) return { kind: "error" };
    const response = await fetchFn(url);
    if (!response.ok) return { kind: "error" };
    const body = (await response.json()) as { variants: MappedVariant[]; remapPath: string };
    return { kind: "loaded", currency: data.shop.currencyCode, prices: data.product?.variants.nodes ?? [], variants: body.variants, remapPath: body.remapPath };
  } catch {
    return { kind: "error" };
  }
}

/** Margin in basis points of the price; null when the cost is unknown or in another currency. */
export function marginBps(price: Money, cost: Amount | null): number | null {
  if (!cost || cost.currency !== price.currency || price.amount <= 0) return null;
  return Math.round(((price.amount - cost.amountMinor) * 10_000) / price.amount);
}

const show = (a: Amount) => formatMoney({ amount: a.amountMinor, currency: a.currency });

export function productBlockView<N>(h: H<N>, api: BlockApi, state: ProductBlockState): N {
  const t = api.i18n.translate;
  const block = (...children: Array<N | string | null>) => h("s-admin-block", { heading: t("heading") }, ...children);
  if (state.kind === "loading") return block(h("s-spinner", { accessibilityLabel: t("loading") }));
  if (state.kind === "error") return block(h("s-banner", { tone: "critical" }, t("error")));
  const remap = h("s-link", { href: `app:${state.remapPath}` }, t("remap"));
  if (!state.variants.length) return block(h("s-paragraph", null, t("unmapped")), remap);
  return block(h("s-stack", { direction: "block", gap: "base" }, ...state.variants.map((v) => variant(h, t, state, v))), remap);
}

function variant<N>(h: H<N>, t: BlockApi["i18n"]["translate"], state: Extract<ProductBlockState, { kind: "loaded" }>, v: MappedVariant): N {
  const shopify = state.prices.find((p) => p.id === v.variantGid);
  const price = shopify ? parseDecimal(shopify.price, state.currency) : null;
  const margin = price ? marginBps(price, v.costConverted) : null;
  const stock = Object.entries(v.stockByWarehouse).map(([warehouse, quantity]) => `${warehouse} ${quantity}`).join(" · ");
  return h("s-section", { heading: shopify && shopify.title !== "Default Title" ? shopify.title : t("variant") },
    h("s-stack", { direction: "block", gap: "small-300" },
      h("s-paragraph", null, t("supplierSku", { supplier: v.supplier, sku: v.supplierSku })),
      h("s-paragraph", null, v.cost ? t("cost", { cost: show(v.cost), converted: v.costConverted ? show(v.costConverted) : t("noRate") }) : t("noCost")),
      price ? h("s-paragraph", null, margin === null ? t("priceOnly", { price: show({ amountMinor: price.amount, currency: price.currency }) })
        : t("margin", { price: show({ amountMinor: price.amount, currency: price.currency }), margin: (margin / 100).toFixed(1) })) : null,
      margin !== null && margin < 0 ? h("s-badge", { tone: "critical" }, t("loss")) : null,
      h("s-paragraph", null, stock ? t("stock", { stock, total: v.totalStock }) : t("noStock")),
      h("s-paragraph", { color: "subdued" }, v.lastSyncedAt ? t("lastSync", { at: v.lastSyncedAt.slice(0, 16).replace("T", " ") }) : t("neverSynced")),
      v.syncError ? h("s-banner", { tone: "warning" }, v.syncError) : null,
    ));
}
