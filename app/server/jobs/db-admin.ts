// Read and operator actions on the DB backend's Job rows.
import type { Job } from "@prisma/client";
import type { Db } from "~/db.server";
import { COMPLIANCE_QUEUE_PREFIX, type JobInfo, type JobProgress, type JobState } from "./types";

export function toJobInfo(row: Job): JobInfo {
  const result = row.result as { progress?: JobProgress | null } | null;
  return {
    id: row.id,
    queue: row.queue,
    shop: row.shop,
    state: row.state as JobState,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    progress: result?.progress ?? null,
    payload: row.payload,
  };
}

export async function getJob(db: Db, id: string): Promise<JobInfo | null> {
  const row = await db.job.findUnique({ where: { id } });
  return row ? toJobInfo(row) : null;
}

export async function pendingAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.job.findMany({ where: { id: { in: ids }, state: { in: ["queued", "active"] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function listDeadJobs(db: Db, shop?: string): Promise<JobInfo[]> {
  const rows = await db.job.findMany({
    where: { state: "dead", ...(shop === undefined ? {} : { shop }) },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  return rows.map(toJobInfo);
}

/** One more attempt, as pg-boss's retry() gives, so both backends agree. */
export async function retryDeadJob(db: Db, id: string, now: Date): Promise<boolean> {
  const row = await db.job.findUnique({ where: { id } });
  if (!row || row.state !== "dead") return false;
  const { count } = await db.job.updateMany({
    where: { id, state: "dead", attempts: row.attempts },
    data: { state: "queued", runAt: now, maxAttempts: row.attempts + 1, lockedBy: null, lockedUntil: null },
  });
  return count === 1;
}

export async function cancelShopJobs(db: Db, shop: string): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { shop, state: { in: ["queued", "active"] }, NOT: { queue: { startsWith: COMPLIANCE_QUEUE_PREFIX } } },
    data: { state: "cancelled", lockedBy: null, lockedUntil: null },
  });
  return count;
}

export async function saveProgress(db: Db, id: string, progress: JobProgress): Promise<void> {
  await db.job.updateMany({ where: { id, state: "active" }, data: { result: { progress: { ...progress } } } });
}
