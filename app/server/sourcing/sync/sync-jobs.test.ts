import { describe, expect, it } from "vitest";
import db from "../../../db.server";
import { uniqueShop } from "../../../test/webhooks";
import { enqueueDueShops, requestSyncNow } from "./sync-jobs.server";
import { saveSyncSettings } from "./sync-settings.server";

function recordingQueue() {
  const seen = new Map<string, string>();
  return {
    seen,
    jobs: { enqueue: async (_q: string, _p: unknown, o?: { dedupeKey?: string }) => { const k = o!.dedupeKey!; if (!seen.has(k)) seen.set(k, `job-${seen.size}`); return seen.get(k)!; } } as never,
  };
}

async function shopWithMapping(intervalMinutes: number) {
  const shop = uniqueShop("sync-schedule");
  await db.shop.create({ data: { domain: shop } });
  await db.variantMapping.create({ data: { shop, productGid: "gid://shopify/Product/1", variantGid: "gid://shopify/ProductVariant/1", supplier: "sandbox", supplierProductId: "SBX000001", supplierSku: "SBX000001-01", inventoryItemGid: "gid://shopify/InventoryItem/1" } });
  await saveSyncSettings(shop, { intervalMinutes });
  return shop;
}

describe("sync schedule", () => {
  it("runs each shop on its own interval, once per slot however often the tick fires", async () => {
    const hourly = await shopWithMapping(60);
    const { seen, jobs } = recordingQueue();
    const t = new Date("2026-12-06T10:00:10Z");
    await enqueueDueShops(jobs, t);
    await enqueueDueShops(jobs, new Date(t.getTime() + 60_000));
    await enqueueDueShops(jobs, new Date(t.getTime() + 30 * 60_000));
    expect([...seen.keys()].filter((k) => k.startsWith(`${hourly}:schedule:`))).toHaveLength(1);
    await enqueueDueShops(jobs, new Date(t.getTime() + 60 * 60_000));
    expect([...seen.keys()].filter((k) => k.startsWith(`${hourly}:schedule:`))).toHaveLength(2);
    expect([...seen.keys()].filter((k) => k.startsWith(`${hourly}:reconcile:`))).toHaveLength(1); // daily, not hourly
  });

  it("coalesces double clicks on 'Sync now' into one run", async () => {
    const { seen, jobs } = recordingQueue();
    const now = Date.parse("2026-12-06T10:00:01Z");
    const a = await requestSyncNow(jobs, "s.myshopify.com", "gid://shopify/Product/9", now);
    const b = await requestSyncNow(jobs, "s.myshopify.com", "gid://shopify/Product/9", now + 2_000);
    expect(a).toBe(b);
    expect(seen.size).toBe(1);
  });
});
