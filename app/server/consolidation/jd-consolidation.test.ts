import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { startWorld, type World } from "../fulfillment/test-world";
import { processFulfillmentRequests } from "../fulfillment/fulfillment-requests.server";
import { useSupplierAdapters } from "../fulfillment/supplier-gateway.server";
import { createSandboxAdapter } from "../suppliers/sandbox";
import { createJdAdapter } from "../suppliers/jd/index";
import { createJdVopEmulator, type JdVopEmulator } from "../suppliers/jd/emulator/jd-vop-emulator";
import { createManualClock } from "../suppliers/resilience/clock";
import { importForwarderCsv, recordForwarderParcel } from "./forwarder-tracking.server";
import { listWarehouses, saveWarehouse, type WarehouseInput } from "./warehouses.server";
import { ensureJdConsolidationLocation, JD_LOCATION_NAME } from "./jd-location.server";
import { JD_CONSOLIDATION_STOCK_CODE } from "./jd-via-consolidation.server";
import { warehouseLocations } from "../sourcing/warehouse-locations.server";
import { shopSupplierAdapter } from "../suppliers/shop-adapters.server";

let world: World;
let jd: JdVopEmulator;
let jdSku: string;

const junan: WarehouseInput = { name: "Foshan forwarder", contactName: "王经理", phone: "13800000000", address: "集运路 8 号 3 号仓", provinceId: 19, cityId: 1666, countyId: 1669, townId: 52082 };

beforeEach(async () => {
  world = await startWorld();
  const clock = createManualClock(Date.now());
  jd = createJdVopEmulator({ clock });
  const { url } = await jd.listen();
  const resilience = { timeoutMs: 5_000, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, breaker: { failureThreshold: 1_000, openMs: 1_000 } };
  const jdAdapter = createJdAdapter({ credentials: { ...jd.account }, baseUrl: url, clock, resilience });
  // Every supplier order here is JD's; the sandbox adapter is never called.
  useSupplierAdapters(async (_shop, supplier) => (supplier === "jd" ? jdAdapter : createSandboxAdapter({ baseUrl: "http://127.0.0.1:9", resilience })));
  // The world's product is now a JD SKU with a price and stock in Guangdong.
  jdSku = String(jd.catalog.skusOfPool("31950").find((s) => jd.catalog.sku(s)!.priceFen > 0 && jd.catalog.stockIn(jd.catalog.sku(s)!, 19) >= 50));
  const fen = jd.catalog.sku(Number(jdSku))!.priceFen;
  await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { supplier: "jd", supplierProductId: jdSku, supplierSku: jdSku, costMinor: fen, costCurrency: "CNY" } });
});
afterEach(async () => { await jd.close(); await world.close(); });

async function placeThroughRequest() {
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
  await world.drain({ dueOnly: true });
  return (await world.supplierOrders())[0]!;
}

describe("China consolidation warehouses", () => {
  it("resolves a warehouse to JD area ids through JD's area API and keeps the Chinese names", async () => {
    const saved = await saveWarehouse(world.shop, junan);
    expect(saved.ok && saved.warehouse).toMatchObject({ areaLabel: "广东 佛山市 顺德区 均安镇", townId: 52082, isDefault: true });
  });

  it("asks for the town when the county has towns, and refuses a town where there are none", async () => {
    expect(await saveWarehouse(world.shop, { ...junan, townId: 0 })).toMatchObject({ ok: false, errors: { area: expect.stringContaining("Pick the town") } });
    expect(await saveWarehouse(world.shop, { ...junan, cityId: 1607, countyId: 3639, townId: 52082 })).toMatchObject({ ok: false, errors: { area: expect.stringContaining("no towns") } });
    const futian = await saveWarehouse(world.shop, { ...junan, cityId: 1607, countyId: 3639, townId: 0 });
    expect(futian.ok && futian.warehouse.areaLabel).toBe("广东 深圳市 福田区");
    expect(await listWarehouses(world.shop)).toHaveLength(1);
  });
});

describe("JD stock at the consolidation warehouse", () => {
  it("answers JD stock for the warehouse's area under the CN-JD code, held at its own Shopify location in China", async () => {
    const saved = await saveWarehouse(world.shop, junan);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const jdAdapter = await shopSupplierAdapter(world.shop, "jd");
    const stock = await jdAdapter.getAvailability({ supplierVariantIds: [jdSku], location: { kind: "warehouse", code: JD_CONSOLIDATION_STOCK_CODE } });
    expect(stock.ok && stock.value[0]).toMatchObject({ supplierVariantId: jdSku, location: { kind: "warehouse", code: "CN-JD" }, state: "in_stock" });
    expect(jd.lastForm("/api/stock/getNewStockById")).toMatchObject({ area: "19_1666_1669_52082" });

    await ensureJdConsolidationLocation(world.admin, saved.warehouse);
    await ensureJdConsolidationLocation(world.admin, saved.warehouse); // again: no second service
    const locations = world.emulator.controls.shop(world.shop).locations as Array<{ id: string; name: string; address: { countryCode: string; provinceCode?: string } }>;
    const jdLocations = locations.filter((l) => l.name === JD_LOCATION_NAME);
    expect(jdLocations).toHaveLength(1);
    expect(jdLocations[0]!.address).toMatchObject({ countryCode: "CN", provinceCode: "GD" });
    expect((await warehouseLocations(world.admin)).get("CN-JD")).toBe(jdLocations[0]!.id);
  });
});

describe("a JD order through the consolidation warehouse", () => {
  it("waits with a clear reason when no consolidation warehouse is set", async () => {
    const row = await placeThroughRequest();
    expect(row.reasonMessage ?? "").toContain("consolidation warehouse");
    expect(jd.orders.size).toBe(0);
  });

  it("reserves at JD for the warehouse's area, confirms once, and the forwarder's number becomes the buyer's tracking", async () => {
    await saveWarehouse(world.shop, junan);
    const row = await placeThroughRequest();
    expect(row).toMatchObject({ state: "placed", supplier: "jd" });
    const sent = jd.lastForm("/api/order/submitOrder")!;
    expect(sent).toMatchObject({ province: "19", city: "1666", county: "1669", town: "52082", name: "王经理", submitState: "0" });
    expect(sent.address).not.toContain("Hauptstraße"); // JD never sees the buyer abroad
    expect(jd.calls.filter((p) => p === "/api/order/confirmOrder")).toHaveLength(1);
    expect(jd.orders.size).toBe(1);

    const entered = await recordForwarderParcel(world.shop, { supplierOrderId: row.id, trackingNumber: "YT2412345678901", carrier: "YunExpress" });
    expect(entered).toEqual({ ok: true, created: true });
    expect(await recordForwarderParcel(world.shop, { supplierOrderId: row.id, trackingNumber: "YT2412345678901", carrier: "YunExpress" })).toEqual({ ok: true, created: false });
    await world.drain();
    const shipped = (await world.supplierOrders())[0]!;
    expect(shipped).toMatchObject({ state: "shipped", trackingNumbers: ["YT2412345678901"], carrier: "YunExpress" });
  });

  it("imports forwarder numbers by CSV and reports a bad line without losing the good ones", async () => {
    await saveWarehouse(world.shop, junan);
    const row = await placeThroughRequest();
    const results = await importForwarderCsv(world.shop, `order,tracking_number,carrier\n${row.orderName},4PX3001234567890,4PX\n#9999,4PX3001234567891,4PX\n${row.orderName},x,4PX`);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(await db.forwarderParcel.count({ where: { supplierOrderId: row.id } })).toBe(1);
  });
});
