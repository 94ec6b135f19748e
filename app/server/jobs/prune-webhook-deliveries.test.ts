import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "~/db.server";
import { jobSchedules } from "./handlers";
import { PRUNE_WEBHOOK_DELIVERIES, pruneWebhookDeliveries } from "./prune-webhook-deliveries";
import { retentionDays } from "./retention";

const db = createPrismaClient();
afterAll(() => db.$disconnect());
afterEach(() => vi.unstubAllEnvs());

// The real time, so the clean-up each test runs only reaches rows older than the retention window: the database is
// shared with files running at the same time, and a clean-up "in 2030" deleted their finished jobs and deliveries too.
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("pruneWebhookDeliveries", () => {
  it("deletes deliveries older than the window and keeps recent ones", async () => {
    const shop = `prune-${randomUUID().slice(0, 8)}.myshopify.com`;
    const [old, recent] = [`old-${randomUUID()}`, `recent-${randomUUID()}`];
    await db.webhookDelivery.createMany({
      data: [
        { webhookId: old, shop, topic: "orders/create", receivedAt: daysAgo(31) },
        { webhookId: recent, shop, topic: "orders/create", receivedAt: daysAgo(29) },
      ],
    });
    const result = await pruneWebhookDeliveries(db, {}, now);
    expect(result.deliveries).toBeGreaterThanOrEqual(1);
    const left = await db.webhookDelivery.findMany({ where: { shop }, select: { webhookId: true } });
    expect(left.map((d) => d.webhookId)).toEqual([recent]);
    await db.webhookDelivery.deleteMany({ where: { shop } });
  });

  it("deletes finished jobs past the window and keeps pending work and recent results", async () => {
    const shop = `prunejobs-${randomUUID().slice(0, 8)}.myshopify.com`;
    const job = (state: string, age: number) => ({ queue: "compliance.customers-redact", shop, payload: { requestId: state }, state, updatedAt: daysAgo(age) });
    // Prisma stamps updatedAt on create; an update with an explicit value gives a row its age.
    const rows = [job("completed", 40), job("cancelled", 40), job("dead", 40), job("queued", 40), job("active", 40), job("completed", 5)];
    const ids: string[] = [];
    for (const { updatedAt, ...data } of rows) {
      const created = await db.job.create({ data });
      await db.job.update({ where: { id: created.id }, data: { updatedAt } });
      ids.push(created.id);
    }
    await pruneWebhookDeliveries(db, {}, now);
    const left = await db.job.findMany({ where: { shop }, select: { state: true, updatedAt: true } });
    expect(left.map((j) => `${j.state}:${j.updatedAt.getTime() === daysAgo(5).getTime() ? "recent" : "old"}`).sort())
      .toEqual(["active:old", "completed:recent", "queued:old"]);
    await db.job.deleteMany({ where: { shop } });
  });

  it("uses the retention set in SILKROUTE_RETENTION_DAYS", async () => {
    const shop = `pruneenv-${randomUUID().slice(0, 8)}.myshopify.com`;
    await db.webhookDelivery.createMany({
      data: [
        { webhookId: `a-${randomUUID()}`, shop, topic: "orders/create", receivedAt: daysAgo(8) },
        { webhookId: `b-${randomUUID()}`, shop, topic: "orders/create", receivedAt: daysAgo(6) },
      ],
    });
    vi.stubEnv("SILKROUTE_RETENTION_DAYS", "7");
    await pruneWebhookDeliveries(db, {}, now);
    expect(await db.webhookDelivery.count({ where: { shop } })).toBe(1);
    await db.webhookDelivery.deleteMany({ where: { shop } });
  });

  it("runs every day from the job schedule, with no retention baked into the schedule", () => {
    const schedule = jobSchedules.find((s) => s.queue === PRUNE_WEBHOOK_DELIVERIES);
    expect(schedule).toMatchObject({ cron: "17 3 * * *", payload: {} });
  });
});

describe("retentionDays", () => {
  it("defaults to 30 days and refuses a value that is not a whole number of days", () => {
    expect(retentionDays({})).toBe(30);
    expect(retentionDays({ SILKROUTE_RETENTION_DAYS: "90" })).toBe(90);
    for (const bad of ["0", "-3", "1.5", "thirty"]) expect(() => retentionDays({ SILKROUTE_RETENTION_DAYS: bad })).toThrow(/SILKROUTE_RETENTION_DAYS/);
  });
});
