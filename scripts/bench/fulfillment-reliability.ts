// Reliability run for exactly-once supplier orders (ADR 0600).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/silkroute_reliability \
//     npx tsx scripts/bench/fulfillment-reliability.ts [--orders 10000] [--workers 4] [--jobs db|pgboss]
//     [--failure-rate 0.2] [--duplicates 0.1] [--kill-every-ms 4000] [--timeout-s 2400] [--keep-db]
// N orders/create webhooks (a share delivered twice, half with the same webhook id, half with a new one), a
// sandbox supplier failing a share of calls with 503s or stalls past the client timeout, worker processes
// SIGKILLed at random for the whole run. Prints the figures as JSON; exits 1 unless 0 lost and 0 duplicates.
// PostgreSQL is the production shape for many workers (the database is created and dropped by the run);
// without DATABASE_URL it uses a throwaway SQLite file, which only suits small smokes (--orders 200).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropDatabase, resetDatabase } from "./reliability/database";

const { values: args } = parseArgs({ options: {
  orders: { type: "string", default: "500" }, workers: { type: "string", default: "4" }, jobs: { type: "string", default: "db" },
  "failure-rate": { type: "string", default: "0.2" }, duplicates: { type: "string", default: "0.1" }, "kill-every-ms": { type: "string", default: "4000" },
  "timeout-s": { type: "string", default: "2400" }, "keep-db": { type: "boolean", default: false },
} });
const ROOT = path.resolve(import.meta.dirname, "../..");
// A benchmark harness: offline defaults and the emulator are test-mode behaviour (config.ts).
process.env.SILKROUTE_MODE ??= "test";
process.env.SHOPIFY_API_KEY ??= "bench-api-key";
process.env.SHOPIFY_API_SECRET ??= "bench-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3999";
process.env.FULFILLMENT_RETRY_BASE_MS ??= "200";
// The client gives up after 1 s; injected stalls hang 1.5 s, so every one of them is a timeout. (A 150 ms
// timeout made the loaded parent's own event-loop lag look like supplier timeouts at 10k orders.)
const RESILIENCE = { timeoutMs: 1_000, retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 }, breaker: { failureThreshold: 8, openMs: 500 } };
const STALL_MS = 1_500;
const SUPPLIER_DAY_MS = 3_000; // the supplier's clock runs 8 hours per real second
// Tracking, in real time: the poll window is one supplier day (one job per 25 shops with rows due per window);
// a parcel awaiting its number is due every window, one in transit every three supplier days.
const POLL_WINDOW_MS = SUPPLIER_DAY_MS;
const CADENCE = { awaitingTrackingMs: SUPPLIER_DAY_MS, inTransitMs: 3 * SUPPLIER_DAY_MS, leaseMs: 30_000 };
// Only the queues this flow uses: the cron queues (poll, stuck, sweep) are driven by the parent here.
const WORKER_QUEUES = ["fulfillment.process-requests", "fulfillment.sync-order", "fulfillment.place-supplier-order", "fulfillment.cancel-order", "fulfillment.sync-tracking", "fulfillment.sync-shop-tracking"];
const OPEN_QUEUES = ["fulfillment.sync-order", "fulfillment.place-supplier-order"];

await runParent();

