import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { shopOverview } from "./overview.server";

const supplierOrder = (shop: string, n: number, data: Record<string, unknown>) =>
  db.supplierOrder.create({
    data: {
      shop, orderGid: `gid://shopify/Order/${n}`, orderName: `#${n}`, fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${n}`,
      supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `${shop}-${n}`, state: "pending", lines: [], currency: "USD", revenueMinor: 1000,
      ...data,
    },
  });

describe("the home page overview", () => {
  it("starts a new shop on the sandbox with the remaining setup steps to do", async () => {
    const overview = await shopOverview(uniqueShop("fresh"));
    expect(overview.setup.map((s) => [s.key, s.done])).toEqual([["supplier", true], ["products", false], ["rates", false], ["warehouses", false]]);
    expect(overview.orders).toEqual({ attention: 0, supplier: 0, transit: 0, delivered: 0, exceptions: 0 });
  });

  it("counts supplier orders per tab and averages delivery days per supplier", async () => {
    const shop = uniqueShop("busy");
    const day = 86_400_000;
    const placedAt = new Date("2026-11-01T00:00:00Z");
    await supplierOrder(shop, 1, { state: "delivered", supplier: "sandbox", placedAt, deliveredAt: new Date(placedAt.getTime() + 8 * day) });
    await supplierOrder(shop, 2, { state: "delivered", supplier: "sandbox", placedAt, deliveredAt: new Date(placedAt.getTime() + 10 * day) });
    await supplierOrder(shop, 3, { state: "shipped" });
    await supplierOrder(shop, 4, { state: "needs_attention", reasonCode: "MISSING_MAPPING" });
    await db.job.create({ data: { queue: "sourcing.import", shop, payload: {}, state: "dead" } });
    const overview = await shopOverview(shop);
    expect(overview.orders).toMatchObject({ attention: 1, transit: 1, delivered: 2 });
    expect(overview.deliveryTimes).toEqual([{ supplier: "sandbox", orders: 2, averageDays: 9 }]);
    expect(overview.failedJobs).toBe(1);
  });
});
