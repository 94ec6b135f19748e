// Admin GraphQL documents for pushing imports. Names are app-unique (silkrouteSourcing…); types come from codegen.

export const PRODUCT_SET = `#graphql
  mutation silkrouteSourcingProductSet($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id
        handle
        variants(first: 60) {
          nodes {
            id
            sku
            barcode
            inventoryItem { id inventoryLevels(first: 3) { nodes { location { id } quantities(names: ["available"]) { name quantity } } } }
          }
        }
      }
      userErrors { field message code }
    }
  }
`;

// Required from 2026-04 (the mutation's description); the key comes from stock-updates.server.ts.
export const INVENTORY_SET = `#graphql
  mutation silkrouteSourcingInventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }
`;

export const INVENTORY_LEVELS = `#graphql
  query silkrouteSourcingInventoryLevels($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on InventoryItem { id inventoryLevels(first: 3) { nodes { location { id } quantities(names: ["available"]) { name quantity } } } }
    }
  }
`;

export const COLLECTIONS = `#graphql
  query silkrouteSourcingCollections {
    collections(first: 100, sortKey: TITLE) { nodes { id title } }
  }
`;

export const SALES_CHANNELS = `#graphql
  query silkrouteSourcingSalesChannels {
    publications(first: 50) { nodes { id catalog { title } } }
  }
`;

// Publishing is a set operation (publishing again changes nothing), so it needs no idempotency key.
export const PUBLISH_PRODUCT = `#graphql
  mutation silkrouteSourcingPublish($id: ID!, $input: [PublicationInput!]!) {
    publishablePublish(id: $id, input: $input) {
      userErrors { field message }
    }
  }
`;
