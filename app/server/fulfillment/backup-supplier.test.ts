import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderOrderText } from "./order-text-render.server";
import db from "../../db.server";
import { startWorld, type World } from "./test-world";
import { supplierAdapter, useSupplierAdapters } from "./supplier-gateway.server";
import { advanceSupplierOrder } from "./placement.server";
import { processFulfillmentRequests } from "./fulfillment-requests.server";
import { enqueuePlacement } from "./queues.server";
import { supplierOrderKey } from "./order-keys";
import { planBackup, replacementOf } from "./backup-supplier.server";
import { retrySupplierOrder } from "./order-actions.server";
import { cancelOrderAtSuppliers } from "./cancellation.server";
import { createSandboxAdapter } from "../suppliers/sandbox";
import { createSandboxSupplierService } from "../suppliers/sandbox/service/sandbox-service";
import type { SupplierAdapter, SupplierOrderRequest } from "../suppliers/supplier-adapter";
import type { PlannedLine } from "./fulfillment-plan.server";

// The backup supplier ("cj" to Silkroute) is a second sandbox service with its own catalog and order book,
// so "one order at the backup" and "nothing at the primary" are counted separately.
let world: World;
type SandboxService = ReturnType<typeof createSandboxSupplierService>;
let backupService: SandboxService;
let primaryCalls: number;

const variants = (service: SandboxService) => service.catalog.products.flatMap((p) => p.variants);
const stocked = (service: SandboxService) => variants(service).find((v) => (v.stock["CN-SZ"] ?? 0) > 50)!;
const soldOut = (service: SandboxService) => variants(service).find((v) => v.stock["CN-SZ"] === 0)!;

beforeEach(async () => {
  world = await startWorld();
  backupService = createSandboxSupplierService({ seed: 7, productCount: 300, stallMs: 50 });
  const { url } = await backupService.listen(0);
  const primary = await supplierAdapter(world.shop, "sandbox");
  const sandboxAsCj = createSandboxAdapter({ baseUrl: url, resilience: { timeoutMs: 1_000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } } });
  // It stands for CJ, so the warehouse registry asks it in CJ's codes ("CN" for CN-SZ); the sandbox calls that CN-SZ.
  const sandboxCode = (r: SupplierOrderRequest) => ({ ...r, fromWarehouse: r.fromWarehouse === "CN" ? "CN-SZ" : r.fromWarehouse });
  const backup: SupplierAdapter = {
    ...sandboxAsCj, createOrder: (r) => sandboxAsCj.createOrder(sandboxCode(r)),
    twoPhase: { ...sandboxAsCj.twoPhase!, reserveOrder: (r) => sandboxAsCj.twoPhase!.reserveOrder(sandboxCode(r)) },
  };
  primaryCalls = 0;
  const counted: SupplierAdapter = { ...primary, twoPhase: { ...primary.twoPhase!, reserveOrder: (r) => { primaryCalls++; return primary.twoPhase!.reserveOrder(r); } } };
  useSupplierAdapters(async (_shop, supplier) => (supplier === "cj" ? backup : counted));
  await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { mode: "auto" } });
});
afterEach(async () => {
  await world.close();
  await backupService.close();
});

/** The primary (sandbox) variant is sold out in CN-SZ; `backup` sets the mapping's backup supplier. */
async function arrange({ backup = "cj" as string | null, backupSku = stocked(backupService).vid } = {}) {
  await db.variantMapping.updateMany({
    where: { shop: world.shop },
    data: { supplierSku: soldOut(world.sandbox).vid, backupSupplier: backup, backupProductId: backup ? backupSku.replace(/-\d+$/, "") : null, backupSku: backup ? backupSku : null },
  });
}

async function orderThroughRequest() {
  world.placeOrder();
  await processFulfillmentRequests(world.shop, "FULFILLMENT_REQUEST");
}

const rowsBySupplier = async () => Object.fromEntries((await world.supplierOrders()).map((r) => [r.supplier, r]));
// Events as the merchant reads them (in English): the stored rows hold catalog messages.
const events = async (id: string) => (await db.supplierOrderEvent.findMany({ where: { supplierOrderId: id }, orderBy: { at: "asc" } }))
  .map((e) => ({ ...e, message: renderOrderText(e.message) }));

