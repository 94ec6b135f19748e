// The scale-out backend: pg-boss on PostgreSQL, for many web and worker processes on many machines.
import { hostname } from "node:os";
import { fromPrisma, PgBoss, type ConstructorOptions, type Job, type SendOptions } from "pg-boss";
import type { Db } from "~/db.server";
import { DEFAULT_RETRY } from "./backoff";
import { createDeduped } from "./dedupe";
import { errorKind, silentLogger } from "./logger";
import { PgBossAdmin, type Envelope } from "./pgboss-admin";
import { CronScheduler } from "./scheduler";
import { retentionDays } from "./retention";
import type { EnqueueOptions, JobHandler, JobLogger, JobProgress, JobQueue, QueueTuning, RegisterOptions, RetryPolicy } from "./types";
import { survivesUninstall, TUNING_DEFAULTS } from "./types";

export const PGBOSS_SCHEMA = "pgboss";
const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

export interface PgBossQueueOptions extends QueueTuning {
  connectionString: string;
  /** Passed through to pg-boss; tests shorten its supervision intervals. */
  pgBoss?: Partial<ConstructorOptions>;
}

export class PgBossJobQueue implements JobQueue {
  readonly backend = "pgboss" as const;
  private readonly boss: PgBoss;
  private readonly admin: PgBossAdmin;
  private readonly retry: RetryPolicy;
  private readonly logger: JobLogger;
  private readonly scheduler: CronScheduler;
  private readonly workerId: string;
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; concurrency: number; leaseMs: number }>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly running = new Map<string, { shop: string | null; queue: string; abort: AbortController }>();
  private booted: Promise<unknown> | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private working = false;
  /** SILKROUTE_RETENTION_DAYS, read once: a bad value stops the process at start, not a webhook later. */
  private readonly keepFinishedSeconds = retentionDays() * 86_400;

  constructor(private readonly db: Db, private readonly options: PgBossQueueOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.logger = options.logger ?? silentLogger;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}`;
    this.boss = new PgBoss({ connectionString: options.connectionString, schema: PGBOSS_SCHEMA, max: 5, ...options.pgBoss });
    this.boss.on("error", (error) => this.logger.error("jobs.pgboss.error", { error: errorKind(error) }));
    this.admin = new PgBossAdmin(this.boss, PGBOSS_SCHEMA);
    this.scheduler = new CronScheduler(db, (q, p, o) => this.enqueue(q, p, o), options.now ?? (() => new Date()), this.logger);
  }

  // Web processes only enqueue, but pg-boss needs start() (schema install) before any send.
  private ready(): Promise<unknown> {
    return (this.booted ??= this.boss.start());
  }

  private ensureQueue(queue: string): Promise<void> {
    let created = this.queues.get(queue);
    if (!created) {
      created = this.ready().then(() =>
        this.boss.createQueue(queue, {
          retryBackoff: true,
          retryDelay: seconds(this.retry.baseMs),
          retryDelayMax: seconds(this.retry.capMs),
          expireInSeconds: seconds(this.options.leaseMs ?? TUNING_DEFAULTS.leaseMs),
          // Finished jobs stay for the retention window, as in the DB backend's daily prune.
          deleteAfterSeconds: this.keepFinishedSeconds,
        }),
      );
      this.queues.set(queue, created);
    }
    return created;
  }

  async enqueue<P>(queue: string, payload: P, options: EnqueueOptions = {}): Promise<string> {
    await this.ensureQueue(queue);
    const maxAttempts = options.maxAttempts ?? this.options.maxAttempts ?? TUNING_DEFAULTS.maxAttempts;
    const envelope: Envelope = { payload: payload ?? null, shop: options.shop ?? null, maxAttempts };
    const startAfter = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : undefined);
    const send: SendOptions = {
      retryLimit: maxAttempts - 1,
      ...(startAfter ? { startAfter } : {}),
      ...(options.shop ? { group: { id: options.shop } } : {}),
    };
    const key = options.dedupeKey;
    return createDeduped(this.db, queue, key, async (id) => {
      if (!key) {
        await this.boss.send(queue, envelope, { ...send, id });
        return;
      }
      // The dedupe row and pg-boss's job commit in one transaction on the same database.
      await this.db.$transaction(async (tx) => {
        await tx.jobDedupe.create({ data: { queue, key, jobId: id } });
        await this.boss.send(queue, envelope, { ...send, id, db: fromPrisma(tx) });
      });
    });
  }

  register<P>(queue: string, handler: JobHandler<P>, options: RegisterOptions = {}): void {
    this.handlers.set(queue, {
      handler: handler as JobHandler<unknown>,
      concurrency: options.concurrency ?? TUNING_DEFAULTS.concurrency,
      leaseMs: options.leaseMs ?? this.options.leaseMs ?? TUNING_DEFAULTS.leaseMs,
    });
  }

  schedule = (name: string, cron: string, queue: string, payload: unknown) => this.scheduler.upsert(name, cron, queue, payload);
  unschedule = (name: string) => this.scheduler.remove(name);
  getJob = async (id: string) => (await this.ready(), this.admin.getJob(id));
  pendingAmong = async (ids: string[]) => (await this.ready(), this.admin.pendingAmong(ids));
  listDeadJobs = async (shop?: string) => (await this.ready(), this.admin.listDeadJobs(shop));
  retryDeadJob = async (id: string) => (await this.ready(), this.admin.retryDeadJob(id));
  updateProgress = async (jobId: string, progress: JobProgress) => (await this.ready(), this.admin.saveProgress(jobId, progress));

  async cancelShopJobs(shop: string): Promise<number> {
    await this.ready();
    let count = 0;
    for (const [queue, ids] of await this.admin.unsettledByQueue(shop)) {
      await this.boss.cancel(queue, ids);
      count += ids.length;
    }
    for (const run of this.running.values()) if (run.shop === shop && !survivesUninstall(run.queue)) run.abort.abort(new Error("shop jobs cancelled"));
    return count;
  }

  async start(): Promise<void> {
    if (this.working) return;
    this.working = true;
    await this.ready();
    const cap = this.options.perShopConcurrency ?? TUNING_DEFAULTS.perShopConcurrency;
    for (const [queue, reg] of this.handlers) {
      await this.ensureQueue(queue);
      await this.boss.updateQueue(queue, { expireInSeconds: seconds(reg.leaseMs), deleteAfterSeconds: this.keepFinishedSeconds });
      await this.boss.work<Envelope>(
        queue,
        {
          batchSize: 1,
          localConcurrency: reg.concurrency,
          // pg-boss's global groupConcurrency counts active jobs without a lock, so concurrent
          // fetches overshoot it; the local cap is exact within this worker process.
          localGroupConcurrency: Math.min(cap, reg.concurrency),
          pollingIntervalSeconds: Math.max(0.5, (this.options.pollMs ?? TUNING_DEFAULTS.pollMs) / 1000),
        },
        async ([job]) => this.execute(queue, job!),
      );
    }
    const tick = () => void this.scheduler.runDue().catch((e) => this.logger.error("jobs.schedule.failed", { error: errorKind(e) }));
    this.ticker = setInterval(tick, this.options.pollMs ?? TUNING_DEFAULTS.pollMs);
    tick();
    this.logger.info("jobs.worker.started", { backend: this.backend, worker: this.workerId, queues: [...this.handlers.keys()] });
  }

  private async execute(queue: string, job: Job<Envelope>): Promise<unknown> {
    const reg = this.handlers.get(queue)!;
    const local = new AbortController();
    const envelope = job.data;
    this.running.set(job.id, { shop: envelope.shop, queue, abort: local });
    let progress: JobProgress | null = null;
    const log = { job: job.id, queue, attempt: job.retryCount + 1, worker: this.workerId };
    try {
      this.logger.info("jobs.job.started", log);
      const value = await reg.handler({
        id: job.id, queue, payload: envelope.payload, shop: envelope.shop,
        attempt: job.retryCount + 1, maxAttempts: envelope.maxAttempts,
        signal: AbortSignal.any([job.signal, local.signal]),
        updateProgress: async (p) => {
          progress = { done: p.done, total: p.total };
          await this.admin.saveProgress(job.id, progress);
        },
      });
      this.logger.info("jobs.job.completed", log);
      return { value: value ?? null, progress };
    } catch (error) {
      this.logger.error("jobs.job.failed", { ...log, error: errorKind(error) });
      throw error;
    } finally {
      this.running.delete(job.id);
    }
  }

  async stop(graceMs = 30_000): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.working = false;
    if (!this.booted) return;
    await this.booted.catch(() => {});
    // pg-boss waits for in-flight handlers up to the timeout; what is left expires by its lease.
    await this.boss.stop({ graceful: true, close: true, timeout: graceMs });
    this.booted = null;
    this.queues.clear();
    this.logger.info("jobs.worker.stopped", { worker: this.workerId });
  }
}
