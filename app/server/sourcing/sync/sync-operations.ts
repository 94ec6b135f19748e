export const SYNC_VARIANT_STATE = `#graphql
  query silkrouteSourcingSyncState($ids: [ID!]!, $locationId: ID!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id
        inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } }
        variant { id price compareAtPrice product { id } }
      }
    }
  }
`;

export const VARIANTS_BULK_UPDATE = `#graphql
  mutation silkrouteSourcingVariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      productVariants { id price }
      userErrors { field message code }
    }
  }
`;