describe("switching to the backup supplier", () => {
  it("places the order at the backup supplier when the primary is out of stock, leaving the primary failed", async () => {
    await arrange();
    await orderThroughRequest();
    await world.drain();
    const rows = await world.supplierOrders();
    expect(rows).toHaveLength(2);
    const { sandbox: primary, cj: backup } = await rowsBySupplier();
    expect(primary).toMatchObject({ state: "failed", reasonCode: "OUT_OF_STOCK", supplierOrderId: null });
    expect(renderOrderText(primary!.fixHint)).toMatch(/switched these items to the backup supplier CJ Dropshipping/);
    expect(backup).toMatchObject({
      state: "placed", warehouse: "CN-SZ", orderGid: primary!.orderGid, fulfillmentOrderGid: primary!.fulfillmentOrderGid, currency: primary!.currency,
      revenueMinor: primary!.revenueMinor, idempotencyKey: supplierOrderKey(world.shop, primary!.fulfillmentOrderGid, "cj", "CN-SZ"),
    });
    expect(backup!.shipTo).toEqual(primary!.shipTo);
    expect((backup!.lines as unknown as PlannedLine[]).map((l) => l.supplierVariantId)).toEqual([stocked(backupService).vid]);
    expect(backup!.supplierOrderId).toMatch(/^SBO/);
    expect(backupService.orderCount).toBe(1);
    expect(world.sandbox.orderCount).toBe(0);
    expect((await events(primary!.id)).map((e) => e.message)).toContainEqual(expect.stringMatching(/switching to your backup supplier CJ Dropshipping for 1 × SR-SCARF/));
  });

  it("refuses the merchant's Retry on a primary whose items went to the backup, so nothing is ordered twice", async () => {
    await arrange();
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary } = await rowsBySupplier();
    expect(await retrySupplierOrder(world.shop, primary!.id)).toMatchObject({ ok: false });
    expect(renderOrderText((await retrySupplierOrder(world.shop, primary!.id)).message)).toMatch(/backup supplier CJ Dropshipping instead/);
    expect((await db.supplierOrder.findUniqueOrThrow({ where: { id: primary!.id } })).state).toBe("failed");
  });

  it("cancels the backup order too when the Shopify order is cancelled", async () => {
    await arrange();
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary } = await rowsBySupplier();
    expect(await cancelOrderAtSuppliers(world.shop, primary!.orderGid)).toMatchObject({ cancelled: 2 });
    expect((await rowsBySupplier()).cj).toMatchObject({ state: "cancelled" });
  });

  it("switches too when the primary supplier no longer sells the item", async () => {
    await arrange();
    await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { supplierSku: "SBX999999-01" } });
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary, cj: backup } = await rowsBySupplier();
    expect(primary).toMatchObject({ state: "failed", reasonCode: "SUPPLIER_ITEM_NOT_FOUND" });
    expect(backup).toMatchObject({ state: "placed" });
    expect(backupService.orderCount).toBe(1);
  });

  it("creates one backup row and one backup order however often the placement runs", async () => {
    await arrange();
    await orderThroughRequest();
    const [pending] = await world.supplierOrders();
    // Two workers on the same row at once, then the queued job, then a duplicate job and a manual re-run.
    await Promise.all([advanceSupplierOrder(pending!.id), advanceSupplierOrder(pending!.id)]);
    await world.drain();
    await enqueuePlacement(world.shop, pending!.id, "duplicate");
    await world.drain();
    expect(await advanceSupplierOrder(pending!.id)).toBe("failed");
    const { cj: backup } = await rowsBySupplier();
    expect(await advanceSupplierOrder(backup!.id)).toBe("placed");
    expect(await world.supplierOrders()).toHaveLength(2);
    expect(backupService.orderCount).toBe(1);
    const switching = (await events(pending!.id)).filter((e) => /switching to your backup supplier/.test(e.message));
    expect(switching).toHaveLength(1);
  });

  it("resumes a switch whose job died after writing the backup row, without a second row", async () => {
    await arrange();
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary, cj: backup } = await rowsBySupplier();
    // As if the worker died after creating the backup row but before recording the primary's failure.
    await db.supplierOrder.update({ where: { id: primary!.id }, data: { state: "placing", reasonCode: null, reasonMessage: null, fixHint: null } });
    expect(await advanceSupplierOrder(primary!.id)).toBe("failed");
    await world.drain();
    const after = await rowsBySupplier();
    expect(Object.keys(after).sort()).toEqual(["cj", "sandbox"]);
    expect(after.cj!.id).toBe(backup!.id);
    expect(renderOrderText(after.sandbox!.fixHint)).toMatch(/switched these items to the backup supplier/);
    expect(backupService.orderCount).toBe(1);
  });

  it.each([
    ["no backup supplier is set", { backup: null }],
    ["the backup supplier is the primary supplier", { backup: "sandbox" }],
  ])("fails as before and suggests setting a backup when %s", async (_case, options) => {
    await arrange(options);
    await orderThroughRequest();
    await world.drain();
    const rows = await world.supplierOrders();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "failed", reasonCode: "OUT_OF_STOCK" });
    expect(renderOrderText(rows[0]!.fixHint)).toMatch(/^Wait for restock and Retry, or Cancel and refund the customer\. Setting a backup supplier on the product's supplier mapping lets Silkroute switch/);
    expect(backupService.orderCount).toBe(0);
    expect((await events(rows[0]!.id)).map((e) => e.message)).not.toContainEqual(expect.stringMatching(/backup/));
  });

  it("leaves a backup order that fails too failed, without switching again", async () => {
    await arrange({ backupSku: soldOut(backupService).vid });
    await orderThroughRequest();
    expect(await world.drain()).toEqual(["fulfillment.place-supplier-order", "fulfillment.place-supplier-order"]); // the primary's, the backup's
    const rows = await world.supplierOrders();
    expect(rows.map((r) => [r.supplier, r.state, r.reasonCode])).toEqual([["sandbox", "failed", "OUT_OF_STOCK"], ["cj", "failed", "OUT_OF_STOCK"]]);
    expect(renderOrderText(rows[1]!.fixHint)).toMatch(/already the backup supplier for these items, so Silkroute does not switch again/);
    expect(primaryCalls).toBe(1);
    expect(backupService.orderCount + world.sandbox.orderCount).toBe(0);
    expect(await db.job.count({ where: { shop: world.shop, state: "queued" } })).toBe(0);
  });

  // The primary's own cost is well inside the limit, so only the backup's catalog cost decides.
  const limit = async (maxCny: number) => {
    await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { costMinor: 1, costCurrency: "CNY" } });
    await db.fulfillmentSettings.update({ where: { shop: world.shop }, data: { maxSupplierCostMinor: maxCny, maxSupplierCostCurrency: "CNY" } });
  };

  it("orders the backup automatically under a cost limit, at the cost its catalog gives, when that cost is within the limit", async () => {
    await arrange();
    const unitCost = stocked(backupService).cost_fen;
    await limit(unitCost); // one unit is ordered: exactly at the limit
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary, cj: backup } = await rowsBySupplier();
    expect(primary).toMatchObject({ state: "failed", reasonCode: "OUT_OF_STOCK" });
    expect(backup).toMatchObject({ state: "placed", costCurrency: "CNY" });
    expect((backup!.lines as unknown as PlannedLine[])[0]).toMatchObject({ costMinor: unitCost, costCurrency: "CNY" });
    expect(backupService.orderCount).toBe(1);
    expect((await events(backup!.id)).map((e) => e.message)).toContainEqual(expect.stringMatching(/Its cost from CJ Dropshipping's catalog, CN¥[\d.,]+, is checked against your cost limits/));
  });

  it("holds the backup for approval, ordering nothing, when its catalog cost is above the merchant's limit", async () => {
    await arrange();
    await limit(stocked(backupService).cost_fen - 1);
    await orderThroughRequest();
    await world.drain();
    const { cj: backup } = await rowsBySupplier();
    expect(backup).toMatchObject({ state: "needs_attention", reasonCode: "MAX_COST_EXCEEDED", costMinor: stocked(backupService).cost_fen });
    expect(backupService.orderCount).toBe(0);
    expect(world.sandbox.orderCount).toBe(0);
  });

  it("holds the backup as of unknown cost when its catalog has no price for the item", async () => {
    await arrange();
    await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { backupProductId: "SBX999999" } });
    await limit(1_000_000_00);
    await orderThroughRequest();
    await world.drain();
    const { cj: backup } = await rowsBySupplier();
    expect(backup).toMatchObject({ state: "needs_attention", reasonCode: "COST_UNKNOWN", costMinor: null });
    expect(backupService.orderCount).toBe(0);
  });

  it("orders straight from the backup, within the cost limit, when the mapping already says the primary is out of stock", async () => {
    await arrange();
    await limit(stocked(backupService).cost_fen);
    await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { stock: { "CN-SZ": 0 } } });
    await orderThroughRequest();
    await world.drain();
    const rows = await world.supplierOrders();
    expect(rows.map((r) => [r.supplier, r.state])).toEqual([["cj", "placed"]]);
    expect(rows[0]).toMatchObject({ warehouse: "CN-SZ", costMinor: stocked(backupService).cost_fen, costCurrency: "CNY" });
    expect(primaryCalls).toBe(0);
    expect(backupService.orderCount).toBe(1);
    expect((await events(rows[0]!.id)).map((e) => e.message)).toContainEqual(expect.stringMatching(/backup supplier on the mapping, because Sandbox[^ ]* .*has 0 of .* left in CN-SZ/));
  });

  it("holds that backup order for approval when its catalog cost is above the limit", async () => {
    await arrange();
    await limit(stocked(backupService).cost_fen - 1);
    await db.variantMapping.updateMany({ where: { shop: world.shop }, data: { stock: { "CN-SZ": 0 } } });
    await orderThroughRequest();
    await world.drain();
    const rows = await world.supplierOrders();
    expect(rows.map((r) => [r.supplier, r.state, r.reasonCode])).toEqual([["cj", "needs_attention", "MAX_COST_EXCEEDED"]]);
    expect(backupService.orderCount + world.sandbox.orderCount).toBe(0);
  });

  it("names the live backup order that replaced a failed primary, and none once the backup failed too", async () => {
    await arrange();
    await orderThroughRequest();
    await world.drain();
    const { sandbox: primary, cj: backup } = await rowsBySupplier();
    expect(await replacementOf(primary!)).toEqual({ id: backup!.id, supplier: "cj", state: "placed" });
    expect(await replacementOf(backup!)).toBeNull();
    await db.supplierOrder.update({ where: { id: backup!.id }, data: { state: "failed" } });
    expect(await replacementOf(primary!)).toBeNull();
  });
});

