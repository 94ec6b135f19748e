import type { Rec } from "./state";
import { quantityOf } from "./domains/inventory";

/** Plain, cycle-free views of store records for assertions and the /_emulator JSON endpoints. */
export function summarizeProduct(p: Rec): Rec {
  return {
    id: p.id, title: p.title, handle: p.handle, status: p.status, vendor: p.vendor, tags: p.tags, updatedAt: p.updatedAt,
    options: p.options.map((o: Rec) => ({ id: o.id, name: o.name, values: o.optionValues.map((v: Rec) => v.name) })),
    metafields: p.metafields.map((m: Rec) => ({ namespace: m.namespace, key: m.key, type: m.type, value: m.value })),
    variants: p.variants.map((v: Rec) => ({
      id: v.id, title: v.title, sku: v.inventoryItem.sku, barcode: v.barcode, price: v.price, inventoryItemId: v.inventoryItem.id,
      unitCost: v.inventoryItem.unitCost, weight: v.inventoryItem.measurement.weight,
      harmonizedSystemCode: v.inventoryItem.harmonizedSystemCode, countryCodeOfOrigin: v.inventoryItem.countryCodeOfOrigin,
      available: Object.fromEntries([...v.inventoryItem.levels.values()].map((l: Rec) => [l.location.id, quantityOf(l, "available")])),
    })),
  };
}

export function summarizeOrder(o: Rec): Rec {
  return {
    id: o.id, name: o.name, cancelledAt: o.cancelledAt, displayFulfillmentStatus: o.displayFulfillmentStatus(),
    lineItems: o.lineItems.map((li: Rec) => ({ id: li.id, sku: li.sku, quantity: li.quantity, variantId: li.variant.id, fulfilledQuantity: li.fulfilledQuantity })),
    fulfillmentOrders: o.fulfillmentOrderList.map((fo: Rec) => ({
      id: fo.id, status: fo.status, requestStatus: fo.requestStatus, locationId: fo.assignedLocation.location.id,
      lineItems: fo.lineItems.map((l: Rec) => ({ id: l.id, sku: l.sku, totalQuantity: l.totalQuantity, remainingQuantity: l.remainingQuantity })),
    })),
  };
}

export function summarizeFulfillment(f: Rec): Rec {
  return {
    id: f.id, name: f.name, orderId: f.order.id, status: f.status, displayStatus: f.displayStatus, notifyCustomer: f.notifyCustomer,
    trackingInfo: f.tracking, events: f.eventList.map((e: Rec) => ({ status: e.status, happenedAt: e.happenedAt, message: e.message })),
  };
}
