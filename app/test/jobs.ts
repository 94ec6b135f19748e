import db from "../db.server";
import type { JobContext, JobHandler } from "../server/jobs/types";

/** Runs, in this test, the job a webhook enqueued under its dedupe key, as a worker would. */
export async function runEnqueuedJob(queue: string, dedupeKey: string, handler: JobHandler<never>): Promise<unknown> {
  const job = await db.job.findFirstOrThrow({ where: { queue, dedupeKey } });
  const context: JobContext<never> = {
    id: job.id,
    queue,
    payload: job.payload as never,
    shop: job.shop,
    attempt: 1,
    maxAttempts: job.maxAttempts,
    signal: new AbortController().signal,
    updateProgress: async () => {},
  };
  return handler(context);
}
