import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { buildRateCardCsv } from "../shipping/rate-card-fixtures";
import { deleteRateCard, uploadRateCard } from "../shipping/rate-cards.server";
import { jobHandlers, jobSchedules, type JobDeps } from "../jobs/handlers";
import { EXTENSION_QUEUES } from "./jobs.server";

const pending = (shop: string) => db.job.findMany({ where: { shop, queue: EXTENSION_QUEUES.writeRestrictions } });

describe("restriction metafields follow rate-card changes", () => {
  it("queues one write pass per shop for a burst of rate-card edits", async () => {
    const shop = uniqueShop("restr-job");
    const now = Date.now();
    expect(await uploadRateCard(shop, buildRateCardCsv({ code: "ACME-LINE" }))).toMatchObject({ ok: true });
    await deleteRateCard(shop, "ACME-LINE");
    const jobs = await pending(shop);
    // Two edits in one 30-second window share one job; at a window edge there can be two, never one per edit more.
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(Math.floor((Date.now() - now) / 30_000) + 2);
    expect(jobs[0]!.payload).toEqual({ shop });
  });

  it("is registered with the worker, with a daily repair pass for every installed shop", async () => {
    const registry = jobHandlers({ db, jobs: { enqueue: async () => "id" } } as unknown as JobDeps);
    expect(Object.keys(registry)).toEqual(expect.arrayContaining([EXTENSION_QUEUES.writeRestrictions, EXTENSION_QUEUES.writeRestrictionsAll]));
    expect(jobSchedules).toContainEqual(expect.objectContaining({ queue: EXTENSION_QUEUES.writeRestrictionsAll }));

    const installed = uniqueShop("restr-daily");
    await db.shop.create({ data: { domain: installed } });
    const enqueued: unknown[] = [];
    const deps = { db, jobs: { enqueue: async (...args: unknown[]) => { enqueued.push(args); return "id"; } } } as unknown as JobDeps;
    await jobHandlers(deps)[EXTENSION_QUEUES.writeRestrictionsAll]!.handler({ payload: { day: "2026-12-06" } } as never);
    expect(enqueued).toContainEqual([EXTENSION_QUEUES.writeRestrictions, { shop: installed }, { shop: installed, dedupeKey: `${installed}:daily:2026-12-06` }]);
  });
});
