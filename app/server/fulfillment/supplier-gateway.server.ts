// Which adapter serves a shop's supplier. One adapter per (shop, supplier) per process, because the adapter
// holds the supplier token, pacing and circuit-breaker state.
import type { SupplierAdapter, SupplierCode } from "../suppliers/supplier-adapter";
import { createSupplierAdapter } from "../suppliers/registry";
import { getSecret } from "../security/secrets.server";
import type { ResiliencePolicy } from "../suppliers/resilience/resilient-call";

export type AdapterFactory = (shop: string, supplier: SupplierCode) => Promise<SupplierAdapter>;

const cache = new Map<string, Promise<SupplierAdapter>>();
let override: AdapterFactory | null = null;
let resilience: Partial<ResiliencePolicy> | undefined;

const defaultFactory: AdapterFactory = async (shop, supplier) => {
  if (supplier === "sandbox") {
    return createSupplierAdapter({ supplier, credentials: {}, baseUrl: process.env.SANDBOX_SUPPLIER_URL }, { resilience });
  }
  const credentials = (await getSecret<Record<string, unknown>>(shop, `supplier:${supplier}`)) ?? {};
  return createSupplierAdapter({ supplier, credentials }, { resilience });
};

export function supplierAdapter(shop: string, supplier: string): Promise<SupplierAdapter> {
  const key = `${shop}|${supplier}`;
  let adapter = cache.get(key);
  if (!adapter) {
    adapter = (override ?? defaultFactory)(shop, supplier as SupplierCode);
    adapter.catch(() => cache.delete(key));
    cache.set(key, adapter);
  }
  return adapter;
}

/** Tests, benchmarks and the demo point the flow at their own supplier service. */
export function useSupplierAdapters(factory: AdapterFactory | null, policy?: Partial<ResiliencePolicy>): void {
  override = factory;
  resilience = policy;
  cache.clear();
}
