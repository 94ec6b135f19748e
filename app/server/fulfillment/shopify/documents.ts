// Every Admin GraphQL document of the fulfillment domain (typed by `npx graphql-codegen`).

// The fulfillment-order fields both FO queries read (inlined: codegen and the schema test read source text).


export const ASSIGNED_FULFILLMENT_ORDERS = `#graphql
  query silkrouteFulfillmentAssigned($status: FulfillmentOrderAssignmentStatus!, $after: String) {
    shop { assignedFulfillmentOrders(first: 5, after: $after, assignmentStatus: $status) {
      pageInfo { hasNextPage endCursor }
      nodes { id status requestStatus orderId orderName
        assignedLocation { location { id } }
        deliveryMethod { methodType serviceCode presentedName }
        destination { firstName lastName address1 address2 city province zip countryCode phone email }
        lineItems(first: 20) { nodes { id sku remainingQuantity totalQuantity variant { id }
          lineItem { originalUnitPriceSet { shopMoney { amount currencyCode } } } } } }
    } }
  }`;

export const ORDER_FULFILLMENT_ORDERS = `#graphql
  query silkrouteFulfillmentOrderFulfillmentOrders($id: ID!) {
    order(id: $id) { id fulfillmentOrders(first: 5) { nodes { id status requestStatus orderId orderName
        assignedLocation { location { id } }
        deliveryMethod { methodType serviceCode presentedName }
        destination { firstName lastName address1 address2 city province zip countryCode phone email }
        lineItems(first: 20) { nodes { id sku remainingQuantity totalQuantity variant { id }
          lineItem { originalUnitPriceSet { shopMoney { amount currencyCode } } } } } } } }
  }`;

export const FULFILLMENT_ORDER_FULFILLMENTS = `#graphql
  query silkrouteFulfillmentExisting($id: ID!) {
    fulfillmentOrder(id: $id) { id status fulfillments(first: 5) { nodes { id trackingInfo { number }
      events(first: 100) { nodes { status happenedAt } } } } }
  }`;

export const ACCEPT_FULFILLMENT_REQUEST = `#graphql
  mutation silkrouteFulfillmentAccept($id: ID!, $message: String) {
    fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: $message) { fulfillmentOrder { id status requestStatus } userErrors { field message } }
  }`;

export const REJECT_FULFILLMENT_REQUEST = `#graphql
  mutation silkrouteFulfillmentReject($id: ID!, $reason: FulfillmentOrderRejectionReason, $message: String) {
    fulfillmentOrderRejectFulfillmentRequest(id: $id, reason: $reason, message: $message) { fulfillmentOrder { id status requestStatus } userErrors { field message } }
  }`;

export const ACCEPT_CANCELLATION_REQUEST = `#graphql
  mutation silkrouteFulfillmentAcceptCancellation($id: ID!, $message: String) {
    fulfillmentOrderAcceptCancellationRequest(id: $id, message: $message) { fulfillmentOrder { id status requestStatus } userErrors { field message } }
  }`;

export const REJECT_CANCELLATION_REQUEST = `#graphql
  mutation silkrouteFulfillmentRejectCancellation($id: ID!, $message: String) {
    fulfillmentOrderRejectCancellationRequest(id: $id, message: $message) { fulfillmentOrder { id status requestStatus } userErrors { field message } }
  }`;

export const CLOSE_FULFILLMENT_ORDER = `#graphql
  mutation silkrouteFulfillmentOrderClose($id: ID!, $message: String) {
    fulfillmentOrderClose(id: $id, message: $message) { fulfillmentOrder { id status requestStatus } userErrors { field message } }
  }`;

export const FULFILLMENT_ORDER_HOLDS = `#graphql
  query silkrouteFulfillmentOrderHolds($id: ID!) {
    fulfillmentOrder(id: $id) { id status fulfillmentHolds { reason reasonNotes } }
  }`;

export const FULFILLMENT_CREATE = `#graphql
  mutation silkrouteFulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id name status trackingInfo { company number url } } userErrors { field message } }
  }`;

export const FULFILLMENT_TRACKING_UPDATE = `#graphql
  mutation silkrouteFulfillmentTrackingUpdate($id: ID!, $tracking: FulfillmentTrackingInput!, $notify: Boolean) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $tracking, notifyCustomer: $notify) { fulfillment { id } userErrors { field message } }
  }`;

export const FULFILLMENT_EVENT_CREATE = `#graphql
  mutation silkrouteFulfillmentEventCreate($event: FulfillmentEventInput!) {
    fulfillmentEventCreate(fulfillmentEvent: $event) { fulfillmentEvent { id status } userErrors { field message } }
  }`;

export const FULFILLMENT_SERVICE_CREATE = `#graphql
  mutation silkrouteFulfillmentServiceCreate($name: String!, $callbackUrl: URL!) {
    fulfillmentServiceCreate(name: $name, callbackUrl: $callbackUrl, trackingSupport: false, inventoryManagement: false) {
      fulfillmentService { id serviceName location { id } } userErrors { field message }
    }
  }`;

export const FULFILLMENT_SERVICES = `#graphql
  query silkrouteFulfillmentServices {
    shop { fulfillmentServices { id serviceName callbackUrl trackingSupport location { id } } }
  }`;

// Services registered before ADR 0710 declared tracking support; Shopify then polled fetch_tracking_numbers, a route
// that no longer exists. Tracking is pushed with each fulfillment instead.
export const FULFILLMENT_SERVICE_STOP_TRACKING = `#graphql
  mutation silkrouteFulfillmentServiceStopTracking($id: ID!) {
    fulfillmentServiceUpdate(id: $id, trackingSupport: false) {
      fulfillmentService { id trackingSupport } userErrors { field message }
    }
  }`;

export const LOCATION_EDIT = `#graphql
  mutation silkrouteFulfillmentLocationEdit($id: ID!, $input: LocationEditInput!) {
    locationEdit(id: $id, input: $input) { location { id } userErrors { field message } }
  }`;
