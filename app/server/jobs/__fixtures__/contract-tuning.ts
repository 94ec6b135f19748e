import type { CreateJobQueueOptions, JobBackend } from "../create-job-queue";

// Timings that make the contract suite run in seconds. pg-boss works in whole seconds (retry
// delays, expiry) and polls no faster than every 500 ms, so its numbers are coarser.
export function contractTuning(backend: JobBackend): Omit<CreateJobQueueOptions, "backend" | "db"> {
  if (backend === "db") return { retry: { baseMs: 20, factor: 2, capMs: 200 }, pollMs: 25, leaseMs: 1_000 };
  return {
    retry: { baseMs: 1_000, factor: 2, capMs: 2_000 },
    pollMs: 500,
    leaseMs: 1_000,
    pgBoss: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, max: 3 },
  };
}
