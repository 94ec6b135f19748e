import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, databaseProvider } from "~/db.server";
import { createJobQueue, type JobBackend } from "./create-job-queue";
import { contractTuning } from "./__fixtures__/contract-tuning";
import type { JobQueue, QueueTuning } from "./types";

const db = createPrismaClient();
const ROOT = path.resolve(__dirname, "../../..");
const onPostgres = databaseProvider() === "postgresql";
const BACKENDS: Array<{ backend: JobBackend; skip: boolean; title: string }> = [
  { backend: "db", skip: false, title: "db backend" },
  {
    backend: "pgboss",
    skip: !onPostgres,
    title: onPostgres ? "pgboss backend" : "pgboss backend (skipped: needs DATABASE_URL=postgres://…, CI's PostgreSQL pass runs it)",
  },
];

const unique = (what: string) => `contract.${what}.${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

afterAll(() => db.$disconnect());

for (const { backend, skip, title } of BACKENDS) {
  describe.skipIf(skip)(`JobQueue contract: ${title}`, () => {
    const open: JobQueue[] = [];
    const makeQueue = (tuning: QueueTuning = {}) => {
      const queue = createJobQueue({ backend, db, ...contractTuning(backend), ...tuning });
      open.push(queue);
      return queue;
    };
    const stateOf = (jobs: JobQueue, id: string, state: string) => waitFor(async () => (await jobs.getJob(id))?.state === state && (await jobs.getJob(id)), `${id} to be ${state}`);

    afterEach(async () => {
      await Promise.all(open.splice(0).map((q) => q.stop(200)));
    });

    it("retries a failing job and then succeeds, counting each attempt", async () => {
      const jobs = makeQueue();
      const queue = unique("retry");
      const seen: number[] = [];
      jobs.register(queue, async (ctx) => {
        seen.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
        return "ok";
      });
      const id = await jobs.enqueue(queue, { n: 1 }, { maxAttempts: 4 });
      await jobs.start();
      const done = await stateOf(jobs, id, "completed");
      expect(seen).toEqual([1, 2, 3]);
      expect(done.attempts).toBe(3);
    });

    it("tells which of a set of jobs are still pending, so a sweeper leaves queued work alone", async () => {
      const jobs = makeQueue();
      const queue = unique("pending");
      jobs.register(queue, async ({ payload }: { payload: { fail: boolean } }) => {
        if (payload.fail) throw new Error("gone for good");
      });
      const done = await jobs.enqueue(queue, { fail: false });
      const dead = await jobs.enqueue(queue, { fail: true }, { maxAttempts: 1 });
      await jobs.start();
      await stateOf(jobs, done, "completed");
      await stateOf(jobs, dead, "dead");
      const later = await jobs.enqueue(queue, { fail: false }, { delayMs: 60_000 });
      const pending = await jobs.pendingAmong([done, dead, later, randomUUID(), "not-a-job-id"]);
      expect([...pending]).toEqual([later]);
      expect((await jobs.pendingAmong([])).size).toBe(0);
    });

    it("keeps a job whose attempts ran out as dead, lists it, and runs it again on retry", async () => {
      const jobs = makeQueue();
      const queue = unique("dead");
      const shop = `${unique("shop")}.myshopify.com`;
      let healthy = false;
      jobs.register(queue, async () => {
        if (!healthy) throw new Error("supplier down");
      });
      const id = await jobs.enqueue(queue, {}, { shop, maxAttempts: 2 });
      await jobs.start();
      const dead = await stateOf(jobs, id, "dead");
      expect(dead.attempts).toBe(2);
      expect(dead.lastError).toContain("supplier down");
      expect((await jobs.listDeadJobs(shop)).map((j) => j.id)).toEqual([id]);
      expect((await jobs.listDeadJobs()).map((j) => j.id)).toContain(id);
      healthy = true;
      expect(await jobs.retryDeadJob(id)).toBe(true);
      await stateOf(jobs, id, "completed");
      expect(await jobs.listDeadJobs(shop)).toEqual([]);
      expect(await jobs.retryDeadJob(id)).toBe(false);
    });

    it("never creates a second job for a dedupe key, even when enqueued concurrently", async () => {
      const jobs = makeQueue();
      const queue = unique("dedupe");
      const first = await jobs.enqueue(queue, { n: 1 }, { dedupeKey: "order-1" });
      expect(await jobs.enqueue(queue, { n: 2 }, { dedupeKey: "order-1" })).toBe(first);
      const racers = await Promise.all(Array.from({ length: 12 }, (_, i) => jobs.enqueue(queue, { n: 10 + i }, { dedupeKey: "order-2" })));
      expect(new Set(racers).size).toBe(1);
      expect(await db.jobDedupe.count({ where: { queue } })).toBe(2);
      // With one slot, jobs run in creation order: the sentinel runs only after every earlier job.
      const sentinel = await jobs.enqueue(queue, { sentinel: true });
      const ran: unknown[] = [];
      jobs.register(queue, async (ctx) => void ran.push(ctx.payload), { concurrency: 1 });
      await jobs.start();
      await stateOf(jobs, sentinel, "completed");
      expect(ran).toHaveLength(3);
      expect(ran[0]).toEqual({ n: 1 });
      expect(ran[2]).toEqual({ sentinel: true });
    });

    it("fires a cron schedule when its time comes, once per occurrence", async () => {
      // The queues' clock starts halfway through a five-minute slot, so the jump below passes exactly one boundary. On
      // the wall clock, a run that began 60.3 s before a boundary jumped to just before the next one, and found the
      // next occurrence already due (or fired it twice).
      const FIVE_MINUTES = 5 * 60_000;
      const started = Date.now();
      let offsetMs = Math.ceil(started / FIVE_MINUTES) * FIVE_MINUTES + FIVE_MINUTES / 2 - started;
      const now = () => new Date(Date.now() + offsetMs);
      const [a, b] = [makeQueue({ now }), makeQueue({ now })];
      const queue = unique("cron");
      const name = unique("schedule");
      const ran: unknown[] = [];
      for (const jobs of [a, b]) jobs.register(queue, async (ctx) => void ran.push(ctx.payload));
      await a.schedule(name, "*/5 * * * *", queue, { report: "daily" });
      await Promise.all([a.start(), b.start()]);
      expect(ran).toEqual([]);
      offsetMs += 6 * 60_000; // past the next five-minute boundary, 1.5 minutes before the one after
      // The scheduler records the occurrence right after enqueuing it, and a worker may run the job in between.
      await waitFor(async () => ran.length > 0 && (await db.jobSchedule.findUnique({ where: { name } }))?.lastRunAt != null, "the cron job to run and be recorded");
      const row = await db.jobSchedule.findUniqueOrThrow({ where: { name } });
      expect(row.lastRunAt).not.toBeNull();
      expect(row.nextRunAt.getTime()).toBeGreaterThan(now().getTime());
      expect(await db.jobDedupe.count({ where: { queue, key: { startsWith: `cron:${name}:` } } })).toBe(1);
      expect(ran).toEqual([{ report: "daily" }]);
      await a.unschedule(name);
    });

    it("runs at most the capped number of one shop's jobs at once, so other shops are not starved", async () => {
      const jobs = makeQueue({ perShopConcurrency: 1 });
      const queue = unique("cap");
      const [big, small] = [`${unique("big")}.myshopify.com`, `${unique("small")}.myshopify.com`];
      const active = new Map<string, number>();
      const peak = new Map<string, number>();
      const starts: string[] = [];
      jobs.register(queue, async (ctx) => {
        const shop = ctx.shop!;
        starts.push(shop);
        active.set(shop, (active.get(shop) ?? 0) + 1);
        peak.set(shop, Math.max(peak.get(shop) ?? 0, active.get(shop)!));
        await sleep(150);
        active.set(shop, active.get(shop)! - 1);
      }, { concurrency: 4 });
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push(await jobs.enqueue(queue, { i }, { shop: big }));
      for (let i = 0; i < 2; i++) ids.push(await jobs.enqueue(queue, { i }, { shop: small }));
      await jobs.start();
      for (const id of ids) await stateOf(jobs, id, "completed");
      expect(peak.get(big)).toBe(1);
      expect(peak.get(small)).toBe(1);
      expect(starts.indexOf(small)).toBeLessThan(starts.lastIndexOf(big));
    });

    it("cancels a shop's queued jobs and leaves other shops alone", async () => {
      const jobs = makeQueue();
      const queue = unique("cancel");
      const [gone, stays] = [`${unique("gone")}.myshopify.com`, `${unique("stays")}.myshopify.com`];
      const goneIds = await Promise.all([1, 2, 3].map((i) => jobs.enqueue(queue, { i }, { shop: gone, delayMs: 60_000 })));
      const staysId = await jobs.enqueue(queue, {}, { shop: stays, delayMs: 60_000 });
      expect(await jobs.cancelShopJobs(gone)).toBe(3);
      for (const id of goneIds) expect((await jobs.getJob(id))?.state).toBe("cancelled");
      expect((await jobs.getJob(staysId))?.state).toBe("queued");
      expect(await jobs.cancelShopJobs(gone)).toBe(0);
    });

    it("leaves a shop's compliance jobs queued when it cancels the shop's other work", async () => {
      const jobs = makeQueue();
      const shop = `${unique("uninstalled")}.myshopify.com`;
      const other = await jobs.enqueue(unique("cancel"), {}, { shop, delayMs: 60_000 });
      const compliance = await jobs.enqueue(`compliance.${unique("redact")}`, {}, { shop, delayMs: 60_000 });
      expect(await jobs.cancelShopJobs(shop)).toBe(1);
      expect((await jobs.getJob(other))?.state).toBe("cancelled");
      expect((await jobs.getJob(compliance))?.state).toBe("queued");
    });

    it("reports progress of a running job", async () => {
      const jobs = makeQueue();
      const queue = unique("progress");
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      jobs.register(queue, async (ctx) => {
        await ctx.updateProgress({ done: 40, total: 100 });
        await gate;
      });
      const id = await jobs.enqueue(queue, {});
      await jobs.start();
      const running = await waitFor(async () => (await jobs.getJob(id))?.progress && jobs.getJob(id), "progress");
      expect(running?.progress).toEqual({ done: 40, total: 100 });
      release();
      await stateOf(jobs, id, "completed");
    });

    it("hands a job held by a killed worker to another worker once its lease runs out", { timeout: 60_000 }, async () => {
      const jobs = makeQueue();
      const queue = unique("crash");
      const id = await jobs.enqueue(queue, { import: 1 }, { maxAttempts: 3 });
      const child = spawn("npx", ["tsx", "app/server/jobs/__fixtures__/claim-and-hang.ts", backend, queue], {
        cwd: ROOT, env: process.env, detached: true, stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      try {
        await waitFor(async () => out.includes(`claimed ${id} 1`), "the child worker to claim the job", 45_000);
        expect((await jobs.getJob(id))?.state).toBe("active");
      } finally {
        process.kill(-child.pid!, "SIGKILL"); // the whole group: npx, tsx and node
      }
      const attempts: number[] = [];
      jobs.register(queue, async (ctx) => void attempts.push(ctx.attempt));
      await jobs.start();
      const done = await stateOf(jobs, id, "completed");
      expect(attempts).toEqual([2]);
      expect(done.attempts).toBe(2);
    });
  });
}
