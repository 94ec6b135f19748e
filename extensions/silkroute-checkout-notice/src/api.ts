/**
 * The part of the checkout UI extension API this notice uses, at its documented shape (@shopify/ui-extensions
 * 2026.7.1, surfaces/checkout/api/shipping/shipping-option-item.d.ts and api/standard/standard.d.ts, as shipped in
 * @shopify/dev-mcp 1.16.0; its 2026.10 rc carries only the admin surface). Values are signals (`.value`).
 */
export interface NumberRange { lower?: number; upper?: number }
export interface ShippingOption {
  handle: string; title?: string; description?: string; type: "shipping" | "local";
  carrier: { name?: string }; deliveryEstimate: { timeInTransit?: NumberRange };
}
export interface AppMetafieldEntry {
  target: { type: string; id: string };
  metafield: { namespace: string; key: string; value: string; type: string };
}
export interface CheckoutNoticeApi {
  target: { value: ShippingOption };
  isTargetSelected: { value: boolean };
  shippingAddress?: { value: { countryCode?: string } | undefined };
  /** The buyer's market country; used where the address is not readable (it needs protected customer data access). */
  localization: { language: { value: { isoCode: string } }; country: { value: { isoCode: string } | undefined } };
  appMetafields: { value: AppMetafieldEntry[] };
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
}

export type H<Node> = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>) => Node;
