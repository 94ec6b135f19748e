/** "fulfillment_orders/fulfillment_request_submitted" <-> FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED */
export function topicToEnum(topic: string): string {
  return topic.toUpperCase().replace("/", "_");
}
