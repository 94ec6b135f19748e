import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { nextCronTime, parseCron } from "./cron";
import { errorKind } from "./logger";
import type { EnqueueOptions, JobLogger } from "./types";

type Enqueue = (queue: string, payload: unknown, options: EnqueueOptions) => Promise<string>;

/**
 * Cron schedules in the JobSchedule table, shared by both backends so a schedule behaves the same
 * everywhere and a test can drive it with an injected clock. Any number of workers may tick: the
 * job for one occurrence is enqueued under a dedupe key naming that occurrence, so it exists once.
 */
export class CronScheduler {
  constructor(
    private readonly db: Db,
    private readonly enqueue: Enqueue,
    private readonly now: () => Date,
    private readonly logger: JobLogger,
  ) {}

  async upsert(name: string, cron: string, queue: string, payload: unknown): Promise<void> {
    parseCron(cron);
    const existing = await this.db.jobSchedule.findUnique({ where: { name } });
    // Every worker boot re-declares its schedules; keep a pending occurrence unless the cron changed.
    const nextRunAt = existing && existing.cron === cron ? existing.nextRunAt : nextCronTime(cron, this.now());
    const data = { queue, cron, payload: payload as Prisma.InputJsonValue, nextRunAt };
    await this.db.jobSchedule.upsert({ where: { name }, create: { name, ...data }, update: data });
  }

  async remove(name: string): Promise<void> {
    await this.db.jobSchedule.deleteMany({ where: { name } });
  }

  /** Enqueues every due occurrence once; missed occurrences collapse into one run. */
  async runDue(): Promise<number> {
    const now = this.now();
    const due = await this.db.jobSchedule.findMany({ where: { nextRunAt: { lte: now } }, take: 50 });
    let fired = 0;
    for (const row of due) {
      try {
        await this.enqueue(row.queue, row.payload, { dedupeKey: `cron:${row.name}:${row.nextRunAt.toISOString()}` });
        const { count } = await this.db.jobSchedule.updateMany({
          where: { name: row.name, nextRunAt: row.nextRunAt },
          data: { nextRunAt: nextCronTime(row.cron, now), lastRunAt: now },
        });
        fired += count;
      } catch (error) {
        this.logger.error("jobs.schedule.failed", { schedule: row.name, error: errorKind(error) });
      }
    }
    return fired;
  }
}
