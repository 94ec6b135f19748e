import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasCapability } from "../supplier-adapter";
import { SUPPLIER_DESCRIPTORS } from "../registry";
import { CONTRACT_ADDRESS, CONTRACT_SUPPLIERS, type ContractWorld } from "./contract-suppliers";

// One behaviour suite for every supplier adapter, each against its emulator. What an adapter declares it cannot do
// (descriptor capabilities, or an error kind its supplier cannot produce) is skipped with the reason in the title.
for (const supplier of CONTRACT_SUPPLIERS) {
  const caps = SUPPLIER_DESCRIPTORS[supplier.code].capabilities;
  const can = (c: (typeof caps)[number]) => caps.includes(c);
  const currency = SUPPLIER_DESCRIPTORS[supplier.code].costCurrency;

  describe(`${supplier.code} adapter honours the supplier contract`, () => {
    let w: ContractWorld;
    beforeEach(async () => { w = await supplier.start(); });
    afterEach(async () => { await w.close(); });
    const request = (key: string, quantity = 1) => ({ idempotencyKey: key, lines: [{ supplierVariantId: w.variant.vid, quantity }],
      shipTo: w.shipTo ?? CONTRACT_ADDRESS, fromWarehouse: w.variant.warehouse });
    const order = (key: string, quantity = 1) => w.adapter.createOrder(request(key, quantity));

    it.runIf(can("catalog.keyword"))("finds products by keyword with costs in the supplier's currency", async () => {
      const r = await w.adapter.searchCatalog({ keyword: w.keyword, pageSize: 5 });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.items.length).toBeGreaterThan(0);
      expect(r.value.items.every((i) => i.costFrom.currency === currency)).toBe(true);
    });

    // JD has no keyword search in the calls we use: its catalog is browsed pool by pool.
    it.runIf(!can("catalog.keyword"))("browses the first catalog page with costs in the supplier's currency, and refuses a keyword as unsupported", async () => {
      const r = await w.adapter.searchCatalog({ pageSize: 5 });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.items.length).toBeGreaterThan(0);
      expect(r.value.items.every((i) => i.costFrom.currency === currency && i.costFrom.amount > 0)).toBe(true);
      const keyword = await w.adapter.searchCatalog({ keyword: "充电宝", pageSize: 5 });
      expect(!keyword.ok && keyword.error.kind).toBe("unsupported");
    });

    it("returns product detail with variants, weights and the warehouses that ship it", async () => {
      const r = await w.adapter.getProduct(w.variant.productId);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.variants.map((v) => v.supplierVariantId)).toContain(w.variant.vid);
      expect(r.value.variants.every((v) => v.cost.currency === currency && (v.weightGrams ?? 0) > 0)).toBe(true);
      if (can("stock.by-warehouse")) expect(r.value.warehouses.length).toBeGreaterThan(0);
    });

    it.runIf(can("stock.by-warehouse"))("reports stock at a warehouse", async () => {
      const r = await w.adapter.getAvailability({ supplierVariantIds: [w.variant.vid], location: { kind: "warehouse", code: w.variant.warehouse! } });
      expect(r.ok && (r.value[0]!.quantity ?? 0)).toBeGreaterThan(5);
    });

    it.runIf(can("stock.by-area"))("reports stock for the ship-to's delivery area", async () => {
      const areaId = w.shipTo?.supplierAreaId ?? "";
      const r = await w.adapter.getAvailability({ supplierVariantIds: [w.variant.vid], location: { kind: "area", areaId } });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value[0]).toMatchObject({ supplierVariantId: w.variant.vid, state: "in_stock", location: { kind: "area", areaId } });
    });

    it("places an order, and the same key again returns that order without adding one", async () => {
      const first = await order("contract-a");
      const again = await order("contract-a");
      if (!first.ok || !again.ok) throw new Error("create failed");
      expect(again.value.supplierOrderId).toBe(first.value.supplierOrderId);
      expect(w.orderCount()).toBe(1);
    });

    it("finds an order by our key, and nothing for a key it never saw", async () => {
      const placed = await order("contract-find");
      const found = await w.adapter.findOrder("contract-find");
      expect(found.ok && placed.ok && found.value?.supplierOrderId).toBe(placed.ok && placed.value.supplierOrderId);
      expect(await w.adapter.findOrder("contract-never")).toEqual({ ok: true, value: null });
    });

    if (can("order.cancel") && supplier.skips?.cancelConfirmed) it.skip(`cancels a confirmed order before shipment (skipped: ${supplier.skips.cancelConfirmed})`, () => {});
    it.runIf(can("order.cancel") && !supplier.skips?.cancelConfirmed)("cancels before shipment, then says already cancelled, and refuses once shipped", async () => {
      await order("contract-early");
      await order("contract-late");
      expect(await w.adapter.cancelOrder("contract-early")).toEqual({ ok: true, value: { outcome: "cancelled" } });
      expect(await w.adapter.cancelOrder("contract-early")).toEqual({ ok: true, value: { outcome: "already_cancelled" } });
      await w.advanceDays(2);
      const late = await w.adapter.cancelOrder("contract-late");
      expect(late.ok && late.value.outcome).toBe("refused_already_shipped");
    });

    it.runIf(can("order.cancel") && can("order.two-phase"))("cancels a reservation before it is confirmed, then says already cancelled, and refuses a confirmed order once shipped", async () => {
      expect((await w.adapter.twoPhase!.reserveOrder(request("contract-reserved"))).ok).toBe(true);
      await order("contract-confirmed");
      expect(await w.adapter.cancelOrder("contract-reserved")).toEqual({ ok: true, value: { outcome: "cancelled" } });
      expect(await w.adapter.cancelOrder("contract-reserved")).toEqual({ ok: true, value: { outcome: "already_cancelled" } });
      expect(await w.adapter.findOrder("contract-reserved")).toMatchObject({ ok: true, value: { status: "cancelled" } });
      await w.advanceDays(2);
      const late = await w.adapter.cancelOrder("contract-confirmed");
      expect(late.ok && late.value.outcome).toBe("refused_already_shipped");
      expect(w.orderCount()).toBe(2);
    });

    it.runIf(can("tracking"))("has no parcel before shipment and a tracked parcel with scans after", async () => {
      await order("contract-track");
      expect(await w.adapter.getTracking("contract-track")).toEqual({ ok: true, value: { idempotencyKey: "contract-track", parcels: [] } });
      const after = w.afterShipping ?? { days: 5, parcelStatus: "customs_clearance", orderStatus: "shipped" };
      await w.advanceDays(after.days);
      const r = await w.adapter.getTracking("contract-track");
      if (!r.ok) throw new Error(r.error.message);
      const parcel = r.value.parcels[0]!;
      expect(parcel.trackingNumber).not.toBe("");
      expect(parcel.events.length).toBeGreaterThan(1);
      expect(parcel.status).toBe(after.parcelStatus);
      const found = await w.adapter.findOrder("contract-track");
      expect(found.ok && found.value).toMatchObject({ status: after.orderStatus, ...(after.orderListsTracking === false ? {} : { trackingNumbers: [parcel.trackingNumber] }) });
    });

    for (const [kind, probe] of Object.entries(supplier.errors)) {
      if (typeof probe === "string") {
        it.skip(`reports ${kind} (skipped: ${probe})`, () => {});
        continue;
      }
      it(`reports ${kind} as a value the flows can act on`, async () => {
        const r = await probe(w);
        expect(r.ok).toBe(false);
        expect(r.error?.kind).toBe(kind);
      });
    }

    it("declares optional features exactly where it exposes them", () => {
      expect(hasCapability(w.adapter, "freight.quote")).toBe(w.adapter.freight !== undefined);
      expect(hasCapability(w.adapter, "order.two-phase")).toBe(w.adapter.twoPhase !== undefined);
    });
  });
}
