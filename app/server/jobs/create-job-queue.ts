import { databaseProvider, databaseUrl, type Db } from "~/db.server";
import { DbJobQueue } from "./db-queue";
import { PgBossJobQueue, type PgBossQueueOptions } from "./pgboss-queue";
import type { JobQueue, QueueTuning } from "./types";

export type JobBackend = "db" | "pgboss";

export interface CreateJobQueueOptions extends QueueTuning {
  backend: JobBackend;
  db: Db;
  /** pg-boss only; defaults to DATABASE_URL, which must then be PostgreSQL. */
  connectionString?: string;
  pgBoss?: PgBossQueueOptions["pgBoss"];
}

export function createJobQueue(options: CreateJobQueueOptions): JobQueue {
  const { backend, db, connectionString, pgBoss, ...tuning } = options;
  if (backend === "db") return new DbJobQueue(db, tuning);
  const url = connectionString ?? databaseUrl();
  if (databaseProvider(url) !== "postgresql") throw new Error("the pgboss job backend needs a postgres:// connection string");
  return new PgBossJobQueue(db, { ...tuning, connectionString: url, pgBoss });
}

/** JOBS_BACKEND picks the backend ("db" unless set); "pgboss" needs DATABASE_URL to be PostgreSQL. */
export function jobBackendFromEnv(env: Record<string, string | undefined> = process.env): JobBackend {
  const value = (env.JOBS_BACKEND ?? "db").trim().toLowerCase();
  if (value !== "db" && value !== "pgboss") throw new Error(`JOBS_BACKEND must be "db" or "pgboss", got "${value}"`);
  if (value === "pgboss" && databaseProvider(env.DATABASE_URL || databaseUrl()) !== "postgresql") {
    throw new Error("JOBS_BACKEND=pgboss needs DATABASE_URL to be a postgres:// URL");
  }
  return value;
}

export function createJobQueueFromEnv(db: Db, tuning: QueueTuning = {}): JobQueue {
  return createJobQueue({ backend: jobBackendFromEnv(), db, ...tuning });
}