async function runParent(): Promise<void> {
  const N = Number(args.orders);
  const url = process.env.DATABASE_URL || `file:./.data/bench-fulfillment-${process.pid}.db`;
  process.env.DATABASE_URL = url;
  process.env.JOBS_BACKEND = args.jobs;
  await resetDatabase(ROOT, url);
  const { createEmulator, createShopifyFetch } = await import("../../app/emulator");
  const { createManualClock } = await import("../../app/server/suppliers/resilience/clock");
  const { createSandboxSupplierService } = await import("../../app/server/suppliers/sandbox/service/sandbox-service");
  const { default: db } = await import("../../app/db.server");
  const { createJobQueue } = await import("../../app/server/jobs/create-job-queue");
  const { webhookAction } = await import("../../app/server/webhooks/receive.server");
  const { onOrderCreated } = await import("../../app/server/webhooks/topics.server");
  const { pollTracking, sweepInFlight } = await import("../../app/server/fulfillment/maintenance.server");
  const { countingFront } = await import("./reliability/supplier-counter");
  const { createBenchShops } = await import("./reliability/shops");
  const { buildReport, passed } = await import("./reliability/report");

  const emulator = createEmulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!, appTomlPath: null, webhookRetryDelaysMs: [], fetch: (async () => new Response("ok")) as typeof fetch });
  const emulatorUrl = await emulator.listen();
  globalThis.fetch = createShopifyFetch(emulatorUrl, globalThis.fetch);
  const supplierClock = createManualClock(Date.now());
  const sandbox = createSandboxSupplierService({ seed: 7, productCount: 200, clock: supplierClock, failureRate: Number(args["failure-rate"]), stallMs: STALL_MS });
  const supplier = await countingFront(sandbox.handler);
  const variant = sandbox.catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => (v.stock["CN-SZ"] ?? 0) >= 1000);
  if (!variant) throw new Error("no sandbox variant with stock in CN-SZ");
  const shops = await createBenchShops(Math.ceil(N / 50), emulator, { pid: variant.p.pid, vid: variant.v.vid, cost_fen: variant.v.cost_fen });
  // The parent enqueues (webhooks, polls, sweeps) on the same backend the workers run.
  globalThis.__silkrouteJobs = createJobQueue({ backend: args.jobs as "db" | "pgboss", db, maxAttempts: 25 });

  // Workers run a pre-built bundle: a restart costs ~0.5 s of CPU instead of ~2 s of on-the-fly TypeScript,
  // so frequent kills measure recovery, not compilation.
  const workerBundle = await bundleWorker();
  const env = { ...process.env, BENCH_WORKER_CONFIG: JSON.stringify({ emulatorUrl, supplierUrl: supplier.url, backend: args.jobs, queues: WORKER_QUEUES, resilience: RESILIENCE }) };
  const workers = new Set<ChildProcess>();
  let kills = 0;
  const spawnWorker = () => {
    const child = spawn(process.execPath, [workerBundle], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit", "ipc"] });
    workers.add(child);
    child.on("exit", () => workers.delete(child));
  };
  for (let i = 0; i < Number(args.workers); i++) spawnWorker();
  const chaos = setInterval(() => {
    const victim = [...workers][Math.floor(Math.random() * workers.size)];
    if (victim) { victim.kill("SIGKILL"); kills++; }
    spawnWorker();
  }, Number(args["kill-every-ms"]));

  const started = Date.now();
  const deadline = started + Number(args["timeout-s"]) * 1000;
  const deliver = webhookAction("orders/create", onOrderCreated);
  const deliveries = { total: 0, sameId: 0, newId: 0 };
  let deliveredAt = 0;
  let next = 0;
  const deliveryLane = async () => { // Shopify delivers concurrently; a duplicate follows its original
    while (next < N) {
      const { shop, variantGid } = shops[next++ % shops.length]!;
      emulator.controls.placeOrder(shop, { lines: [{ variantId: variantGid, quantity: 1 }], shippingAddress: { firstName: "Bench", lastName: "Buyer", address1: "Hauptstrasse 5", city: "Berlin", zip: "10115", countryCode: "DE" } });
      const payload = emulator.controls.events(shop, "orders/create").at(-1)!.payload;
      const id = crypto.randomUUID();
      const ids = [id];
      if (Math.random() < Number(args.duplicates)) {
        const same = Math.random() < 0.5;
        ids.push(same ? id : crypto.randomUUID());
        if (same) deliveries.sameId++; else deliveries.newId++;
      }
      for (const webhookId of ids) {
        await deliver({ request: signed(shop, payload, webhookId), params: {}, context: {} });
        deliveries.total++;
      }
    }
  };
  const delivering = Promise.all(Array.from({ length: 4 }, deliveryLane)).then(() => { deliveredAt = Date.now(); });

  // Maintenance runs from the first second, as the cron would: the supplier's clock, tracking polls, sweeps.
  let settledAt = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    supplierClock.advance(8 * 3_600_000);
    const now = new Date();
    await pollTracking(now, POLL_WINDOW_MS, CADENCE, 25); // 50 orders a shop: 25 shops a job
    await sweepInFlight(now, 120_000); // a backstop: durable jobs come back by lease, the sweep only finds lost ones
    const done = await db.supplierOrder.count({ where: { state: { in: ["shipped", "delivered", "exception", "failed", "needs_attention", "cancelled"] } } });
    const open = await openJobs(db, args.jobs!);
    process.stderr.write(`\r${Math.round((Date.now() - started) / 1000)} s: ${deliveries.total} deliveries, ${done}/${N} settled, ${open} jobs open, ${kills} workers killed   `);
    if (deliveredAt && done >= N && open === 0) { settledAt = Date.now(); break; }
  }
  clearInterval(chaos);
  for (const w of workers) w.kill("SIGKILL");
  await delivering;

  const rows = await db.supplierOrder.findMany({ select: { fulfillmentOrderGid: true, state: true, reasonCode: true, flagCode: true } });
  const report = buildReport({
    orders: N, deliveries, workersKilled: kills, workers: Number(args.workers), jobsBackend: args.jobs!, supplier: supplier.counts,
    supplierOrdersAtSupplier: sandbox.orderCount, rows,
    fulfillmentOrderIds: shops.flatMap(({ shop }) => (emulator.controls.orders(shop) as unknown as { fulfillmentOrders: { id: string }[] }[]).flatMap((o) => o.fulfillmentOrders.map((fo) => fo.id))),
    fulfillments: shops.flatMap(({ shop }) => emulator.controls.fulfillments(shop) as unknown as { orderId: string; events: { status: string; happenedAt: string }[] }[]),
    timedOut: !settledAt, startedAt: started, deliveredAt: deliveredAt || Date.now(), settledAt: settledAt || Date.now(), finishedAt: Date.now(),
  });
  console.log(`\n${JSON.stringify(report, null, 2)}`);
  await db.$disconnect();
  await supplier.close();
  await sandbox.close();
  await emulator.close();
  fs.rmSync(workerBundle, { force: true });
  if (!args["keep-db"]) await dropDatabase(url);
  process.exit(passed(report) ? 0 : 1);

  function signed(shop: string, payload: unknown, webhookId: string): Request {
    const body = JSON.stringify(payload);
    const hmac = crypto.createHmac("sha256", process.env.SHOPIFY_API_SECRET!).update(body).digest("base64");
    return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/orders/create`, { method: "POST", body, headers: {
      "content-type": "application/json", "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-webhook-id": webhookId,
      "x-shopify-hmac-sha256": hmac, "x-shopify-api-version": "2026-10", "x-shopify-event-id": crypto.randomUUID(), "x-shopify-triggered-at": new Date().toISOString() } });
  }
}

/** Placement work still queued or running: the run is over when none is left and every order settled. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function openJobs(db: any, backend: string): Promise<number> {
  if (backend === "db") return db.job.count({ where: { state: { in: ["queued", "active"] }, queue: { in: OPEN_QUEUES } } });
  const [row] = await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`, OPEN_QUEUES);
  return row.n;
}

async function bundleWorker(): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = path.join(ROOT, ".data", `bench-worker-${process.pid}.mjs`);
  await build({ entryPoints: [path.join(ROOT, "scripts/bench/reliability/worker.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile, tsconfig: path.join(ROOT, "tsconfig.json"), logLevel: "warning" });
  return outfile;
}
