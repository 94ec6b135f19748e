import { describe, expect, it } from "vitest";
import { money } from "../../money";
import { buildConsolidationOrder, startJdWorld, stockedSkus, type JdWorld } from "./emulator/jd-emulator.fixture";
import { JD_LIFECYCLE } from "./emulator/vop-order-lifecycle";

const DAY = 86_400_000;
let world: JdWorld;
const withWorld = async (fn: () => Promise<void>, options?: Parameters<typeof startJdWorld>[0]) => {
  world = await startJdWorld(options);
  try { await fn(); } finally { await world.close(); }
};
const order = (shippers: number[], overrides = {}) =>
  buildConsolidationOrder({ lines: stockedSkus(world, shippers).map((supplierVariantId) => ({ supplierVariantId, quantity: 1 })), ...overrides });

describe("JD two-phase ordering", () => {
  it("reserves (submitState 0), then confirms once; a second confirm is still a success", () => withWorld(async () => {
    const reserved = await world.adapter.twoPhase!.reserveOrder(order([0]));
    expect(reserved.ok && reserved.value.status).toBe("reserved");
    const confirmed = await world.adapter.twoPhase!.confirmOrder("so_jd_0001");
    expect(confirmed.ok && confirmed.value.status).toBe("accepted");
    const again = await world.adapter.twoPhase!.confirmOrder("so_jd_0001");
    expect(again.ok && again.value.supplierOrderId).toBe(reserved.ok && reserved.value.supplierOrderId);
    expect(world.emulator.orders.size).toBe(1);
  }));

  it("never submits a second order for our key: a retry finds the first one", () => withWorld(async () => {
    const first = await world.adapter.createOrder(order([0]));
    const retry = await world.adapter.createOrder(order([0]));
    expect(retry.ok && retry.value.supplierOrderId).toBe(first.ok && first.value.supplierOrderId);
    expect(world.emulator.calls.filter((p) => p === "/api/order/submitOrder")).toHaveLength(1);
  }));

  it("sends numbers as numbers, a consolidation area as separate ids, and an electronic invoice to the company", () => withWorld(async () => {
    const request = order([0]);
    const cost = world.emulator.catalog.sku(Number(request.lines[0]!.supplierVariantId))!.priceFen;
    const r = await world.adapter.createOrder({ ...request, lines: [{ ...request.lines[0]!, expectedUnitCost: money(cost, "CNY") }] });
    expect(r.ok).toBe(true);
    const sent = world.emulator.lastForm("/api/order/submitOrder")!;
    const sku = Number(request.lines[0]!.supplierVariantId);
    expect(sent).toMatchObject({
      province: "19", city: "1666", county: "1669", town: "52082", submitState: "1", invoiceType: "3", selectedInvoiceTitle: "5",
      companyName: "深圳丝路贸易有限公司", regCompanyName: "深圳丝路贸易有限公司", regCode: "91440300MA5DXXXX0X", doOrderPriceMode: "1",
    });
    expect(JSON.parse(sent.sku!)).toEqual([{ skuId: sku, num: 1, bNeedAnnex: true, bNeedGift: false }]);
    expect(JSON.parse(sent.orderPriceSnap!)).toEqual([{ price: cost / 100, skuId: sku }]);
  }, { adapter: { invoice: { companyName: "深圳丝路贸易有限公司", taxpayerId: "91440300MA5DXXXX0X" } } }));

  it("turns a changed JD price into a price_changed refusal instead of paying more", () => withWorld(async () => {
    const request = order([0]);
    const r = await world.adapter.createOrder({ ...request, lines: [{ ...request.lines[0]!, expectedUnitCost: money(1, "CNY") }] });
    expect(!r.ok && r.error).toMatchObject({ kind: "price_changed", retryable: false });
    expect(world.emulator.orders.size).toBe(0);
  }));

  it("asks for a consolidation warehouse instead of sending an address JD cannot route", () => withWorld(async () => {
    const r = await world.adapter.createOrder(buildConsolidationOrder({ shipTo: { ...buildConsolidationOrder().shipTo, supplierAreaId: undefined } }));
    expect(!r.ok && r.error).toMatchObject({ kind: "invalid_request", message: expect.stringContaining("consolidation warehouse") });
  }));
});

describe("JD cancel", () => {
  it("cancels a reserved (unconfirmed) order", () => withWorld(async () => {
    await world.adapter.twoPhase!.reserveOrder(order([0]));
    expect(await world.adapter.cancelOrder("so_jd_0001")).toEqual({ ok: true, value: { outcome: "cancelled" } });
    expect(await world.adapter.cancelOrder("so_jd_0001")).toEqual({ ok: true, value: { outcome: "already_cancelled" } });
    expect((await world.adapter.findOrder("so_jd_0001")).ok && (await world.adapter.findOrder("so_jd_0001"))).toMatchObject({ value: { status: "cancelled" } });
  }));

  it("names JD's after-sale path for a confirmed order instead of calling cancel", () => withWorld(async () => {
    await world.adapter.twoPhase!.reserveOrder(order([0]));
    await world.adapter.twoPhase!.confirmOrder("so_jd_0001");
    const r = await world.adapter.cancelOrder("so_jd_0001");
    expect(r.ok && r.value).toMatchObject({ outcome: "refused_already_shipped", message: expect.stringContaining("after-sale") });
    expect(world.emulator.calls).not.toContain("/api/order/cancel");
  }));
});

describe("JD split orders", () => {
  it("tracks each child order of a split order, and the order is delivered when every child is", () => withWorld(async () => {
    await world.adapter.twoPhase!.reserveOrder(order([0, 1]));
    await world.adapter.twoPhase!.confirmOrder("so_jd_0001");
    const detail = await world.adapter.jd.orderDetail("so_jd_0001");
    expect(detail.ok && detail.value!.childIds).toHaveLength(2);

    world.clock.advance(JD_LIFECYCLE.shipped + 60_000); // the first child ships, the second 6 h later
    const partly = await world.adapter.getTracking("so_jd_0001");
    expect(partly.ok && partly.value.parcels).toHaveLength(1);
    expect((await world.adapter.findOrder("so_jd_0001")).ok && (await world.adapter.findOrder("so_jd_0001"))).toMatchObject({ value: { status: "shipped" } });

    world.clock.advance(4 * DAY);
    const all = await world.adapter.getTracking("so_jd_0001");
    if (!all.ok) throw new Error(all.error.message);
    expect(new Set(all.value.parcels.map((p) => p.trackingNumber)).size).toBe(2);
    expect(all.value.parcels.every((p) => p.status === "delivered" && p.carrier.name === "京东快递")).toBe(true);
    expect((await world.adapter.findOrder("so_jd_0001"))).toMatchObject({ ok: true, value: { status: "delivered" } });
  }));
});
