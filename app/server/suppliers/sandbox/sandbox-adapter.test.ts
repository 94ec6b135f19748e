import { afterEach, describe, expect, it } from "vitest";
import { isValidS10 } from "../tracking-number";
import { buildOrderRequest, startSandbox } from "./sandbox.fixture";

const HOUR = 3_600_000;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

async function setup(...args: Parameters<typeof startSandbox>) {
  const s = await startSandbox(...args);
  stop = () => s.service.close();
  return s;
}

describe("sandbox adapter against the sandbox service", () => {
  it("searches the catalog in English and Chinese with filters", async () => {
    const { adapter, cny } = await setup();
    const en = await adapter.searchCatalog({ keyword: "phone case", pageSize: 5 });
    const zh = await adapter.searchCatalog({ keyword: "手机壳", inStockOnly: true, priceMax: cny(10_000), sort: "price_asc" });
    expect(en.ok && en.value.items.length).toBe(5);
    expect(zh.ok && zh.value.items.every((i) => i.title.zh?.includes("手机壳") && i.costFrom.currency === "CNY")).toBe(true);
  });

  it("refuses a price range in a currency other than CNY instead of ignoring it", async () => {
    const { adapter } = await setup();
    const r = await adapter.searchCatalog({ priceMin: { amount: 100, currency: "USD" } });
    expect(!r.ok && r.error.kind).toBe("unsupported");
  });

  it("returns product detail with variants, CNY cost, HS code, origin and hazard flags", async () => {
    const { adapter } = await setup();
    const r = await adapter.getProduct("SBX000001");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ originCountry: "CN", hazards: { source: "supplier" } });
    expect(r.value.hsCode).toMatch(/^\d{6}$/);
    expect(r.value.variants[0]!.cost.currency).toBe("CNY");
    expect(r.value.variants[0]!.dimensions?.lengthMm).toBeGreaterThan(0);
  });

  it("explains a missing product in merchant terms", async () => {
    const { adapter } = await setup();
    const r = await adapter.getProduct("SBX999999");
    expect(!r.ok && r.error).toMatchObject({ kind: "not_found", retryable: false });
  });

  it("reports stock per warehouse", async () => {
    const { adapter, service } = await setup();
    const product = service.catalog.products[0]!;
    const w = product.warehouses[0]!;
    const r = await adapter.getAvailability({ supplierVariantIds: [product.variants[0]!.vid], location: { kind: "warehouse", code: w } });
    expect(r.ok && r.value[0]).toMatchObject({ quantity: product.variants[0]!.stock[w], location: { code: w } });
  });

  it("creates exactly one order when the same idempotency key is used twice", async () => {
    const { adapter, service } = await setup();
    expect(await adapter.findOrder("so_test_0001")).toEqual({ ok: true, value: null });
    const first = await adapter.createOrder(buildOrderRequest());
    const second = await adapter.createOrder(buildOrderRequest());
    expect(first.ok && second.ok && first.value.supplierOrderId === second.value.supplierOrderId).toBe(true);
    expect(service.orderCount).toBe(1);
    const found = await adapter.findOrder("so_test_0001");
    expect(found.ok && found.value?.status).toBe("accepted");
  });

  it("refuses an order whose priced cost no longer matches", async () => {
    const { adapter, cny } = await setup();
    const r = await adapter.createOrder(buildOrderRequest({ lines: [{ supplierVariantId: "SBX000001-01", quantity: 1, expectedUnitCost: cny(1) }] }));
    expect(!r.ok && r.error).toMatchObject({ kind: "price_changed", retryable: false });
  });

  it("reserves then confirms an order in two phases", async () => {
    const { adapter } = await setup();
    const reserved = await adapter.twoPhase!.reserveOrder(buildOrderRequest({ idempotencyKey: "so_two_phase" }));
    expect(reserved.ok && reserved.value.status).toBe("reserved");
    const confirmed = await adapter.twoPhase!.confirmOrder("so_two_phase");
    expect(confirmed.ok && confirmed.value.status).toBe("accepted");
  });

  it("cancels before shipment and refuses with a clear outcome once shipped", async () => {
    const { adapter, clock } = await setup();
    await adapter.createOrder(buildOrderRequest({ idempotencyKey: "so_early" }));
    expect(await adapter.cancelOrder("so_early")).toEqual({ ok: true, value: { outcome: "cancelled" } });
    expect(await adapter.cancelOrder("so_early")).toEqual({ ok: true, value: { outcome: "already_cancelled" } });
    await adapter.createOrder(buildOrderRequest({ idempotencyKey: "so_late" }));
    clock.advance(24 * HOUR);
    const late = await adapter.cancelOrder("so_late");
    expect(late.ok && late.value.outcome).toBe("refused_already_shipped");
  });

  it("moves through the shipping lifecycle with a valid S10 tracking number", async () => {
    const { adapter, clock } = await setup();
    await adapter.createOrder(buildOrderRequest({ idempotencyKey: "so_track", fromWarehouse: "CN-GZ",
      lines: [{ supplierVariantId: "SBX000001-01", quantity: 1 }] }));
    const before = await adapter.getTracking("so_track");
    expect(before.ok && before.value.parcels).toEqual([]);
    clock.advance(5 * 24 * HOUR);
    const midway = await adapter.getTracking("so_track");
    expect(midway.ok && midway.value.parcels[0]!.status).toBe("customs_clearance");
    clock.advance(4 * 24 * HOUR);
    const done = await adapter.getTracking("so_track");
    if (!done.ok) throw new Error(done.error.message);
    const parcel = done.value.parcels[0]!;
    expect(isValidS10(parcel.trackingNumber)).toBe(true);
    expect(parcel.events.map((e) => e.status)).toEqual([
      "info_received", "in_transit", "in_transit", "customs_clearance", "customs_clearance", "out_for_delivery", "delivered",
    ]);
    const order = await adapter.findOrder("so_track");
    expect(order.ok && order.value).toMatchObject({ status: "delivered", trackingNumbers: [parcel.trackingNumber] });
  });

  it("never duplicates orders while the service fails a third of requests", async () => {
    const { adapter, service } = await setup({ failureRate: 0.35, stallMs: 300 }, 100);
    const keys = Array.from({ length: 15 }, (_, i) => `so_flaky_${i}`);
    const results = [];
    for (const key of keys) results.push(await adapter.createOrder(buildOrderRequest({ idempotencyKey: key })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(service.orderCount).toBe(15);
  });
});
