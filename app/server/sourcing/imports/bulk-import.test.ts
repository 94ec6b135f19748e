import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { action as bulkFinishRoute } from "../../../routes/webhooks.bulk_operations.finish";
import { addToImportList } from "../import-list/import-list.server";
import { startSourcingWorld, type SourcingWorld } from "../test-support/sourcing-world";
import { BULK_CHECK_QUEUE, type BulkCheckPayload } from "./bulk-import.server";
import { finishBulkImport } from "./bulk-finish.server";
import { BULK_THRESHOLD, importJobStatus, startImport } from "./import-jobs.server";
import { runImportJob } from "./run-import.server";

let world: SourcingWorld | undefined;
afterEach(async () => { await world?.close(); world = undefined; });

const productIds = (from: number, count: number) => Array.from({ length: count }, (_, i) => `SBX${String(from + i).padStart(6, "0")}`);

/** What the worker does with the job the finish webhook enqueued. */
async function runFinishJobFromWebhook(w: SourcingWorld): Promise<void> {
  const jobs = await db.job.findMany({ where: { queue: BULK_CHECK_QUEUE, shop: w.shop, NOT: { dedupeKey: { startsWith: "safety:" } } } });
  expect(jobs).toHaveLength(1);
  expect(await finishBulkImport(w.shop, (jobs[0]!.payload as unknown as BulkCheckPayload).bulkOperationGid, w.deps)).toBe(true);
  await db.job.deleteMany({ where: { id: jobs[0]!.id } });
}

describe("importing many products through one bulk operation", () => {
  it("uploads JSONL, waits for bulk_operations/finish, then maps every product back", async () => {
    world = await startSourcingWorld({ deliverWebhook: (request) => bulkFinishRoute({ request, params: {}, context: {} }) });
    const items = [];
    for (const id of productIds(20, BULK_THRESHOLD + 5)) items.push(await addToImportList(world.shop, "sandbox", id));
    const jobId = await startImport(world.shop, items.map((i) => i.id));
    await runImportJob(jobId, world.deps);
    expect(await importJobStatus(world.shop, jobId)).toMatchObject({ mode: "bulk", status: "awaiting_bulk" });

    await world.emulator.controls.settle(); // the operation runs and Shopify sends the webhook to our route
    await runFinishJobFromWebhook(world);

    expect(await importJobStatus(world.shop, jobId)).toMatchObject({ status: "completed", done: items.length, failed: 0 });
    expect(world.products()).toHaveLength(items.length);
    const pushed = await db.importItem.findMany({ where: { shop: world.shop } });
    expect(pushed.every((i) => i.status === "pushed" && i.productGid)).toBe(true);
    // Published to the default channel, so buyers can see them.
    expect(pushed.every((i) => i.publishedTo === "Online Store")).toBe(true);
    expect(world.emulator.controls.storefrontProducts(world.shop)).toHaveLength(items.length);
    const variantCount = items.reduce((n, i) => n + i.variants.length, 0);
    expect(await db.variantMapping.count({ where: { shop: world.shop } })).toBe(variantCount);
  });

  it("re-importing the same products in bulk updates them in place", async () => {
    world = await startSourcingWorld({ deliverWebhook: (request) => bulkFinishRoute({ request, params: {}, context: {} }) });
    const items = [];
    for (const id of productIds(60, BULK_THRESHOLD + 1)) items.push(await addToImportList(world.shop, "sandbox", id));
    for (let round = 0; round < 2; round++) {
      const jobId = await startImport(world.shop, items.map((i) => i.id));
      await runImportJob(jobId, world.deps);
      await world.emulator.controls.settle();
      await runFinishJobFromWebhook(world);
      expect(await importJobStatus(world.shop, jobId)).toMatchObject({ status: "completed", done: items.length });
    }
    expect(world.products()).toHaveLength(items.length);
  });
});
