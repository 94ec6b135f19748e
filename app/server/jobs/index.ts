// Public surface of durable jobs. Code that only enqueues uses the process-wide `jobQueue()` from
// ./queue.server; the worker builds its own queue so it can register handlers before starting.
export { createJobQueue, createJobQueueFromEnv, jobBackendFromEnv, type CreateJobQueueOptions, type JobBackend } from "./create-job-queue";
export { jobHandlers, jobSchedules, registerJobHandlers, type JobDeps, type JobRegistration, type JobScheduleSpec } from "./handlers";
export { createConsoleLogger, silentLogger } from "./logger";
export { backoffDelay, DEFAULT_RETRY } from "./backoff";
export { nextCronTime, parseCron } from "./cron";
export type * from "./types";
export { TUNING_DEFAULTS } from "./types";