describe("planning a backup", () => {
  it("does not switch when one item of the order has no backup supplier", async () => {
    await arrange();
    const [mapping] = await db.variantMapping.findMany({ where: { shop: world.shop } });
    const other = await db.variantMapping.create({
      data: { shop: world.shop, productGid: "gid://shopify/Product/999", variantGid: "gid://shopify/ProductVariant/999", supplier: "sandbox", supplierProductId: "SBX1", supplierSku: "SBX1-01" },
    });
    const line = (variantGid: string, foLineItemGid: string): PlannedLine => ({ foLineItemGid, variantGid, sku: null, supplierVariantId: "x", quantity: 1, unitPriceMinor: 100, costMinor: null, costCurrency: null });
    const row = { shop: world.shop, supplier: "sandbox", lines: [line(mapping!.variantGid, "li-1"), line(other.variantGid, "li-2")] } as never;
    expect(await planBackup(row)).toMatchObject({ ok: false, advice: { key: "order:fix.setABackup" } });
    await db.variantMapping.update({ where: { id: other.id }, data: { backupSupplier: "cj", backupSku: "CJ-2" } });
    expect(await planBackup(row)).toMatchObject({ ok: true, supplier: "cj", lines: [{ foLineItemGid: "li-1" }, { foLineItemGid: "li-2", supplierVariantId: "CJ-2" }] });
  });
});
