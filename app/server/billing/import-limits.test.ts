import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { startImport } from "../sourcing/imports/import-jobs.server";
import { billingPeriod, usageThisPeriod } from "./usage.server";
import { pinWallClock, yesterdayAtUtc } from "../../test/wall-clock";

// Noon UTC on yesterday's date, hours from any month's end: the allowance is per UTC month, and a run at 23:59:59.9
// UTC on a month's last day seeded last month's imports and checked this month's, so the 101st product went in.
pinWallClock(yesterdayAtUtc("12:00"));

// What an import item holds after staging (the supplier's data the import list shows beside the merchant's copy).
const SNAPSHOT = { titleZh: null, categoryId: "c1", options: [], hsCode: "961700", originCountry: "CN", hazards: { battery: false, liquid: false, magnet: false, powder: false, source: "test" }, warehouses: ["CN-SZ"] };

let n = 0;
async function importItem(shop: string, supplier = "sandbox") {
  n++;
  return db.importItem.create({ data: {
    shop, supplier, supplierProductId: `P${n}`, handle: `item-${n}`, title: `Item ${n}`, descriptionHtml: "", images: [], variants: [], snapshot: SNAPSHOT,
  } });
}

/** Products already pushed to the store by a finished import job started at `at`. */
async function imported(shop: string, count: number, at: Date, supplier = "sandbox") {
  const items = [];
  for (let i = 0; i < count; i++) items.push(await importItem(shop, supplier));
  const job = await db.importJob.create({ data: { shop, mode: "bulk", status: "completed", total: count, done: count, createdAt: at } });
  await db.importJobItem.createMany({ data: items.map((item, lineNumber) => ({ jobId: job.id, importItemId: item.id, lineNumber, status: "pushed", productGid: `gid://shopify/Product/${lineNumber + 1}` })) });
  await db.importItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { status: "pushed", productGid: "gid://shopify/Product/1" } });
  return items;
}

describe("plan limits when a merchant starts an import (Free: 100 new products a month)", () => {
  it("lets the 100th product of the month in and refuses the 101st with an upgrade message, queuing nothing", async () => {
    const shop = uniqueShop("imp");
    await imported(shop, 99, new Date());
    await startImport(shop, [(await importItem(shop)).id]);
    const extra = await importItem(shop);
    await expect(startImport(shop, [extra.id])).rejects.toThrow(/bring you to 101 of the 100 new products the Free plan includes this month\. Upgrade on the Plans page/);
    await expect(startImport(shop, [extra.id])).rejects.toMatchObject({ name: "ImportListError", planLimit: true });
    expect((await db.importItem.findUnique({ where: { id: extra.id } }))!.status).toBe("draft");
    expect((await usageThisPeriod(shop)).importedProducts).toBe(100);
  });

  it("says how many still fit when a selection is larger than what is left", async () => {
    const shop = uniqueShop("imp");
    await imported(shop, 97, new Date());
    const picks = [await importItem(shop), await importItem(shop), await importItem(shop), await importItem(shop)];
    await expect(startImport(shop, picks.map((p) => p.id))).rejects.toThrow(/Import up to 3 now/);
  });

  it("re-pushing products already in the store doesn't use the allowance again", async () => {
    const shop = uniqueShop("imp");
    const earlier = await imported(shop, 100, new Date(billingPeriod().start.getTime() - 1000));
    await imported(shop, 100, new Date());
    await expect(startImport(shop, earlier.slice(0, 5).map((i) => i.id))).resolves.toBeTypeOf("string");
  });

  it("counts per month: last month's imports leave this month's allowance untouched", async () => {
    const shop = uniqueShop("imp");
    await imported(shop, 100, new Date(billingPeriod().start.getTime() - 1000));
    expect((await usageThisPeriod(shop)).importedProducts).toBe(0);
    await expect(startImport(shop, [(await importItem(shop)).id])).resolves.toBeTypeOf("string");
  });

  it("allows the sandbox plus one real supplier, and refuses a second real supplier", async () => {
    const shop = uniqueShop("imp");
    await imported(shop, 1, new Date(), "jd");
    await expect(startImport(shop, [(await importItem(shop, "sandbox")).id])).resolves.toBeTypeOf("string");
    await expect(startImport(shop, [(await importItem(shop, "jd")).id])).resolves.toBeTypeOf("string");
    await expect(startImport(shop, [(await importItem(shop, "cj")).id])).rejects.toThrow(/includes 1 real supplier besides the sandbox, and this import would use 2 \(cj, jd\)/);
  });
});
