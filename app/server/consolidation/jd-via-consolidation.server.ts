// The JD adapter as the rest of Silkroute sees it: orders are delivered to the shop's China consolidation
// warehouse, stock is asked for that warehouse's JD area, and the buyer's tracking is the forwarder's parcel.
import type { SupplierAdapter } from "../suppliers/supplier-adapter";
import type { Parcel, SupplierOrderRequest } from "../suppliers/supplier-order-models";
import { fail, ok, supplierError } from "../suppliers/supplier-result";
import { consolidationShipTo, defaultWarehouse, warehouseAreaId } from "./warehouses.server";
import { forwarderParcelsFor } from "./forwarder-tracking.server";
import { asJdAdapter } from "../suppliers/jd";
import { recordJdChildOrders } from "./jd-child-orders.server";

/** The stock "warehouse" code JD products carry: their availability is the default consolidation warehouse's area. */
export const JD_CONSOLIDATION_STOCK_CODE = "CN-JD";

// JD hides the count of a well-stocked SKU (remainNum -1): "real count shown only when stock < 5" (jd-contract.json
// → enums.remainNum, Java SDK). A hidden count is therefore at least 5, which is what the store is told.
const HIDDEN_COUNT_FLOOR = 5;

const NO_WAREHOUSE = () => fail(supplierError("jd", "invalid_request",
  "JD delivers only inside China. Add a China consolidation warehouse under Settings → China consolidation warehouses, then retry."));

export function viaConsolidation(adapter: SupplierAdapter, shop: string): SupplierAdapter {
  const routed = async (request: SupplierOrderRequest) => {
    const warehouse = await defaultWarehouse(shop);
    return warehouse ? { ...request, shipTo: consolidationShipTo(warehouse) } : null;
  };
  return {
    ...adapter,
    // Through the consolidation warehouse JD answers stock for one "warehouse" (its area), like the other suppliers.
    descriptor: { ...adapter.descriptor, capabilities: [...new Set([...adapter.descriptor.capabilities, "stock.by-warehouse" as const])] },
    async getProduct(id) {
      const r = await adapter.getProduct(id);
      return r.ok ? ok({ ...r.value, warehouses: [JD_CONSOLIDATION_STOCK_CODE] }) : r;
    },
    async getAvailability(query) {
      if (query.location.kind === "area") return adapter.getAvailability(query);
      const warehouse = await defaultWarehouse(shop);
      if (!warehouse) return NO_WAREHOUSE();
      const r = await adapter.getAvailability({ ...query, location: { kind: "area", areaId: warehouseAreaId(warehouse) } });
      return r.ok ? ok(r.value.map((a) => ({
        ...a, location: query.location,
        quantity: a.quantity ?? (a.state === "in_stock" || a.state === "allocatable" ? HIDDEN_COUNT_FLOOR : 0),
      }))) : r;
    },
    async createOrder(request) {
      const r = await routed(request);
      return r ? adapter.createOrder(r) : NO_WAREHOUSE();
    },
    // JD's own parcels end at the consolidation warehouse; the buyer follows the forwarder's parcel.
    async getTracking(key) {
      const jd = asJdAdapter(adapter);
      // The domestic leg, child by child when JD split the order. It informs the merchant; the buyer's tracking
      // is the forwarder's, so JD being unreachable here must not hold that back (the next poll records it).
      if (jd) await recordJdChildOrders(shop, key, jd).catch(() => undefined);
      const parcels: Parcel[] = await forwarderParcelsFor(shop, key);
      return ok({ idempotencyKey: key, parcels });
    },
    ...(adapter.twoPhase ? {
      twoPhase: {
        ...adapter.twoPhase,
        async reserveOrder(request: SupplierOrderRequest) {
          const r = await routed(request);
          return r ? adapter.twoPhase!.reserveOrder(r) : NO_WAREHOUSE();
        },
      },
    } : {}),
  };
}
