// The default backend: jobs are rows in the app database, claimed under a renewable lease.
import { hostname } from "node:os";
import type { Job, Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { backoffDelay, DEFAULT_RETRY } from "./backoff";
import * as admin from "./db-admin";
import * as rows from "./db-claim";
import { createDeduped } from "./dedupe";
import { errorKind, errorMessage, silentLogger } from "./logger";
import { CronScheduler } from "./scheduler";
import type { EnqueueOptions, JobHandler, JobLogger, JobProgress, JobQueue, QueueTuning, RegisterOptions, RetryPolicy } from "./types";
import { survivesUninstall, TUNING_DEFAULTS } from "./types";

interface Registered {
  handler: JobHandler<unknown>;
  concurrency: number;
  leaseMs: number;
  active: number;
}

export class DbJobQueue implements JobQueue {
  readonly backend = "db" as const;
  private readonly handlers = new Map<string, Registered>();
  private readonly running = new Map<string, { shop: string | null; queue: string; abort: AbortController; done: Promise<void> }>();
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly logger: JobLogger;
  private readonly workerId: string;
  private readonly scheduler: CronScheduler;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(private readonly db: Db, private readonly tuning: QueueTuning = {}) {
    this.retry = { ...DEFAULT_RETRY, ...tuning.retry };
    this.now = tuning.now ?? (() => new Date());
    this.logger = tuning.logger ?? silentLogger;
    this.workerId = tuning.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.scheduler = new CronScheduler(db, (q, p, o) => this.enqueue(q, p, o), this.now, this.logger);
  }

  async enqueue<P>(queue: string, payload: P, options: EnqueueOptions = {}): Promise<string> {
    const runAt = options.runAt ?? new Date(this.now().getTime() + (options.delayMs ?? 0));
    const id = await createDeduped(this.db, queue, options.dedupeKey, async (id) => {
      const data = {
        id, queue, runAt, shop: options.shop ?? null, dedupeKey: options.dedupeKey ?? null,
        payload: (payload ?? null) as Prisma.InputJsonValue,
        maxAttempts: options.maxAttempts ?? this.tuning.maxAttempts ?? TUNING_DEFAULTS.maxAttempts,
      };
      if (!options.dedupeKey) await this.db.job.create({ data });
      else await this.db.$transaction([this.db.jobDedupe.create({ data: { queue, key: options.dedupeKey, jobId: id } }), this.db.job.create({ data })]);
    });
    this.wake?.();
    return id;
  }

  register<P>(queue: string, handler: JobHandler<P>, options: RegisterOptions = {}): void {
    this.handlers.set(queue, {
      handler: handler as JobHandler<unknown>,
      concurrency: options.concurrency ?? TUNING_DEFAULTS.concurrency,
      leaseMs: options.leaseMs ?? this.tuning.leaseMs ?? TUNING_DEFAULTS.leaseMs,
      active: 0,
    });
  }

  schedule = (name: string, cron: string, queue: string, payload: unknown) => this.scheduler.upsert(name, cron, queue, payload);
  unschedule = (name: string) => this.scheduler.remove(name);
  getJob = (id: string) => admin.getJob(this.db, id);
  pendingAmong = (ids: string[]) => admin.pendingAmong(this.db, ids);
  listDeadJobs = (shop?: string) => admin.listDeadJobs(this.db, shop);
  retryDeadJob = async (id: string) => {
    const ok = await admin.retryDeadJob(this.db, id, this.now());
    this.wake?.();
    return ok;
  };
  updateProgress = (jobId: string, progress: JobProgress) => admin.saveProgress(this.db, jobId, progress);

  async cancelShopJobs(shop: string): Promise<number> {
    const count = await admin.cancelShopJobs(this.db, shop);
    for (const run of this.running.values()) if (run.shop === shop && !survivesUninstall(run.queue)) run.abort.abort(new Error("shop jobs cancelled"));
    return count;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.pollLoop();
    this.logger.info("jobs.worker.started", { backend: this.backend, worker: this.workerId, queues: [...this.handlers.keys()] });
  }

  async stop(graceMs = 30_000): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.running.values()].map((r) => r.done)), grace]);
    clearTimeout(timer);
    // Whatever is still running gets its lease handed back so another worker starts it at once.
    for (const [id, run] of this.running) {
      run.abort.abort(new Error("worker stopping"));
      await rows.release(this.db, id, this.workerId, this.now());
    }
    this.logger.info("jobs.worker.stopped", { worker: this.workerId, released: this.running.size });
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.scheduler.runDue();
        await this.claimDue();
      } catch (error) {
        this.logger.error("jobs.poll.failed", { worker: this.workerId, error: errorKind(error) });
      }
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.tuning.pollMs ?? TUNING_DEFAULTS.pollMs);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = null;
    }
  }

  private async claimDue(): Promise<void> {
    const cap = this.tuning.perShopConcurrency ?? TUNING_DEFAULTS.perShopConcurrency;
    const withRoom = [...this.handlers].filter(([, reg]) => reg.concurrency > reg.active).map(([queue]) => queue);
    const due = await rows.queuesWithDue(this.db, withRoom, this.now());
    if (!due.size) return;
    const perShop = await rows.activeByShop(this.db, this.now());
    for (const [queue, reg] of this.handlers) {
      const free = reg.concurrency - reg.active;
      if (free <= 0 || this.stopping || !due.has(queue)) continue;
      // Shops already at their cap are left out of the query, so a big shop's backlog cannot fill
      // every candidate slot and starve the shops queued behind it.
      const full = [...perShop].filter(([, n]) => n >= cap).map(([shop]) => shop);
      const candidates = await rows.findDue(this.db, queue, this.now(), full, free * 2);
      let started = 0;
      for (const job of candidates) {
        if (started >= free || this.stopping) break;
        if (job.shop && (perShop.get(job.shop) ?? 0) >= cap) continue;
        if (!(await rows.claim(this.db, job, this.workerId, this.now(), reg.leaseMs))) continue;
        // Another worker may have claimed the same shop's job a moment ago; recount after our claim
        // so the cap holds across processes, and back off if it does not.
        if (job.shop && (await rows.activeCountForShop(this.db, job.shop, this.now())) > cap) {
          await rows.release(this.db, job.id, this.workerId, job.runAt);
          perShop.set(job.shop, cap);
          continue;
        }
        if (job.shop) perShop.set(job.shop, (perShop.get(job.shop) ?? 0) + 1);
        const claimed = await this.db.job.findUnique({ where: { id: job.id } });
        if (!claimed) continue;
        started++;
        this.launch(claimed, queue, reg);
      }
    }
  }

  private launch(job: Job, queue: string, reg: Registered): void {
    const abort = new AbortController();
    reg.active++;
    const done = this.execute(job, queue, reg, abort)
      .catch((error) => this.logger.error("jobs.job.unsettled", { job: job.id, error: errorKind(error) }))
      .finally(() => {
        reg.active--;
        this.running.delete(job.id);
        this.wake?.();
      });
    this.running.set(job.id, { shop: job.shop, queue, abort, done });
  }

  private async execute(job: Job, queue: string, reg: Registered, abort: AbortController): Promise<void> {
    let progress: JobProgress | null = null;
    const heartbeat = setInterval(() => {
      rows.renewLease(this.db, job.id, this.workerId, this.now(), reg.leaseMs).then(
        (held) => held || abort.abort(new Error("lease lost")),
        () => {}, // a blip in renewing is survivable; the lease is three beats long
      );
    }, Math.max(10, reg.leaseMs / 3));
    const log = { job: job.id, queue, attempt: job.attempts, worker: this.workerId };
    try {
      this.logger.info("jobs.job.started", log);
      const value = await reg.handler({
        id: job.id, queue, payload: job.payload, shop: job.shop,
        attempt: job.attempts, maxAttempts: job.maxAttempts, signal: abort.signal,
        updateProgress: async (p) => {
          progress = { done: p.done, total: p.total };
          await admin.saveProgress(this.db, job.id, progress);
        },
      });
      if (abort.signal.aborted) return;
      await rows.complete(this.db, job.id, this.workerId, this.now(), value, progress);
      this.logger.info("jobs.job.completed", log);
    } catch (error) {
      if (abort.signal.aborted) return; // the row is no longer ours to write
      const delay = backoffDelay(job.attempts, this.retry);
      await rows.fail(this.db, job, this.workerId, this.now(), errorMessage(error), delay);
      this.logger.error("jobs.job.failed", { ...log, error: errorKind(error), dead: job.attempts >= job.maxAttempts });
    } finally {
      clearInterval(heartbeat);
    }
  }
}
