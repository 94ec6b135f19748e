// The operator's end-to-end check of one supplier connection: the same ten scenarios for every supplier, in order,
// one line each. Later scenarios use what earlier ones found (a product, an in-stock variant, an order key).
import { formatMoney } from "../../money";
import { hasCapability, type SupplierAdapter } from "../supplier-adapter";
import type { ShippingAddress, SupplierOrderRequest } from "../supplier-order-models";

export type ScenarioName = "authenticate" | "search" | "product" | "stock" | "freight" | "place-order" | "place-order-again" | "order-status" | "tracking" | "cancel";
export type CheckLine = { scenario: ScenarioName; outcome: "ok" | "fail" | "skip"; detail: string };

/** A fixed test address with every field suppliers require (CJ needs province and country name; JD an area id). */
export const CHECK_ADDRESS: ShippingAddress = {
  name: "Silkroute Check", phone: "+15125550100", email: "check@silkroute.test", address1: "500 W 2nd St", city: "Austin",
  province: "Texas", zip: "78701", countryCode: "US",
};

class Skip extends Error {}
const skip = (reason: string) => { throw new Skip(reason); };
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string; supplierCode?: string } }): T => {
  if (r.ok) return r.value;
  throw new Error(`${r.error.message}${r.error.supplierCode ? ` (code ${r.error.supplierCode})` : ""}`);
};

export interface CheckOptions {
  /** Searched when the adapter declares "catalog.keyword"; otherwise the check browses the first catalog page. */
  keyword?: string;
  noAuthReason?: string;
  /** Why the supplier quotes no freight, when it does not (shown on the skipped line). */
  noFreightReason?: string;
  /** Where test orders ship; JD needs a China consolidation warehouse with a JD area id. Default CHECK_ADDRESS. */
  shipTo?: ShippingAddress;
  keyPrefix?: string;
}

