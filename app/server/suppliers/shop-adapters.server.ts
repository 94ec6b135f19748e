// The one cache of supplier adapters per (shop, supplier) for the life of the process: an adapter holds the
// supplier token, request pacing and circuit-breaker state, so every domain must share it.
import { viaConsolidation } from "../consolidation/jd-via-consolidation.server";
import db from "../../db.server";
import { isDemoOrTest } from "../config";
import { getSecret } from "../security/secrets.server";
import { cjScanSource } from "./cj/tracking-scans.server";
import { createSupplierAdapter, SUPPLIER_DESCRIPTORS, SupplierConfigError } from "./registry";
import type { ResiliencePolicy } from "./resilience/resilient-call";
import { DEFAULT_SANDBOX_BASE_URL } from "./sandbox/index";
import type { SupplierAdapter } from "./supplier-adapter";
import type { SupplierCode } from "./supplier-models";
import { withRegistryCodes } from "../warehouses/registry-adapter";
import { currentWarehouseRegistry, warehouseRegistry } from "../warehouses/registry.server";

export type AdapterFactory = (shop: string, supplier: SupplierCode) => Promise<SupplierAdapter>;

const cache = new Map<string, Promise<SupplierAdapter>>();
let override: AdapterFactory | null = null;
let resilience: Partial<ResiliencePolicy> | undefined;

export const supplierCredentialPurpose = (supplier: SupplierCode) => `supplier:${supplier}`;

/**
 * The sandbox supplier is a stand-in with made-up goods: offered in demo/test mode, and otherwise only to
 * development stores (Shopify's plan.partnerDevelopment, recorded after install), never to a live store.
 */
export async function sandboxOffered(shop: string): Promise<boolean> {
  if (isDemoOrTest()) return true;
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { developmentStore: true } });
  return row?.developmentStore === true;
}

const defaultFactory: AdapterFactory = async (shop, supplier) => {
  if (supplier === "sandbox") {
    if (!(await sandboxOffered(shop))) throw new SupplierConfigError("The sandbox supplier is only available on development stores");
    return createSupplierAdapter({ supplier, credentials: {}, baseUrl: process.env.SANDBOX_SUPPLIER_URL ?? DEFAULT_SANDBOX_BASE_URL }, { resilience });
  }
  const credentials = await getSecret<Record<string, unknown>>(shop, supplierCredentialPurpose(supplier));
  if (!credentials) throw new SupplierConfigError(`${SUPPLIER_DESCRIPTORS[supplier].label} is not connected`);
  return createSupplierAdapter({ supplier, credentials }, { resilience, cjLogisticEvents: supplier === "cj" ? cjScanSource(shop) : undefined });
};

export function shopSupplierAdapter(shop: string, supplier: SupplierCode): Promise<SupplierAdapter> {
  const key = `${shop}|${supplier}`;
  let adapter = cache.get(key);
  if (!adapter) {
    // JD delivers only inside China: every domain sees it routed through the shop's consolidation warehouse.
    // Every domain speaks warehouse-registry ids; the wrapper asks the supplier in its own codes (ADR 2000).
    adapter = Promise.all([(override ?? defaultFactory)(shop, supplier), warehouseRegistry()])
      .then(([a]) => withRegistryCodes(supplier === "jd" ? viaConsolidation(a, shop) : a, supplier, currentWarehouseRegistry));
    adapter.catch(() => cache.delete(key));
    cache.set(key, adapter);
  }
  return adapter;
}

/** After credentials change or a supplier is disconnected, the next call builds a fresh adapter. */
export function forgetShopSupplierAdapter(shop: string, supplier: SupplierCode): void {
  cache.delete(`${shop}|${supplier}`);
}

/** Tests, benchmarks and the demo point every domain at their own supplier service (null restores the default). */
export function useSupplierAdapters(factory: AdapterFactory | null, policy?: Partial<ResiliencePolicy>): void {
  override = factory;
  resilience = policy;
  cache.clear();
}
