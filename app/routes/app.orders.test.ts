import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { loader as listLoader } from "./app.orders._index";
import { action as detailAction, loader as detailLoader } from "./app.orders.$id";
import { action as settingsAction, loader as settingsLoader } from "./app.orders.settings";
import { fxTableForShop } from "../server/fx/fx-rates.server";
import { rateBetween } from "../server/fx/fx-table";

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
    expect(detail.actions).toEqual({ approve: true, retry: false, cancel: true, handBack: true });
    const res = await detailAction(routeArgs(adminRequest(shop, `/app/orders/${row.id}`, { form: { intent: "approve" } }), { id: row.id }));
    expect(await res.json()).toMatchObject({ ok: true });
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ state: "placing" });
  });

  it("answers an intent that is not one of the page's actions, such as __proto__, with 400", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    const row = await seedOrder(shop, "awaiting_approval");
    for (const intent of ["__proto__", "constructor", "toString", "nope"]) {
      const res = await detailAction(routeArgs(adminRequest(shop, `/app/orders/${row.id}`, { form: { intent } }), { id: row.id }));
      expect({ intent, status: res.status }).toEqual({ intent, status: 400 });
    }
    expect(await db.supplierOrder.findUnique({ where: { id: row.id } })).toMatchObject({ state: "awaiting_approval" });
  });

  it("saves autopilot settings and explains a bad margin floor", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    const form = { mode: "auto", maxSupplierCost: "120.50", maxSupplierCostCurrency: "CNY", marginFloorPercent: "25", notifyCustomer: "off", cnyRateOverride: "" };
    expect(await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form })))).json()).toMatchObject({ ok: true });
    expect(await db.fulfillmentSettings.findUnique({ where: { shop } })).toMatchObject({ mode: "auto", maxSupplierCostMinor: 12050, marginFloorBps: 2500, notifyCustomer: false });
    expect(await db.fxOverride.count({ where: { shop } })).toBe(0); // empty: the reference rate applies
    const bad = await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form: { ...form, marginFloorPercent: "150" } })))).json();
    expect(bad).toMatchObject({ ok: false, errors: { marginFloorPercent: expect.stringMatching(/below 100/) } });
  });

  it("shows the reference CNY rate with its date, and a typed rate overrides it for the cost checks until cleared", async () => {
    const shop = uniqueShop("orders");
    await seedInstalledShop(shop);
    await db.shop.update({ where: { domain: shop }, data: { currencyCode: "USD" } });
    const before = await (await settingsLoader(routeArgs(adminRequest(shop, "/app/orders/settings")))).json();
    expect(before.fx).toMatchObject({ storeCurrency: "USD", referenceCnyPerUnit: expect.any(Number), referenceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), overrideCnyPerUnit: null });
    expect(before.cnyRateOverride).toBe("");

    const form = { mode: "auto", maxSupplierCost: "", maxSupplierCostCurrency: "CNY", marginFloorPercent: "", notifyCustomer: "on", cnyRateOverride: "7.5" };
    expect(await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form })))).json()).toMatchObject({ ok: true });
    const table = await fxTableForShop(shop);
    expect(rateBetween(table, "CNY", "USD")).toBeCloseTo(1 / 7.5, 10);
    expect((await (await settingsLoader(routeArgs(adminRequest(shop, "/app/orders/settings")))).json()).cnyRateOverride).toBe("7.5");

    const bad = await (await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form: { ...form, cnyRateOverride: "-3" } })))).json();
    expect(bad).toMatchObject({ ok: false, errors: { cnyRateOverride: expect.stringMatching(/positive rate/) } });
    expect(rateBetween(await fxTableForShop(shop), "CNY", "USD")).toBeCloseTo(1 / 7.5, 10); // a bad input loses nothing

    await settingsAction(routeArgs(adminRequest(shop, "/app/orders/settings", { form: { ...form, cnyRateOverride: "" } })));
    expect(rateBetween(await fxTableForShop(shop), "USD", "CNY")).toBeCloseTo(before.fx.referenceCnyPerUnit!, 3);
  });
});
