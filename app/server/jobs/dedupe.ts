import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Runs `create(id)` with a fresh job id. With a dedupe key, `create` must insert the JobDedupe row
 * in the same transaction as the job: the table's primary key is then the one arbiter, so
 * concurrent enqueues of one key (in any process, on either backend) yield exactly one job, and
 * every loser gets the winner's id.
 */
export async function createDeduped(
  db: Db,
  queue: string,
  key: string | undefined,
  create: (id: string) => Promise<void>,
): Promise<string> {
  const id = randomUUID();
  if (!key) {
    await create(id);
    return id;
  }
  const existing = await db.jobDedupe.findUnique({ where: { queue_key: { queue, key } } });
  if (existing) return existing.jobId;
  try {
    await create(id);
    return id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.jobDedupe.findUnique({ where: { queue_key: { queue, key } } });
    if (!winner) throw error;
    return winner.jobId;
  }
}
