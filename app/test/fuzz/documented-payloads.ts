/**
 * One body per inbound route in the shape Shopify documents it: webhook sample payloads (REST resource shape, the
 * Webhooks reference 2026-07, https://shopify.dev/docs/api/webhooks/2026-07, as the emulator's
 * app/emulator/webhooks/rest-payloads.ts builds them), the compliance topics
 * (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance), the fulfillment-order notification and the
 * CarrierService rate request (/work/shared/reference/shopify-platform.md §1, §2). The fuzz suite mutates these.
 */
import { buildOrderPayload } from "../builders";
import { buildRatePayload } from "../../server/shipping/carrier-service/test-builders";

const fo = { id: "gid://shopify/FulfillmentOrder/1046000778", status: "open", request_status: "unsubmitted" };
const hold = { id: "gid://shopify/FulfillmentHold/1", reason: "awaiting_payment", reason_notes: "Bank transfer not received", handle: "", held_by_requesting_app: false };

export function documentedWebhookPayloads(shop: string): Record<string, unknown> {
  const order = buildOrderPayload();
  return {
    "app/uninstalled": { id: 548380009, name: "Super Toys", email: "super@supertoys.com", domain: shop, myshopify_domain: shop, plan_name: "basic", currency: "USD", iana_timezone: "Europe/Berlin", country_code: "DE" },
    "app/scopes_update": { id: 1, previous: ["read_products"], current: ["read_products", "write_products"], updated_at: "2026-10-01T12:00:00Z" },
    "bulk_operations/finish": { admin_graphql_api_id: "gid://shopify/BulkOperation/1", completed_at: "2026-10-01T12:00:00Z", created_at: "2026-10-01T11:59:00Z", error_code: null, status: "completed", type: "mutation" },
    "customers/data_request": { shop_id: 954889, shop_domain: shop, orders_requested: [299938, 280263], customer: { id: 191167, email: "john@example.com", phone: "555-625-1199" }, data_request: { id: 9999 } },
    "customers/redact": { shop_id: 954889, shop_domain: shop, customer: { id: 191167, email: "john@example.com", phone: "555-625-1199" }, orders_to_redact: [299938, 280263, 220458] },
    "shop/redact": { shop_id: 954889, shop_domain: shop },
    "fulfillment_orders/cancellation_request_submitted": { fulfillment_order: { ...fo, status: "in_progress", request_status: "cancellation_requested" }, fulfillment_order_merchant_request: { id: "gid://shopify/FulfillmentOrderMerchantRequest/1", message: "Customer changed their mind" } },
    "fulfillment_orders/cancelled": { fulfillment_order: { ...fo, status: "cancelled" }, replacement_fulfillment_order: null },
    "fulfillment_orders/fulfillment_request_submitted": { original_fulfillment_order: { ...fo, request_status: "submitted" }, submitted_fulfillment_order: { ...fo, request_status: "submitted" }, fulfillment_order_merchant_request: { id: "gid://shopify/FulfillmentOrderMerchantRequest/2", message: null } },
    "fulfillment_orders/hold_released": { fulfillment_order: fo },
    "fulfillment_orders/order_routing_complete": { fulfillment_order: fo },
    "fulfillment_orders/placed_on_hold": { fulfillment_order: { ...fo, status: "on_hold", fulfillment_holds: [hold] }, remaining_fulfillment_order: null, held_fulfillment_order_line_items: [], created_fulfillment_hold: hold },
    "orders/create": order,
    "orders/cancelled": { ...order, cancelled_at: "2026-10-01T12:00:00Z", cancel_reason: "customer" },
    "products/delete": { id: 788032119674292900 },
    // shopify.dev webhook reference examples (app_subscriptions/update, inventory_levels/update).
    "app_subscriptions/update": { app_subscription: { admin_graphql_api_id: "gid://shopify/AppSubscription/1029266947", name: "Silkroute Growth", status: "ACTIVE", admin_graphql_api_shop_id: "gid://shopify/Shop/548380009", created_at: "2026-10-01T12:00:00Z", updated_at: "2026-10-01T12:00:00Z", currency: "USD", capped_amount: "20.0" } },
    "inventory_levels/update": { inventory_item_id: 271878346596884015, location_id: 24826418, available: 6, updated_at: "2026-10-01T12:00:00Z", admin_graphql_api_id: "gid://shopify/InventoryLevel/24826418?inventory_item_id=271878346596884015" },
    "products/update": {
      admin_graphql_api_id: "gid://shopify/Product/788032119674292922", id: 788032119674292922, title: "Example T-Shirt", status: "active", tags: "",
      variants: [{ admin_graphql_api_id: "gid://shopify/ProductVariant/642667041472713922", id: 642667041472713922, product_id: 788032119674292922, title: "Small", price: "19.99", sku: "EX-S", grams: 200, inventory_quantity: 75 }],
      variant_gids: [{ admin_graphql_api_id: "gid://shopify/ProductVariant/642667041472713922", updated_at: "2026-10-01T12:00:00Z" }],
    },
  };
}

export const documentedFulfillmentNotification = () => ({ kind: "FULFILLMENT_REQUEST" });

export const documentedRateRequest = () => buildRatePayload();
