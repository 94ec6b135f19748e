import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { setFxOverride } from "../fx/fx-rates.server";
import { marginThisMonth } from "./margin.server";

const NOW = new Date("2026-12-06T12:00:00Z");
let n = 0;

/** A supplier order as placement records it: revenue in the shop's currency, supplier cost in the supplier's. */
async function supplierOrder(shop: string, o: { placedAt: Date | null; revenueMinor: number; costMinor: number | null; costCurrency?: string; currency?: string; state?: string }) {
  n++;
  await db.supplierOrder.create({ data: {
    shop, orderGid: `gid://shopify/Order/${n}`, orderName: `#${n}`, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${n}`,
    supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `${shop}-margin-${n}`, state: o.state ?? "placed", lines: [],
    currency: o.currency ?? "USD", revenueMinor: o.revenueMinor, costMinor: o.costMinor, costCurrency: o.costCurrency ?? "CNY", placedAt: o.placedAt,
  } });
}

describe("margin this month on the home page", () => {
  it("is revenue minus supplier cost (converted at the shop's rate) of this month's orders, leaving out other months, cancellations and unknown costs", async () => {
    const shop = uniqueShop("margin");
    await setFxOverride(shop, "CNY", "USD", 0.14);
    await supplierOrder(shop, { placedAt: new Date("2026-12-01T00:00:00Z"), revenueMinor: 49_00, costMinor: 100_00 }); // cost 14.00 USD
    await supplierOrder(shop, { placedAt: new Date("2026-12-05T10:00:00Z"), revenueMinor: 20_00, costMinor: 50_00 }); // cost 7.00 USD
    await supplierOrder(shop, { placedAt: new Date("2026-11-30T23:59:59Z"), revenueMinor: 99_00, costMinor: 10_00 }); // last month
    await supplierOrder(shop, { placedAt: new Date("2026-12-02T00:00:00Z"), revenueMinor: 99_00, costMinor: 10_00, state: "cancelled" });
    await supplierOrder(shop, { placedAt: null, revenueMinor: 99_00, costMinor: 10_00, state: "awaiting_approval" }); // never reached a supplier
    await supplierOrder(shop, { placedAt: new Date("2026-12-03T00:00:00Z"), revenueMinor: 30_00, costMinor: null }); // cost not known yet

    const m = await marginThisMonth(shop, NOW);
    expect(m).toMatchObject({ orders: 2, leftOut: 1, revenue: { amount: 69_00, currency: "USD" }, cost: { amount: 21_00, currency: "USD" }, margin: { amount: 48_00, currency: "USD" } });
    expect(m.percent).toBe(69.6);
    expect(m.periodStart).toBe("2026-12-01T00:00:00.000Z");
  });

  it("shows nothing to count for a shop without supplier orders this month", async () => {
    expect(await marginThisMonth(uniqueShop("nomargin"), NOW)).toMatchObject({ orders: 0, leftOut: 0, margin: null, percent: null });
  });
});
