// The row-level state transitions of the DB backend. Every write is a conditional updateMany whose
// count says whether this worker won; nothing reads a row and then writes it on the strength of
// that read alone, so several worker processes can share one database safely.
import type { Job, Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import type { JobProgress } from "./types";

const due = (now: Date): Prisma.JobWhereInput => ({
  OR: [{ state: "queued", runAt: { lte: now } }, { state: "active", lockedUntil: { lt: now } }],
});

export function findDue(db: Db, queue: string, now: Date, skipShops: string[], take: number): Promise<Job[]> {
  const shopFilter: Prisma.JobWhereInput = skipShops.length ? { OR: [{ shop: null }, { shop: { notIn: skipShops } }] } : {};
  return db.job.findMany({ where: { queue, AND: [due(now), shopFilter] }, orderBy: { runAt: "asc" }, take });
}

/**
 * Which of these queues have work due now: one query, so an idle worker with many registered queues asks the
 * database once per poll instead of once per queue.
 */
export async function queuesWithDue(db: Db, queues: string[], now: Date): Promise<Set<string>> {
  if (!queues.length) return new Set();
  const rows = await db.job.groupBy({ by: ["queue"], where: { queue: { in: queues }, ...due(now) } });
  return new Set(rows.map((r) => r.queue));
}

/** Active jobs per shop across every worker, counting only leases still alive. */
export async function activeByShop(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await db.job.groupBy({
    by: ["shop"],
    where: { state: "active", lockedUntil: { gt: now }, shop: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.shop!, r._count._all]));
}

export async function activeCountForShop(db: Db, shop: string, now: Date): Promise<number> {
  return db.job.count({ where: { shop, state: "active", lockedUntil: { gt: now } } });
}

/** Takes the job if it is still due (or its lease ran out); the attempt counts from here. */
export async function claim(db: Db, job: Job, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
  if (job.state === "active" && job.attempts >= job.maxAttempts) {
    // Its worker died on the last attempt: nothing left to retry.
    await db.job.updateMany({
      where: { id: job.id, state: "active", lockedUntil: { lt: now } },
      data: { state: "dead", lockedBy: null, lockedUntil: null, lastError: "lease expired on the last attempt" },
    });
    return false;
  }
  const { count } = await db.job.updateMany({
    where: { id: job.id, ...due(now) },
    data: { state: "active", lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
  });
  return count === 1;
}

const mine = (id: string, workerId: string): Prisma.JobWhereInput => ({ id, lockedBy: workerId, state: "active" });

/** Extends the lease; false means the job is no longer ours (cancelled or taken over). */
export async function renewLease(db: Db, id: string, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
  const { count } = await db.job.updateMany({ where: mine(id, workerId), data: { lockedUntil: new Date(now.getTime() + leaseMs) } });
  return count === 1;
}

/** Hands the job back without counting the attempt (shutdown, or a shop over its cap). */
export async function release(db: Db, id: string, workerId: string, now: Date): Promise<void> {
  await db.job.updateMany({
    where: mine(id, workerId),
    data: { state: "queued", lockedBy: null, lockedUntil: null, runAt: now, attempts: { decrement: 1 } },
  });
}

export async function complete(db: Db, id: string, workerId: string, now: Date, value: unknown, progress: JobProgress | null) {
  const result = JSON.parse(JSON.stringify({ value: value ?? null, progress })) as Prisma.InputJsonValue;
  await db.job.updateMany({
    where: mine(id, workerId),
    data: { state: "completed", completedAt: now, lockedBy: null, lockedUntil: null, result },
  });
}

/** Queues the next attempt after `retryInMs`, or marks the job dead when attempts are used up. */
export async function fail(db: Db, job: Job, workerId: string, now: Date, lastError: string, retryInMs: number) {
  const dead = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: mine(job.id, workerId),
    data: dead
      ? { state: "dead", lockedBy: null, lockedUntil: null, lastError }
      : { state: "queued", lockedBy: null, lockedUntil: null, lastError, runAt: new Date(now.getTime() + retryInMs) },
  });
}
