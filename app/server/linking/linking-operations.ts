// Admin API documents of the linking domain (ADR 2010). Inventory mutations carry @idempotent keys (required for
// inventoryActivate from 2026-04, per its 2026-10 description).

export const LINK_VARIANT = `#graphql
  query silkrouteLinkingVariant($id: ID!) {
    productVariant(id: $id) {
      id sku barcode title price
      product { id title }
      inventoryItem {
        id tracked
        inventoryLevels(first: 50) {
          nodes { id location { id isFulfillmentService } quantities(names: ["available"]) { name quantity } }
        }
      }
    }
  }
`;

export const INVENTORY_ACTIVATE = `#graphql
  mutation silkrouteLinkingInventoryActivate($inventoryItemId: ID!, $locationId: ID!, $available: Int, $idempotencyKey: String!) {
    inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId, available: $available) @idempotent(key: $idempotencyKey) {
      inventoryLevel { id }
      userErrors { field message }
    }
  }
`;

export const INVENTORY_DEACTIVATE = `#graphql
  mutation silkrouteLinkingInventoryDeactivate($inventoryLevelId: ID!) {
    inventoryDeactivate(inventoryLevelId: $inventoryLevelId) { userErrors { field message } }
  }
`;

export const INVENTORY_ITEM_TRACKING = `#graphql
  mutation silkrouteLinkingInventoryTracking($id: ID!, $tracked: Boolean!) {
    inventoryItemUpdate(id: $id, input: { tracked: $tracked }) { inventoryItem { id tracked } userErrors { field message } }
  }
`;

/** One fulfillment order as the merchant-managed routing job needs it: where it is and what its lines are. */
export const ROUTING_FULFILLMENT_ORDER = `#graphql
  query silkrouteLinkingFulfillmentOrder($id: ID!) {
    fulfillmentOrder(id: $id) {
      id status requestStatus orderId
      assignedLocation { location { id isFulfillmentService } }
      lineItems(first: 100) {
        nodes {
          id remainingQuantity
          variant { id }
          inventoryItemId
        }
      }
    }
  }
`;

export const ITEM_AVAILABLE_AT = `#graphql
  query silkrouteLinkingAvailableAt($id: ID!, $locationId: ID!) {
    inventoryItem(id: $id) { id tracked inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
  }
`;

export const FULFILLMENT_ORDER_MOVE = `#graphql
  mutation silkrouteLinkingFulfillmentOrderMove($id: ID!, $newLocationId: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $lines) {
      movedFulfillmentOrder { id status requestStatus }
      userErrors { field message }
    }
  }
`;

export const SUBMIT_FULFILLMENT_REQUEST = `#graphql
  mutation silkrouteLinkingSubmitRequest($id: ID!, $message: String) {
    fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: $message, notifyCustomer: false) {
      submittedFulfillmentOrder { id requestStatus }
      userErrors { field message }
    }
  }
`;

export const VARIANTS_FOR_MATCHING = `#graphql
  query silkrouteLinkingVariantsForMatching($query: String, $after: String) {
    productVariants(first: 100, query: $query, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id sku barcode title price product { id title } }
    }
  }
`;
