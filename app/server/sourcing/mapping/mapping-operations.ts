export const VARIANTS_BY_QUERY = `#graphql
  query silkrouteSourcingVariantsByQuery($query: String!, $first: Int!) {
    productVariants(first: $first, query: $query) {
      nodes { id sku barcode title product { id title } inventoryItem { id } }
    }
  }
`;

export const VARIANT_BY_ID = `#graphql
  query silkrouteSourcingVariantById($id: ID!) {
    productVariant(id: $id) { id sku barcode title product { id title } inventoryItem { id } }
  }
`;

// 10 products × 30 variants keeps the requested cost near 630 points, under the 1,000 single-query cap.
export const PRODUCTS_FOR_MAPPING = `#graphql
  query silkrouteSourcingProductsForMapping($query: String, $after: String) {
    products(first: 10, query: $query, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id title variants(first: 30) { nodes { id title sku barcode price inventoryItem { id } } } }
    }
  }
`;
