export const SYNC_VARIANT_STATE = `#graphql
  query silkrouteSourcingSyncState($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id
        inventoryLevels(first: 10) { nodes { location { id } quantities(names: ["available"]) { name quantity } } }
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
