import { describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createJobQueue, jobBackendFromEnv } from "./create-job-queue";
import { jobSchedules, registerJobHandlers } from "./handlers";
import { PRUNE_WEBHOOK_DELIVERIES } from "./prune-webhook-deliveries";
import type { JobQueue } from "./types";

const sqlite = "file:./.data/never-opened.db";
const postgres = "postgresql://postgres@127.0.0.1:5432/x";

describe("jobBackendFromEnv", () => {
  it("defaults to the db backend", () => {
    expect(jobBackendFromEnv({ DATABASE_URL: sqlite })).toBe("db");
  });

  it("accepts pgboss only with a PostgreSQL DATABASE_URL", () => {
    expect(jobBackendFromEnv({ JOBS_BACKEND: "pgboss", DATABASE_URL: postgres })).toBe("pgboss");
    expect(() => jobBackendFromEnv({ JOBS_BACKEND: "pgboss", DATABASE_URL: sqlite })).toThrow(/postgres/);
  });

  it("rejects an unknown backend name", () => {
    expect(() => jobBackendFromEnv({ JOBS_BACKEND: "redis" })).toThrow(/JOBS_BACKEND/);
  });
});

describe("createJobQueue", () => {
  it("refuses a pg-boss queue on a SQLite connection string", () => {
    expect(() => createJobQueue({ backend: "pgboss", db: {} as never, connectionString: sqlite })).toThrow(/postgres/);
  });

  it("builds the db backend on the app database", () => {
    const db = createPrismaClient();
    expect(createJobQueue({ backend: "db", db }).backend).toBe("db");
    return db.$disconnect();
  });
});

describe("registerJobHandlers", () => {
  it("registers every listed queue and declares every schedule", async () => {
    const registered: string[] = [];
    const scheduled: string[] = [];
    const jobs = {
      register: (queue: string) => void registered.push(queue),
      schedule: async (name: string) => void scheduled.push(name),
    } as unknown as JobQueue;
    const queues = await registerJobHandlers({ db: {} as never, jobs });
    expect(queues).toContain(PRUNE_WEBHOOK_DELIVERIES);
    expect(registered).toEqual(queues);
    expect(scheduled).toEqual(jobSchedules.map((s) => s.name));
  });
});
