/**
 * The one place suppliers' warehouse codes become registry ids (ADR 2000): every domain gets its adapters
 * through this wrapper (shop-adapters.server.ts), so import, sync, stock checks and orders see registry ids,
 * and each supplier is still asked in its own codes (CJ "US", the sandbox's "UK").
 */
import type { SupplierAdapter } from "../suppliers/supplier-adapter";
import type { StockLocation, SupplierCode } from "../suppliers/supplier-models";
import type { SupplierOrderRequest } from "../suppliers/supplier-order-models";
import { ok, type SupplierResult } from "../suppliers/supplier-result";
import type { WarehouseRegistry } from "./registry";

const mapOk = <T, U>(r: SupplierResult<T>, f: (v: T) => U): SupplierResult<U> => (r.ok ? ok(f(r.value)) : r);

export function withRegistryCodes(adapter: SupplierAdapter, supplier: SupplierCode, registry: () => WarehouseRegistry): SupplierAdapter {
  const toId = (code: string) => registry().idFor(supplier, code);
  const toCode = (id: string) => registry().codeFor(supplier, id);
  const ids = (codes: readonly string[]) => [...new Set(codes.map(toId))];
  const asked = <L extends StockLocation | { kind: "country"; countryCode: string }>(l: L): L => (l.kind === "warehouse" ? { ...l, code: toCode(l.code) } : l);
  const answered = (l: StockLocation): StockLocation => (l.kind === "warehouse" ? { ...l, code: toId(l.code) } : l);
  const order = (r: SupplierOrderRequest): SupplierOrderRequest => (r.fromWarehouse ? { ...r, fromWarehouse: toCode(r.fromWarehouse) } : r);
  return {
    ...adapter,
    searchCatalog: async (query) => mapOk(await adapter.searchCatalog(query.shipsFrom ? { ...query, shipsFrom: toCode(query.shipsFrom) } : query),
      (page) => ({ ...page, items: page.items.map((i) => ({ ...i, warehouses: ids(i.warehouses) })) })),
    getProduct: async (id) => mapOk(await adapter.getProduct(id), (p) => ({ ...p, warehouses: ids(p.warehouses) })),
    getAvailability: async (query) => mapOk(await adapter.getAvailability({ ...query, location: asked(query.location) }),
      (list) => list.map((a) => ({ ...a, location: answered(a.location) }))),
    createOrder: (request) => adapter.createOrder(order(request)),
    ...(adapter.twoPhase ? { twoPhase: { ...adapter.twoPhase, reserveOrder: (request) => adapter.twoPhase!.reserveOrder(order(request)) } } : {}),
    ...(adapter.freight ? { freight: { quoteFreight: (request) => adapter.freight!.quoteFreight({ ...request, from: asked(request.from) }) } } : {}),
  };
}
