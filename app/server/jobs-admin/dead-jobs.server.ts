import { jobQueue } from "../jobs/queue.server";
import type { JobInfo } from "../jobs/types";

export interface DeadJobView {
  id: string;
  queue: string;
  attempts: number;
  lastError: string | null;
}

const toView = (job: JobInfo): DeadJobView => ({ id: job.id, queue: job.queue, attempts: job.attempts, lastError: job.lastError });

/** Jobs of this shop that used up their attempts; kept so the merchant (and we) can see and retry them. */
export async function deadJobsForShop(shop: string): Promise<DeadJobView[]> {
  return (await jobQueue().listDeadJobs(shop)).map(toView);
}

/** Retries a dead job, only if it belongs to the asking shop. */
export async function retryShopDeadJob(shop: string, jobId: string): Promise<"retried" | "not-found" | "not-dead"> {
  const job = await jobQueue().getJob(jobId);
  if (!job || job.shop !== shop) return "not-found";
  return (await jobQueue().retryDeadJob(jobId)) ? "retried" : "not-dead";
}
