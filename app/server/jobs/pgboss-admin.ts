// Reads and operator actions against pg-boss's own job table, mapped onto our JobInfo shape.
import type { PgBoss } from "pg-boss";
import { COMPLIANCE_QUEUE_PREFIX, type JobInfo, type JobProgress, type JobState } from "./types";

export interface Envelope {
  payload: unknown;
  shop: string | null;
  maxAttempts: number;
}

const STATES: Record<string, JobState> = {
  created: "queued",
  retry: "queued",
  active: "active",
  completed: "completed",
  cancelled: "cancelled",
  failed: "dead",
};

const COLUMNS = `id::text AS id, name, data, state::text AS state, retry_count, started_on, output`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  name: string;
  data: Envelope | null;
  state: string;
  retry_count: number;
  started_on: Date | null;
  output: { message?: string; progress?: JobProgress } | null;
}

function toJobInfo(row: Row): JobInfo {
  const state = STATES[row.state] ?? "queued";
  return {
    id: row.id,
    queue: row.name,
    shop: row.data?.shop ?? null,
    state,
    // retry_count rises when a retry is claimed, so a started job has run retry_count + 1 times.
    attempts: row.retry_count + (row.started_on ? 1 : 0),
    maxAttempts: row.data?.maxAttempts ?? 1,
    lastError: row.state === "retry" || row.state === "failed" ? (row.output?.message ?? null) : null,
    progress: row.output?.progress ?? null,
    payload: row.data?.payload ?? null,
  };
}

export class PgBossAdmin {
  constructor(private readonly boss: PgBoss, private readonly schema: string) {}

  private async query(text: string, values: unknown[]): Promise<Row[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as Row[];
  }

  async getJob(id: string): Promise<JobInfo | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.query(`SELECT ${COLUMNS} FROM ${this.schema}.job WHERE id = $1::uuid`, [id]);
    return row ? toJobInfo(row) : null;
  }

  async pendingAmong(ids: string[]): Promise<Set<string>> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (!uuids.length) return new Set();
    const rows = await this.query(`SELECT id::text AS id FROM ${this.schema}.job WHERE id = ANY($1::uuid[]) AND state IN ('created', 'retry', 'active')`, [uuids]);
    return new Set(rows.map((r) => r.id));
  }

  async listDeadJobs(shop?: string): Promise<JobInfo[]> {
    const rows = await this.query(
      `SELECT ${COLUMNS} FROM ${this.schema}.job
       WHERE state = 'failed' AND name NOT LIKE '\\_\\_pgboss\\_\\_%' AND ($1::text IS NULL OR data->>'shop' = $1::text)
       ORDER BY completed_on DESC LIMIT 200`,
      [shop ?? null],
    );
    return rows.map(toJobInfo);
  }

  async retryDeadJob(id: string): Promise<boolean> {
    const job = await this.getJob(id);
    if (!job || job.state !== "dead") return false;
    await this.boss.retry(job.queue, id);
    return (await this.getJob(id))?.state === "queued";
  }

  /** Jobs of the shop not yet settled, grouped by queue because pg-boss cancels per queue. */
  async unsettledByQueue(shop: string): Promise<Map<string, string[]>> {
    const rows = await this.query(
      `SELECT ${COLUMNS} FROM ${this.schema}.job WHERE data->>'shop' = $1::text AND state IN ('created', 'retry', 'active') AND name NOT LIKE $2::text`,
      [shop, `${COMPLIANCE_QUEUE_PREFIX}%`],
    );
    const byQueue = new Map<string, string[]>();
    for (const row of rows) byQueue.set(row.name, [...(byQueue.get(row.name) ?? []), row.id]);
    return byQueue;
  }

  async saveProgress(id: string, progress: JobProgress): Promise<void> {
    if (!UUID.test(id)) return;
    await this.boss.getDb().executeSql(
      `UPDATE ${this.schema}.job SET output = jsonb_build_object('progress', $2::jsonb) WHERE id = $1::uuid AND state = 'active'`,
      [id, JSON.stringify({ done: progress.done, total: progress.total })],
    );
  }
}
