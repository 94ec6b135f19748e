// Admin GraphQL documents of price and stock sync (ADR 0810). Writes only; Shopify is read only to
// re-check a stale compare-and-swap value and in the daily reconciliation.

/**
 * inventorySetQuantities requires an idempotency key from 2026-04 and a changeFromQuantity on every
 * quantity (null skips the check); see the mutation's description in app/types/admin-2026-10.schema.json
 * and https://shopify.dev/docs/api/usage/idempotent-requests.
 */
export const SYNC_INVENTORY_SET = `#graphql
  mutation silkrouteSyncInventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }
`;

// 50 items × 10 levels keeps the query well under the 1,000-point single-query cap.
export const SYNC_INVENTORY_LEVELS = `#graphql
  query silkrouteSyncInventoryLevels($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id
        inventoryLevels(first: 10) { nodes { location { id } quantities(names: ["available"]) { name quantity } } }
      }
    }
  }
`;

export const SYNC_VARIANTS_UPDATE = `#graphql
  mutation silkrouteSyncVariantsUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      productVariants { id }
      userErrors { field message code }
    }
  }
`;

export const SYNC_PRODUCT_STATUS = `#graphql
  mutation silkrouteSyncProductStatus($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product { id status }
      userErrors { field message }
    }
  }
`;

/**
 * The daily reconciliation: every variant's price, compare-at, status and stock at every location, in one
 * bulk query (https://shopify.dev/docs/api/usage/bulk-operations/queries) rather than thousands of small ones.
 */
export const RECONCILE_BULK_QUERY = `{
  productVariants {
    edges { node {
      id price compareAtPrice product { id status }
      inventoryItem { id inventoryLevels { edges { node { location { id } quantities(names: ["available"]) { quantity } } } } }
    } }
  }
}`;

export const SYNC_BULK_QUERY_RUN = `#graphql
  mutation silkrouteSyncReconcileStart($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const SYNC_BULK_OPERATION = `#graphql
  query silkrouteSyncReconcileStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode url } }
  }
`;
