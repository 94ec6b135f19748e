import { afterAll, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { action } from "../../../routes/carrier-service.rates";
import { seedInstalledShop } from "../../../test/admin-session";
import { uniqueShop } from "../../../test/webhooks";
import { buildRateItem, buildRatePayload, signedRateRequest } from "../carrier-service/test-builders";
import { checkoutSla } from "./checkout-sla.server";
import { flushRateCallbacks, recordRateCallback } from "./rate-callback-stats.server";

const shops: string[] = [];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 12:30 UTC yesterday: half an hour from any hour boundary, and within the 35 days the store keeps. Under a fixed date,
// a run from January 2027 on would see another test file's flush, at its real time, prune these rows (KEEP_DAYS)
// between their write and their read.
const NOW = Math.floor(Date.now() / DAY) * DAY - DAY / 2 + 30 * 60_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

afterAll(async () => {
  await db.rateCallbackHour.deleteMany({ where: { shop: { in: shops } } });
});

function shopNamed(label: string) {
  const shop = uniqueShop(label);
  shops.push(shop);
  return shop;
}

describe("checkout SLA", () => {
  it("shows the last 28 days' p95 and failure rate against Shopify's 500 ms / 0.1 % bar", async () => {
    const shop = shopNamed("sla-summary");
    for (let i = 0; i < 990; i++) recordRateCallback(shop, "rates", 12, NOW - (i % 3) * DAY);
    for (let i = 0; i < 9; i++) recordRateCallback(shop, "empty", 40, NOW);
    recordRateCallback(shop, "error", 700, NOW - HOUR);
    recordRateCallback(shop, "error", 5, NOW - 29 * DAY); // outside the window
    const sla = await checkoutSla(shop, new Date(NOW));
    expect(sla).toMatchObject({ calls: 1_000, rates: 990, empty: 9, errors: 1, over500: 1, p95Ms: 15, failureRate: 0.001, meetsBar: true });
    expect(sla.days.map((d) => [d.day, d.calls])).toEqual([[dayOf(NOW - 2 * DAY), 330], [dayOf(NOW - DAY), 330], [dayOf(NOW), 340]]);
  });

  it("fails the bar when more than 0.1 % of callbacks failed, or the p95 is over 500 ms", async () => {
    const failing = shopNamed("sla-failing");
    for (let i = 0; i < 998; i++) recordRateCallback(failing, "rates", 3, NOW);
    recordRateCallback(failing, "error", 3, NOW);
    recordRateCallback(failing, "error", 3, NOW);
    expect(await checkoutSla(failing, new Date(NOW))).toMatchObject({ failureRate: 0.002, meetsBar: false });
    const slow = shopNamed("sla-slow");
    for (let i = 0; i < 10; i++) recordRateCallback(slow, "rates", 620, NOW);
    expect(await checkoutSla(slow, new Date(NOW))).toMatchObject({ p95Ms: 750, meetsBar: false });
  });

  it("adds every flush into one row per shop-hour, as several processes do", async () => {
    const shop = shopNamed("sla-merge");
    recordRateCallback(shop, "rates", 2, NOW);
    await flushRateCallbacks(NOW);
    recordRateCallback(shop, "empty", 2, NOW + 60_000);
    recordRateCallback(shop, "rates", 2, NOW + 120_000);
    await Promise.all([flushRateCallbacks(NOW), flushRateCallbacks(NOW)]);
    const rows = await db.rateCallbackHour.findMany({ where: { shop } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rates: 2, empty: 1, errors: 0, version: 1 });
  });

  it("lets checkout callbacks run between the batches of a flush, so a flush never holds the process", async () => {
    const many = Array.from({ length: 200 }, (_, i) => shopNamed(`sla-yield-${i}`));
    for (const shop of many) recordRateCallback(shop, "rates", 3, NOW);
    let turns = 0;
    let flushed = false;
    const waiting = () => {
      if (flushed) return;
      turns++;
      setImmediate(waiting);
    };
    setImmediate(waiting);
    await flushRateCallbacks(NOW);
    flushed = true;
    expect(turns).toBeGreaterThanOrEqual(many.length / 25);
    expect(await db.rateCallbackHour.count({ where: { shop: { in: many } } })).toBe(many.length);
  });

  it("keeps a checkout's own write waiting for at most one short batch of a flush, not the whole flush", async () => {
    const many = Array.from({ length: 400 }, (_, i) => shopNamed(`sla-lock-${i}`));
    for (const shop of many) recordRateCallback(shop, "rates", 3, NOW);
    const checkoutShop = uniqueShop("sla-lock-checkout");
    await seedInstalledShop(checkoutShop);
    const flush = flushRateCallbacks(NOW);
    await new Promise((resolve) => setImmediate(resolve)); // the flush is under way
    // A shop's first signed callback records the signature with updateMany, which Prisma runs in a transaction.
    await db.shop.updateMany({ where: { domain: checkoutShop }, data: { carrierRequestsSignedAt: new Date(NOW) } });
    const writtenBeforeIt = await db.rateCallbackHour.count({ where: { shop: { in: many } } });
    await flush;
    expect(writtenBeforeIt).toBeLessThanOrEqual(100);
    expect(await db.rateCallbackHour.count({ where: { shop: { in: many } } })).toBe(many.length);
  });

  it("has no verdict before any callback", async () => {
    expect(await checkoutSla(shopNamed("sla-none"), new Date(NOW))).toMatchObject({ calls: 0, p95Ms: null, meetsBar: null, days: [] });
  });

  it("counts signed callbacks answered by the route, with their outcome, and ignores refused ones", async () => {
    const shop = shopNamed("sla-route");
    await seedInstalledShop(shop);
    const post = async (request: Request) => (await action({ request, params: {}, context: {} })).status;
    expect(await post(signedRateRequest(shop, buildRatePayload()))).toBe(200);
    expect(await post(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem({ grams: 45_000 })] })))).toBe(200);
    expect(await post(signedRateRequest(shop, "{not json"))).toBe(400);
    expect(await post(signedRateRequest(shop, buildRatePayload(), { secret: "not-the-app-secret" }))).toBe(401);
    const sla = await checkoutSla(shop);
    expect(sla).toMatchObject({ calls: 3, rates: 1, empty: 1, errors: 1 });
  });
});
