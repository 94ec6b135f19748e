// The one job interface both backends implement; domains depend on this file, never on a backend.

export type JobState = "queued" | "active" | "completed" | "dead" | "cancelled";

export interface JobProgress {
  done: number;
  total: number;
}

export interface EnqueueOptions {
  shop?: string;
  /** Same (queue, key) ever again returns the first job's id; no second job is created. */
  dedupeKey?: string;
  runAt?: Date;
  delayMs?: number;
  maxAttempts?: number;
}

export interface JobContext<P = unknown> {
  id: string;
  queue: string;
  payload: P;
  shop: string | null;
  /** 1-based; a job picked up again after a crashed worker counts the lost run as an attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the lease is lost (job cancelled, or reclaimed after this worker stalled). */
  signal: AbortSignal;
  updateProgress(progress: JobProgress): Promise<void>;
}

export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

export interface RegisterOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency?: number;
  /** How long a claim holds before another worker may take the job over. */
  leaseMs?: number;
}

export interface JobInfo {
  id: string;
  queue: string;
  shop: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  progress: JobProgress | null;
  payload: unknown;
}

export interface RetryPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
}

export interface JobLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface JobQueue {
  readonly backend: "db" | "pgboss";
  enqueue<P>(queue: string, payload: P, options?: EnqueueOptions): Promise<string>;
  register<P>(queue: string, handler: JobHandler<P>, options?: RegisterOptions): void;
  /** Upserts a UTC 5-field cron schedule; keeps the pending run when the expression is unchanged. */
  schedule(name: string, cron: string, queue: string, payload: unknown): Promise<void>;
  unschedule(name: string): Promise<void>;
  getJob(id: string): Promise<JobInfo | null>;
  /** Which of these job ids are still queued or running (one query, however many ids). */
  pendingAmong(ids: string[]): Promise<Set<string>>;
  listDeadJobs(shop?: string): Promise<JobInfo[]>;
  /** Gives a dead job one more attempt. Returns false when the job is not dead. */
  retryDeadJob(id: string): Promise<boolean>;
  /**
   * Cancels the shop's queued and running jobs (running handlers see their signal abort), except those of queues
   * that outlive the installation (`survivesUninstall`).
   */
  cancelShopJobs(shop: string): Promise<number>;
  updateProgress(jobId: string, progress: JobProgress): Promise<void>;
  start(): Promise<void>;
  /** Stops claiming, waits up to graceMs for running handlers, then releases the leases still held. */
  stop(graceMs?: number): Promise<void>;
}

/** Knobs shared by both backends; tests shrink the timings so the suite runs in seconds. */
export interface QueueTuning {
  retry?: Partial<RetryPolicy>;
  /** Default lease for queues registered without one. */
  leaseMs?: number;
  /** How often an idle worker looks for due jobs and schedules. */
  pollMs?: number;
  /** At most this many jobs of one shop run at once across all workers. */
  perShopConcurrency?: number;
  maxAttempts?: number;
  /** Clock for due times and cron; injectable so cron tests need not wait for a minute boundary. */
  now?: () => Date;
  logger?: JobLogger;
  workerId?: string;
}

export const TUNING_DEFAULTS = {
  leaseMs: 5 * 60_000,
  pollMs: 1_000,
  perShopConcurrency: 2,
  maxAttempts: 5,
  concurrency: 5,
} as const;

/**
 * Compliance work outlives the installation: Shopify sends customers/redact and customers/data_request to an
 * uninstalled app and expects an answer within 30 days, so app/uninstalled's cancel leaves these queues alone.
 * Their jobs still carry the shop, so a failure shows on that shop's failed-jobs page.
 */
export const COMPLIANCE_QUEUE_PREFIX = "compliance.";
export const survivesUninstall = (queue: string): boolean => queue.startsWith(COMPLIANCE_QUEUE_PREFIX);
