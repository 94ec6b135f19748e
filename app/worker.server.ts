// The job worker process (`npm run worker`): runs every handler in app/server/jobs/handlers.ts on
// the backend JOBS_BACKEND selects, and drains in-flight jobs on SIGTERM/SIGINT before exiting.
// `npm run build` bundles it to build/worker.js, which `npm run worker` runs on plain node, as the web servers run
// (under tsx, its CLI process and loader cost ~67 MB more per process; ADR 0720, "Tenth round").
import "~/server/require-config";
import db from "~/db.server";
import { createConsoleLogger, createJobQueueFromEnv, jobBackendFromEnv, registerJobHandlers } from "~/server/jobs";

const logger = createConsoleLogger({ service: "worker" });
const graceMs = Number(process.env.JOBS_SHUTDOWN_GRACE_MS ?? 25_000);

const jobs = createJobQueueFromEnv(db, { logger });
const queues = await registerJobHandlers({ db, jobs });
await jobs.start();
logger.info("worker.started", { backend: jobBackendFromEnv(), queues });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  // A second signal while draining means the operator wants out now.
  if (stopping) process.exit(1);
  stopping = true;
  logger.info("worker.stopping", { signal, graceMs });
  try {
    await jobs.stop(graceMs);
    await db.$disconnect();
    logger.info("worker.stopped", {});
    process.exit(0);
  } catch (error) {
    logger.error("worker.stop_failed", { error: error instanceof Error ? error.name : typeof error });
    process.exit(1);
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
