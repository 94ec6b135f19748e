// Which adapter serves a shop's supplier: the process-wide cache shared with sourcing.
import type { SupplierAdapter, SupplierCode } from "../suppliers/supplier-adapter";
import { shopSupplierAdapter } from "../suppliers/shop-adapters.server";

export { useSupplierAdapters, type AdapterFactory } from "../suppliers/shop-adapters.server";

export function supplierAdapter(shop: string, supplier: string): Promise<SupplierAdapter> {
  return shopSupplierAdapter(shop, supplier as SupplierCode);
}
