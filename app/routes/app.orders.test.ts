import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { loader as listLoader } from "./app.orders._index";
import { action as detailAction, loader as detailLoader } from "./app.orders.$id";
import { action as settingsAction } from "./app.orders.settings";

async function seedOrder(shop: string, state: string, extra: Record<string, unknown> = {}) {
  return db.supplierOrder.create({
    data: { shop, orderGid: "gid://shopify/Order/1", orderName: "#1001", fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${Math.random()}`, supplier: "sandbox", warehouse: "CN-SZ",
      idempotencyKey: `SR-${Math.random()}`, state, lines: [{ sku: "SR-1", quantity: 1, supplierVariantId: "SBX000001-01" }], shipTo: { name: "Secret Person" },
      currency: "USD", revenueMinor: 4900, ...extra },
  });
}

describe("the orders admin", () => {
  it("lists orders needing attention with counts per tab", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    await seedOrder(shop, "needs_attention", { reasonMessage: "The margin is too low." });
    await seedOrder(shop, "shipped");
    const body = await (await listLoader(routeArgs(adminRequest(shop, "/app/orders?tab=attention")))).json();
    expect(body.counts).toMatchObject({ attention: 1, transit: 1, delivered: 0 });
    expect(body.rows).toEqual([expect.objectContaining({ orderName: "#1001", state: "needs_attention", reasonMessage: "The margin is too low." })]);
  });

  it("shows an order's timeline without the buyer's address and approves it", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    const row = await seedOrder(shop, "awaiting_approval");
    const detail = await (await detailLoader(routeArgs(adminRequest(shop, `/app/orders/${row.id}`), { id: row.id }))).json();
    expect(JSON.stringify(detail)).not.toContain("Secret Person");
    expect(detail.actions).toEqual({ approve: true, retry: false, cancel: true });
    const res = await detailAction(routeArgs(adminRequest(shop, `/app/orders/${row.id}`, { form: { intent: "approve" } }), { id: row.id }));
    expect(await res.json()).toMatchObject({ ok: true });
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ state: "placing" });
  });

  it("saves autopilot settings and explains a bad margin floor", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    const form = { mode: "auto", maxSupplierCost: "120.50", maxSupplierCostCurrency: "CNY", marginFloorPercent: "25", notifyCustomer: "off", cnyPerShopUnit: "7.2" };
    expect(await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form })))).json()).toMatchObject({ ok: true });
    expect(await db.fulfillmentSettings.findUnique({ where: { shop } })).toMatchObject({ mode: "auto", maxSupplierCostMinor: 12050, marginFloorBps: 2500, notifyCustomer: false });
    const bad = await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form: { ...form, marginFloorPercent: "150" } })))).json();
    expect(bad).toMatchObject({ ok: false, errors: { marginFloorPercent: expect.stringMatching(/below 100/) } });
  });
});
