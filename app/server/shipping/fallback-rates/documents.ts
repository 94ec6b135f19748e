/** Admin GraphQL documents for the fallback-rates delivery customization. */

export const FALLBACK_RATES_LOOKUP = `#graphql
query silkrouteFallbackRatesLookup {
  shopifyFunctions(first: 25, apiType: "delivery_customization") { nodes { id handle title } }
  deliveryCustomizations(first: 50) {
    nodes { id functionId title enabled metafield(namespace: "$app:silkroute", key: "fallback-rates") { jsonValue } }
  }
}`;

export const FALLBACK_RATES_CREATE = `#graphql
mutation silkrouteFallbackRatesCreate($input: DeliveryCustomizationInput!) {
  deliveryCustomizationCreate(deliveryCustomization: $input) { deliveryCustomization { id enabled } userErrors { field message code } }
}`;

export const FALLBACK_RATES_UPDATE = `#graphql
mutation silkrouteFallbackRatesUpdate($id: ID!, $input: DeliveryCustomizationInput!) {
  deliveryCustomizationUpdate(id: $id, deliveryCustomization: $input) { deliveryCustomization { id enabled } userErrors { field message code } }
}`;
