/**
 * The one place that converts between Shopify GIDs (gid://shopify/Product/123) and legacy numeric ids.
 * Everything we store is a GID.
 */
export type ShopifyResource =
  | "Product" | "ProductVariant" | "InventoryItem" | "Location" | "Order" | "LineItem"
  | "FulfillmentOrder" | "FulfillmentOrderLineItem" | "Fulfillment" | "FulfillmentEvent"
  | "FulfillmentService" | "DeliveryCarrierService" | "Customer" | "Shop" | "BulkOperation"
  | "MediaImage" | "Metafield" | "Collection" | "WebhookSubscription" | "ProductOption"
  | "ProductOptionValue" | "InventoryLevel" | "ProductSetOperation" | "App" | "AppInstallation"
  | "StagedUploadTarget" | "Refund" | "ProductVariantComponent" | "AppSubscription" | "AppSubscriptionLineItem";

export type Gid<R extends ShopifyResource = ShopifyResource> = `gid://shopify/${R}/${string}`;

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?#]+)(\?.*)?$/;

export class GidError extends Error {
  override name = "GidError";
}

export function toGid<R extends ShopifyResource>(resource: R, id: string | number | bigint): Gid<R> {
  const text = String(id);
  if (GID_PATTERN.test(text)) {
    const parsed = parseGid(text);
    if (parsed.resource !== resource) throw new GidError(`Expected a ${resource} id, got ${text}`);
    return text as Gid<R>;
  }
  if (!/^\d+$/.test(text)) throw new GidError(`"${text}" is not a numeric ${resource} id`);
  return `gid://shopify/${resource}/${text}` as Gid<R>;
}

export function parseGid(gid: string): { resource: string; id: string } {
  const match = GID_PATTERN.exec(gid);
  if (!match) throw new GidError(`"${gid}" is not a Shopify GID`);
  return { resource: match[1]!, id: match[2]! };
}

export function legacyId(gid: string): string {
  return parseGid(gid).id;
}

export function isGid(value: unknown, resource?: ShopifyResource): value is Gid {
  if (typeof value !== "string") return false;
  const match = GID_PATTERN.exec(value);
  return !!match && (!resource || match[1] === resource);
}
