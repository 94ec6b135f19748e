import db from "../db.server";
import { DbJobQueue } from "./jobs/db-queue";
import type { EnqueueOptions, JobQueue } from "./jobs/types";

let queue: JobQueue | undefined;

/**
 * The process's job queue. Web processes only enqueue; `npm run worker` (app/worker.server.ts)
 * registers the handlers and starts claiming.
 */
export function appQueue(): JobQueue {
  queue ??= new DbJobQueue(db);
  return queue;
}

export function enqueueJob<P>(name: string, payload: P, options?: EnqueueOptions): Promise<string> {
  return appQueue().enqueue(name, payload, options);
}

export function cancelShopJobs(shop: string): Promise<number> {
  return appQueue().cancelShopJobs(shop);
}