export async function runSupplierCheck(adapter: SupplierAdapter, options: CheckOptions, report: (line: CheckLine) => void = () => {}): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  const stamp = `${options.keyPrefix ?? "check"}-${Date.now().toString(36)}`;
  const shipTo = options.shipTo ?? CHECK_ADDRESS;
  // Suppliers that hold stock per delivery area (JD) are asked for the ship-to's area instead of a warehouse.
  const areaId = !hasCapability(adapter, "stock.by-warehouse") && hasCapability(adapter, "stock.by-area") ? shipTo.supplierAreaId : undefined;
  const keyword = hasCapability(adapter, "catalog.keyword") ? options.keyword : undefined;
  const catalogQuery = { ...(keyword ? { keyword } : {}), pageSize: 10 };
  const found = keyword ? `for "${keyword}"` : `on the first catalog page (${adapter.descriptor.label} has no keyword search)`;
  const state: { pid?: string; vid?: string; warehouse?: string; service?: string; key?: string; orderId?: string } = {};
  const request = (key: string): SupplierOrderRequest => ({
    idempotencyKey: key, lines: [{ supplierVariantId: state.vid ?? skip("no in-stock variant was found"), quantity: 1 }],
    shipTo, fromWarehouse: state.warehouse, shippingMethod: state.service,
  });

  const scenarios: [ScenarioName, () => Promise<string>][] = [
    ["authenticate", async () => {
      if (options.noAuthReason) skip(options.noAuthReason);
      must(await adapter.searchCatalog({ pageSize: 1 }));
      return "credentials accepted";
    }],
    ["search", async () => {
      const page = must(await adapter.searchCatalog(catalogQuery));
      if (page.items.length === 0) throw new Error(`no products ${found}`);
      state.pid = page.items[0]!.supplierProductId;
      return `${page.items.length} products ${found}${page.total === null ? "" : ` of ${page.total}`}`;
    }],
    ["product", async () => {
      const page = must(await adapter.searchCatalog(catalogQuery));
      for (const item of page.items) {
        const product = must(await adapter.getProduct(item.supplierProductId));
        if ((!areaId && product.warehouses.length === 0) || product.variants.length === 0) continue;
        state.pid = product.supplierProductId;
        state.vid = product.variants[0]!.supplierVariantId;
        state.warehouse = product.warehouses[0];
        const from = areaId ? `stock by delivery area` : `ships from ${product.warehouses.join(", ")}`;
        return `${product.supplierProductId}: ${product.variants.length} variants, ${from}, cost ${formatMoney(product.variants[0]!.cost)}`;
      }
      throw new Error(`no product ${found} has ${areaId ? "" : "a warehouse with "}variants`);
    }],
    ["stock", async () => {
      if (!state.pid || (!state.warehouse && !areaId)) skip("no product to check");
      const product = must(await adapter.getProduct(state.pid!));
      const ids = product.variants.map((v) => v.supplierVariantId);
      const location = areaId ? { kind: "area" as const, areaId } : { kind: "warehouse" as const, code: state.warehouse! };
      const rows = must(await adapter.getAvailability({ supplierVariantIds: ids.slice(0, 5), location }));
      const inStock = rows.find((r) => (r.quantity ?? 0) > 0 || r.state === "in_stock");
      if (!inStock) throw new Error(`no stock at ${areaId ?? state.warehouse} for ${state.pid}`);
      state.vid = inStock.supplierVariantId;
      const count = inStock.quantity === null || inStock.quantity === undefined ? `${inStock.state ?? "in stock"}, count not given` : `${inStock.quantity} units`;
      return `${inStock.supplierVariantId}: ${count} at ${inStock.location.kind === "warehouse" ? inStock.location.code : inStock.location.areaId}`;
    }],
    ["freight", async () => {
      if (!adapter.freight || !hasCapability(adapter, "freight.quote")) skip(options.noFreightReason ?? `${adapter.descriptor.label} does not quote freight`);
      if (!state.vid) skip("no in-stock variant to quote");
      const quotes = must(await adapter.freight!.quoteFreight({ lines: [{ supplierVariantId: state.vid!, quantity: 1 }],
        from: { kind: "warehouse", code: state.warehouse! }, toCountryCode: shipTo.countryCode, toZip: shipTo.zip }));
      if (quotes.length === 0) throw new Error(`no service from ${state.warehouse} to ${shipTo.countryCode}`);
      const cheapest = [...quotes].sort((a, b) => a.price.amount - b.price.amount)[0]!;
      state.service = cheapest.serviceName;
      return `${quotes.length} services to ${shipTo.countryCode}, cheapest ${cheapest.serviceName} ${formatMoney(cheapest.price)}`;
    }],
    ["place-order", async () => {
      if (!hasCapability(adapter, "order.create")) skip("cannot place orders");
      state.key = `${stamp}-a`;
      if (adapter.twoPhase) { // reserve, then confirm: the path Silkroute's placement takes (guardrails run between)
        const reserved = must(await adapter.twoPhase.reserveOrder(request(state.key)));
        if (reserved.status !== "reserved") throw new Error(`the reservation came back ${reserved.status}, not reserved`);
        const confirmed = must(await adapter.twoPhase.confirmOrder(state.key));
        state.orderId = confirmed.supplierOrderId;
        return `${confirmed.supplierOrderId} reserved, then confirmed (${confirmed.supplierStatus ?? confirmed.status}) for key ${state.key}`;
      }
      const order = must(await adapter.createOrder(request(state.key)));
      state.orderId = order.supplierOrderId;
      return `${order.supplierOrderId} (${order.supplierStatus ?? order.status}) for key ${state.key}`;
    }],
    ["place-order-again", async () => {
      if (!state.key) skip("no order was placed");
      const again = must(await adapter.createOrder(request(state.key!)));
      if (again.supplierOrderId !== state.orderId) throw new Error(`a second order ${again.supplierOrderId} was created for key ${state.key}`);
      const found = must(await adapter.findOrder(state.key!));
      if (found?.supplierOrderId !== state.orderId) throw new Error(`looking the key up found ${found?.supplierOrderId ?? "nothing"}`);
      return `same order ${again.supplierOrderId}, none added`;
    }],
    ["order-status", async () => {
      if (!state.key) skip("no order was placed");
      const order = must(await adapter.findOrder(state.key!));
      if (!order) throw new Error(`the supplier has no order for key ${state.key}`);
      return `${order.supplierOrderId} is ${order.status}${order.supplierStatus ? ` (${order.supplierStatus})` : ""}`;
    }],
    ["tracking", async () => {
      if (!hasCapability(adapter, "tracking")) skip("no tracking");
      if (!state.key) skip("no order was placed");
      const tracking = must(await adapter.getTracking(state.key!));
      return tracking.parcels.length === 0 ? "no parcels yet (not shipped)" : `${tracking.parcels.length} parcels, ${tracking.parcels.map((p) => `${p.trackingNumber} ${p.status ?? "no scans"}`).join(", ")}`;
    }],
    ["cancel", async () => {
      if (!hasCapability(adapter, "order.cancel")) skip("cannot cancel orders");
      if (!state.vid) skip("no in-stock variant");
      const key = `${stamp}-b`;
      // A two-phase supplier cancels a reservation (JD cancels only unconfirmed orders; a confirmed one goes to
      // after-sales), so the second order is reserved and cancelled before it is confirmed.
      const order = must(await (adapter.twoPhase ? adapter.twoPhase.reserveOrder(request(key)) : adapter.createOrder(request(key))));
      const outcome = must(await adapter.cancelOrder(key));
      if (outcome.outcome !== "cancelled") throw new Error(`second order ${order.supplierOrderId}: ${outcome.outcome}`);
      const after = must(await adapter.findOrder(key));
      if (after?.status !== "cancelled") throw new Error(`second order ${order.supplierOrderId} is still ${after?.status ?? "missing"}`);
      return `second order ${order.supplierOrderId} ${adapter.twoPhase ? "reserved and cancelled before confirming" : "cancelled"}`;
    }],
  ];

  for (const [scenario, run] of scenarios) {
    let line: CheckLine;
    try {
      if (lines[0]?.scenario === "authenticate" && lines[0].outcome === "fail") skip("authentication failed");
      line = { scenario, outcome: "ok", detail: await run() };
    } catch (error) {
      line = { scenario, outcome: error instanceof Skip ? "skip" : "fail", detail: (error as Error).message };
    }
    lines.push(line);
    report(line);
  }
  return lines;
}

export const formatCheckLine = (l: CheckLine) => (l.outcome === "ok" ? `ok ${l.scenario} ${l.detail}` : `${l.outcome} ${l.scenario}: ${l.detail}`);
export const checkSummary = (lines: readonly CheckLine[]) =>
  `${lines.filter((l) => l.outcome === "ok").length} passed, ${lines.filter((l) => l.outcome === "fail").length} failed`;
