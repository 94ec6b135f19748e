/**
 * The order details block: one section per supplier order with state, supplier, warehouse, carrier, tracking and
 * the latest event, and links into Silkroute. Polaris web components (`s-*`), the only UI extensions from API
 * 2025-10 on. Data comes from the app's `/api/extensions/order-block` (session token added by Shopify to
 * relative fetches from admin UI extensions).
 */
import type { BlockApi, H } from "./api";

export interface SupplierOrderRow {
  id: string; state: string; supplier: string; warehouse: string; supplierOrderId: string | null; carrier: string | null;
  trackingNumbers: string[]; trackingUrl: string | null; latestEvent: { message: string; at: string } | null;
  attention: string | null; actions: { approve: boolean; retry: boolean }; appPath: string;
}
export type OrderBlockState = { kind: "loading" } | { kind: "error" } | { kind: "loaded"; supplierOrders: SupplierOrderRow[] };

const TONES: Record<string, string> = { needs_attention: "warning", failed: "critical", exception: "critical", shipped: "info", delivered: "success", cancelled: "neutral" };

export function dataUrl(api: BlockApi): string | null {
  const id = api.data.selected[0]?.id;
  return id ? `/api/extensions/order-block?id=${encodeURIComponent(id)}` : null;
}

/**
 * What the block shows once loaded: the app's answer for the selected order. `fetch` is the extension's, which
 * Shopify gives the session token for relative URLs; the local admin passes one that does the same.
 */
export async function loadOrderBlock(api: BlockApi, fetchFn: (url: string) => Promise<Response>): Promise<OrderBlockState> {
  const url = dataUrl(api);
  if (!url) return { kind: "loaded", supplierOrders: [] };
  try {
    const response = await fetchFn(url);
    if (!response.ok) return { kind: "error" };
    const body = (await response.json()) as { supplierOrders: SupplierOrderRow[] };
    return { kind: "loaded", supplierOrders: body.supplierOrders };
  } catch {
    return { kind: "error" };
  }
}

export function orderBlockView<N>(h: H<N>, api: BlockApi, state: OrderBlockState): N {
  const t = api.i18n.translate;
  const block = (...children: Array<N | string | null>) => h("s-admin-block", { heading: t("heading") }, ...children);
  if (state.kind === "loading") return block(h("s-spinner", { accessibilityLabel: t("loading") }));
  if (state.kind === "error") return block(h("s-banner", { tone: "critical" }, t("error")));
  if (!state.supplierOrders.length) return block(h("s-paragraph", null, t("empty")));
  return block(h("s-stack", { direction: "block", gap: "base" }, ...state.supplierOrders.map((o) => supplierOrder(h, t, o))));
}

function supplierOrder<N>(h: H<N>, t: BlockApi["i18n"]["translate"], o: SupplierOrderRow): N {
  const tracking = o.trackingNumbers.length
    ? h("s-paragraph", null, t("tracking", { carrier: o.carrier ?? t("carrierUnknown"), numbers: o.trackingNumbers.join(", ") }))
    : h("s-paragraph", { color: "subdued" }, t("noTracking"));
  return h("s-section", { heading: t("supplierOrder", { supplier: o.supplier, warehouse: o.warehouse }) },
    h("s-stack", { direction: "block", gap: "small-300" },
      h("s-badge", { tone: TONES[o.state] ?? "neutral" }, t(`state.${o.state}`)),
      o.supplierOrderId ? h("s-paragraph", null, t("supplierReference", { reference: o.supplierOrderId })) : null,
      tracking,
      o.trackingUrl ? h("s-link", { href: o.trackingUrl, target: "_blank" }, t("trackParcel")) : null,
      o.latestEvent ? h("s-paragraph", null, t("latestEvent", { message: o.latestEvent.message, at: o.latestEvent.at.slice(0, 10) })) : null,
      o.attention ? h("s-banner", { tone: "warning" }, o.attention) : null,
      // `app:` links open a path of the embedded app (admin UI extensions' Link `href`).
      h("s-link", { href: `app:${o.appPath}` }, o.actions.approve || o.actions.retry ? t("reviewInSilkroute") : t("openInSilkroute")),
    ));
}
