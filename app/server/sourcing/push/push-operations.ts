// Admin GraphQL documents for pushing imports. Names are app-unique (silkrouteSourcing…); types come from codegen.

export const PRODUCT_SET = `#graphql
  mutation silkrouteSourcingProductSet($input: ProductSetInput!, $identifier: ProductSetIdentifiers, $locationId: ID!) {
    productSet(input: $input, identifier: $identifier, synchronous: true) {
      product {
        id
        handle
        variants(first: 250) {
          nodes {
            id
            sku
            barcode
            inventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
          }
        }
      }
      userErrors { field message code }
    }
  }
`;

export const INVENTORY_SET = `#graphql
  mutation silkrouteSourcingInventorySet($input: InventorySetQuantitiesInput!) {
    inventorySetQuantities(input: $input) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }
`;

export const INVENTORY_LEVELS = `#graphql
  query silkrouteSourcingInventoryLevels($ids: [ID!]!, $locationId: ID!) {
    nodes(ids: $ids) {
      ... on InventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
    }
  }
`;

export const FULFILLMENT_SERVICES = `#graphql
  query silkrouteSourcingFulfillmentServices {
    shop { currencyCode fulfillmentServices { id serviceName location { id } } }
  }
`;

export const FULFILLMENT_SERVICE_CREATE = `#graphql
  mutation silkrouteSourcingFulfillmentServiceCreate($name: String!, $callbackUrl: URL) {
    fulfillmentServiceCreate(name: $name, callbackUrl: $callbackUrl, inventoryManagement: true, trackingSupport: true) {
      fulfillmentService { id serviceName location { id } }
      userErrors { field message }
    }
  }
`;

export const COLLECTIONS = `#graphql
  query silkrouteSourcingCollections {
    collections(first: 100, sortKey: TITLE) { nodes { id title } }
  }
`;
