// The process-wide job queue for code that only enqueues (routes, webhook handlers, services).
import db from "~/db.server";
import { createJobQueueFromEnv } from "./create-job-queue";
import { createConsoleLogger } from "./logger";
import type { JobQueue } from "./types";

declare global {
  // eslint-disable-next-line no-var
  var __silkrouteJobs: JobQueue | undefined;
}

/** Created on first use so importing this module opens nothing; cached across dev reloads. */
export function jobQueue(): JobQueue {
  return (globalThis.__silkrouteJobs ??= createJobQueueFromEnv(db, { logger: createConsoleLogger({ service: "jobs" }) }));
}
