import { afterEach, describe, expect, it } from "vitest";
import { buildCjOrderRequest, startCj } from "../suppliers/cj/cj.fixture";
import { CODES, WAREHOUSES } from "./registry-seed";
import { WarehouseRegistry } from "./registry";
import { withRegistryCodes } from "./registry-adapter";

const registry = new WarehouseRegistry(WAREHOUSES, CODES);
let cj: Awaited<ReturnType<typeof startCj>> | undefined;
afterEach(async () => { await cj?.close(); cj = undefined; });

describe("suppliers seen through the warehouse registry (CJ emulator)", () => {
  it("asks CJ for US-LA stock as its US warehouse and answers under US-LA", async () => {
    cj = await startCj();
    const { product, variant } = cj.variantIn("US");
    const adapter = withRegistryCodes(cj.adapter, "cj", () => registry);
    const stock = await adapter.getAvailability({ supplierVariantIds: [variant.vid], location: { kind: "warehouse", code: "US-LA" } });
    expect(stock.ok && stock.value).toEqual([expect.objectContaining({ supplierVariantId: variant.vid, location: { kind: "warehouse", code: "US-LA" }, quantity: variant.stock.US })]);
    const detail = await adapter.getProduct(product.pid);
    expect(detail.ok && detail.value.warehouses).toContain("US-LA");
    expect(detail.ok && detail.value.warehouses.every((w) => registry.get(w))).toBe(true);
  });

  it("orders from US-LA at CJ's US warehouse (freight and order start in US)", async () => {
    cj = await startCj();
    const { variant } = cj.variantIn("US");
    const adapter = withRegistryCodes(cj.adapter, "cj", () => registry);
    const placed = await adapter.createOrder(buildCjOrderRequest(variant.vid, { fromWarehouse: "US-LA", lines: [{ supplierVariantId: variant.vid, quantity: 1 }] }));
    expect(placed.ok).toBe(true);
    const freight = cj.calls.find((c) => c.path === "/logistic/freightCalculate")!;
    expect((freight.body as { startCountryCode: string }).startCountryCode).toBe("US");
  });
});
