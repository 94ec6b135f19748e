// Builders for Shopify webhook payloads (REST shape), with overrides.
let nextId = 5_000_000;
const id = () => nextId++;

export function buildOrderPayload(overrides: Record<string, unknown> = {}) {
  const orderId = id();
  return {
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    name: `#${1000 + (orderId % 1000)}`,
    email: "buyer@example.com",
    phone: "+4915112345678",
    currency: "EUR",
    total_price: "49.90",
    customer: { id: 777_000 + (orderId % 1000) },
    shipping_address: {
      name: "Mia Schneider",
      address1: "Hauptstraße 5",
      city: "Berlin",
      zip: "10115",
      country_code: "DE",
      phone: "+4915112345678",
    },
    line_items: [{ id: id(), variant_id: id(), product_id: id(), sku: "SR-CASE-BLK", title: "Phone case", quantity: 2, price: "24.95", grams: 80 }],
    ...overrides,
  };
}
