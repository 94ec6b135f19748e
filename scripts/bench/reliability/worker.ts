// A worker process of the reliability run: the fulfillment job handlers on the run's job backend, Shopify
// calls sent to the parent's emulator, supplier calls to the parent's sandbox. Configured by environment.
import { createShopifyFetch } from "../../../app/emulator/shopify-fetch";
import db from "../../../app/db.server";
import { createSandboxAdapter } from "../../../app/server/suppliers/sandbox";
import { useSupplierAdapters } from "../../../app/server/fulfillment/supplier-gateway.server";
import { createJobQueue } from "../../../app/server/jobs/create-job-queue"; // not the index: no other domain's handlers
import { fulfillmentJobHandlers } from "../../../app/server/fulfillment/jobs.server";

process.on("disconnect", () => process.exit(0)); // the parent is gone: no orphans
if (!process.connected) process.exit(0);
const config = JSON.parse(process.env.BENCH_WORKER_CONFIG!) as {
  emulatorUrl: string; supplierUrl: string; backend: "db" | "pgboss"; queues: string[]; resilience: NonNullable<Parameters<typeof createSandboxAdapter>[0]>["resilience"];
};
globalThis.fetch = createShopifyFetch(config.emulatorUrl, globalThis.fetch);
useSupplierAdapters(async () => createSandboxAdapter({ baseUrl: config.supplierUrl, resilience: config.resilience }));
const queue = createJobQueue({ backend: config.backend, db, leaseMs: 4_000, pollMs: 500, perShopConcurrency: 4, retry: { baseMs: 300, factor: 2, capMs: 5_000 }, maxAttempts: 25, logger: { info() {}, error() {} } });
for (const [name, reg] of Object.entries(fulfillmentJobHandlers({ db, jobs: queue }))) {
  if (config.queues.includes(name)) queue.register(name, reg.handler, { ...reg.options, concurrency: 8 });
}
globalThis.__silkrouteJobs = queue; // enqueues from handlers go through this worker's queue
await queue.start();

// BENCH_PROFILE_MS=<ms>: write a CPU profile of this worker's first <ms> to .data/ (open it in Chrome DevTools),
// for finding what limits throughput. Workers are SIGKILLed, so Node's own --cpu-prof would never write one.
if (process.env.BENCH_PROFILE_MS) {
  const { Session } = await import("node:inspector/promises");
  const fs = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  setTimeout(async () => {
    const { profile } = await session.post("Profiler.stop");
    fs.writeFileSync(`.data/worker-${process.pid}.cpuprofile`, JSON.stringify(profile));
  }, Number(process.env.BENCH_PROFILE_MS)).unref();
}
